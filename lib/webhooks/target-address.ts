import ipaddr from "ipaddr.js";

/**
 * Whether an address is one the public internet routes to. Loopback, private, link-local,
 * carrier-grade NAT, multicast and reserved ranges are not: a webhook aimed there would let
 * whoever sets the URL make this server call its own network.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** A host written as an IP literal (IPv6 in brackets, as URLs write it), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}
