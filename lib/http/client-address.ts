/**
 * The header our own server (scripts/server.mjs) sets on every request to the client's address:
 * the socket's peer, or the X-Forwarded-For entry TRUST_PROXY allows. It removes any copy a
 * client sent, so route handlers can believe it.
 */
export const clientAddressHeader = "x-recharge-client-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The client's address as the server established it; "unknown" when not served by it (e.g. `next dev`). */
export function clientAddress(source: HeaderSource): string {
  return header(source, clientAddressHeader)?.trim() || "unknown";
}
