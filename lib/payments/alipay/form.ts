/**
 * Strict application/x-www-form-urlencoded parsing for signed Alipay messages. Lenient parsers
 * (URLSearchParams, qs) keep the last or first of two equal names; a signed message must not be
 * read two ways, so a repeated name, a broken escape or a nameless field rejects the whole body.
 */

export const MAX_FORM_CHARS = 64 * 1024;

export type FormParse = { ok: true; params: Record<string, string> } | { ok: false; detail: string };

function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

function quoted(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

/** An empty body parses to no params; callers decide whether that is acceptable. */
export function parseForm(body: string, maxChars = MAX_FORM_CHARS): FormParse {
  if (body.length > maxChars) return { ok: false, detail: `body longer than ${maxChars} characters` };
  const params = new Map<string, string>();
  if (body === "") return { ok: true, params: {} };
  for (const field of body.split("&")) {
    const equals = field.indexOf("=");
    if (equals <= 0) return { ok: false, detail: "field without a name or '='" };
    const name = decodeComponent(field.slice(0, equals));
    const value = decodeComponent(field.slice(equals + 1));
    if (name === undefined || value === undefined) return { ok: false, detail: "invalid percent-encoding" };
    if (name === "") return { ok: false, detail: "field without a name" };
    if (params.has(name)) return { ok: false, detail: `duplicated field ${quoted(name)}` };
    params.set(name, value);
  }
  return { ok: true, params: Object.fromEntries(params) };
}

/** The inverse of parseForm: "+" for spaces, everything else percent-encoded as UTF-8. */
export function encodeForm(params: Readonly<Record<string, string>>): string {
  return new URLSearchParams(Object.entries(params)).toString();
}
