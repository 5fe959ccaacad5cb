type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address as our nearest hop saw it: the right-most X-Forwarded-For entry,
 * which that hop appended. Entries to its left come from the client and can be forged.
 */
export function clientAddress(source: HeaderSource): string {
  const forwarded = header(source, "x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || header(source, "x-real-ip")?.trim() || "unknown";
}
