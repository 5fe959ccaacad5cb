import { topLevelMembers } from "./json-members";
import { rsa2Sign, rsa2Verify, type RsaKey } from "./sign";

/**
 * Gateway responses look like {"alipay_trade_query_response":{…},"sign":"…"}; the signature
 * covers the raw text of the response value only. alipay-sdk's exec() cuts that text out with
 * indexOf/lastIndexOf but returns JSON.parse's view of the body, so a body that repeats the
 * response key verifies one object and returns the other (see response.test.ts). Here the
 * response is located by a real JSON scan, any repeated top-level key is refused, and the payload
 * handed back is parsed from exactly the text that was verified.
 */

const ERROR_KEY = "error_response";

/** "alipay.trade.query" → "alipay_trade_query_response". */
export function responseKey(method: string): string {
  return `${method.replaceAll(".", "_")}_response`;
}

/** Gateway side: the body Alipay would send for `method`, signed with Alipay's private key. */
export function signAlipayResponse(
  method: string,
  payload: Readonly<Record<string, unknown>>,
  privateKey: RsaKey,
): string {
  const content = JSON.stringify(payload);
  return `{${JSON.stringify(responseKey(method))}:${content},"sign":${JSON.stringify(rsa2Sign(content, privateKey))}}`;
}

export type ResponseProblem =
  /** Not a JSON object, or no response member for this method. */
  | "MALFORMED"
  /** A top-level key appears twice, so what was signed and what would be read may differ. */
  | "AMBIGUOUS"
  | "UNSIGNED"
  | "BAD_SIGNATURE";

export type VerifiedResponse = { ok: true; payload: unknown } | { ok: false; problem: ResponseProblem; detail: string };

function failure(problem: ResponseProblem, detail: string): VerifiedResponse {
  return { ok: false, problem, detail };
}

// Codes from an unsigned body are only hints for a human, so only tame-looking ones are repeated.
function unverifiedHint(raw: string): string {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return "";
    const hints = ["code", "sub_code"].flatMap((field) => {
      const value: unknown = Reflect.get(parsed, field);
      return typeof value === "string" && /^[\w.-]{1,64}$/.test(value) ? [`${field}=${value}`] : [];
    });
    return hints.length > 0 ? ` (unverified ${hints.join(" ")})` : "";
  } catch {
    return "";
  }
}

/** Our side: checks a gateway body for `method` and returns the verified response value. */
export function verifyAlipayResponse(body: string, method: string, publicKey: RsaKey): VerifiedResponse {
  try {
    JSON.parse(body);
  } catch {
    return failure("MALFORMED", "response is not JSON");
  }
  const members = topLevelMembers(body);
  if (!members) return failure("MALFORMED", "response is not a JSON object");
  const seen = new Set<string>();
  for (const { key } of members) {
    if (seen.has(key)) return failure("AMBIGUOUS", `response repeats the key ${JSON.stringify(key)}`);
    seen.add(key);
  }
  const expected = responseKey(method);
  const candidates = members.filter(({ key }) => key === expected || key === ERROR_KEY);
  const [response] = candidates;
  if (!response || candidates.length > 1) {
    return failure("MALFORMED", `response needs exactly one of ${expected} or ${ERROR_KEY}`);
  }
  const signMember = members.find(({ key }) => key === "sign");
  const signature: unknown = signMember ? JSON.parse(signMember.raw) : undefined;
  if (typeof signature !== "string" || signature === "") {
    return failure("UNSIGNED", `response carries no signature${unverifiedHint(response.raw)}`);
  }
  if (!rsa2Verify(response.raw, signature, publicKey)) {
    return failure("BAD_SIGNATURE", "response signature does not verify with the Alipay public key");
  }
  return { ok: true, payload: JSON.parse(response.raw) };
}
