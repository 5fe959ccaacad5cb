import { readCapped } from "@/lib/http/read-capped";
import { MAX_FORM_CHARS, readGatewayRequest, type FormParse } from "@/lib/payments/alipay";

// A form body is ASCII once encoded, so the parser's character limit is also a byte limit.
const MAX_BODY_BYTES = MAX_FORM_CHARS;

type BodyRead = { ok: true; text: string } | { ok: false; detail: string };

/** Reads at most MAX_BODY_BYTES, so an oversized body is refused without being buffered whole. */
async function readBody(request: Request): Promise<BodyRead> {
  const body = await readCapped(request.body, MAX_BODY_BYTES);
  if (!body) return { ok: false, detail: `body larger than ${MAX_BODY_BYTES} bytes` };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(body) };
  } catch {
    return { ok: false, detail: "body is not valid UTF-8" };
  }
}

/** The request's params, from the URL query and the form body together, as Alipay reads them. */
export async function readGatewayParams(request: Request): Promise<FormParse> {
  const body = await readBody(request);
  if (!body.ok) return body;
  return readGatewayRequest(new URL(request.url).search, body.text);
}
