/**
 * Splits the text of a JSON object into its top-level members, keeping each value's exact source
 * text. Alipay signs the raw text of the `xxx_response` value, so that slice — and not a
 * re-serialisation, nor whatever JSON.parse keeps of a repeated key — is what gets verified.
 * The caller must have checked the text with JSON.parse; this only finds the boundaries.
 */

export interface JsonMember {
  /** The key with JSON escapes resolved, so "a\u005fb" and "a_b" are the same member. */
  key: string;
  /** The value exactly as it appears in the text. */
  raw: string;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);

function skipWhitespace(text: string, index: number): number {
  let i = index;
  while (i < text.length && WHITESPACE.has(text.charAt(i))) i += 1;
  return i;
}

/** Index just past the string literal that opens at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === "\\") i += 1;
    else if (char === '"') return i + 1;
  }
  return -1;
}

/** Index just past the value that opens at `start`, or -1. */
function valueEnd(text: string, start: number): number {
  const first = text.charAt(start);
  if (first === '"') return stringEnd(text, start);
  if (first === "{" || first === "[") {
    let depth = 0;
    for (let i = start; i < text.length; i += 1) {
      const char = text.charAt(i);
      if (char === '"') {
        i = stringEnd(text, i) - 1;
        if (i < 0) return -1;
      } else if (char === "{" || char === "[") depth += 1;
      else if (char === "}" || char === "]") {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }
  let i = start;
  while (i < text.length && !",}] \t\n\r".includes(text.charAt(i))) i += 1;
  return i > start ? i : -1;
}

function parseKey(token: string): string | undefined {
  try {
    const key: unknown = JSON.parse(token);
    return typeof key === "string" ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The members in source order (repeats included), or undefined if the text is not one JSON object. */
export function topLevelMembers(text: string): JsonMember[] | undefined {
  let i = skipWhitespace(text, 0);
  if (text.charAt(i) !== "{") return undefined;
  i = skipWhitespace(text, i + 1);
  const members: JsonMember[] = [];
  if (text.charAt(i) === "}") return skipWhitespace(text, i + 1) === text.length ? members : undefined;
  for (;;) {
    if (text.charAt(i) !== '"') return undefined;
    const keyEnd = stringEnd(text, i);
    if (keyEnd < 0) return undefined;
    const key = parseKey(text.slice(i, keyEnd));
    if (key === undefined) return undefined;
    i = skipWhitespace(text, keyEnd);
    if (text.charAt(i) !== ":") return undefined;
    const start = skipWhitespace(text, i + 1);
    const end = valueEnd(text, start);
    if (end < 0) return undefined;
    members.push({ key, raw: text.slice(start, end) });
    i = skipWhitespace(text, end);
    if (text.charAt(i) === ",") {
      i = skipWhitespace(text, i + 1);
    } else if (text.charAt(i) === "}") {
      return skipWhitespace(text, i + 1) === text.length ? members : undefined;
    } else {
      return undefined;
    }
  }
}
