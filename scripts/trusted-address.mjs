// Who the client is, from the socket and TRUST_PROXY; shared by scripts/server.mjs and the
// test servers. The header name is lib/http/client-address.ts's `clientAddressHeader`.
import proxyaddr from "proxy-addr";

export const clientAddressHeader = "x-recharge-client-address";

/**
 * TRUST_PROXY → proxy-addr's trust function. Unset, "", "false" or "0": no proxy, the socket's
 * peer is the client and X-Forwarded-For is ignored. A number: that many proxies in front.
 * Otherwise a comma-separated list of proxy addresses, CIDR ranges or the names "loopback",
 * "linklocal", "uniquelocal". Throws on anything else.
 */
export function compileTrustProxy(value) {
  const setting = (value ?? "").trim();
  if (setting === "" || setting === "false" || setting === "0") return () => false;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, index) => index < hops;
  }
  return proxyaddr.compile(
    setting
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  );
}

/** Replaces whatever client-address header the request came with by the trusted one. */
export function applyClientAddress(request, trust) {
  for (const name of Object.keys(request.headers)) {
    if (name.toLowerCase() === clientAddressHeader) delete request.headers[name];
  }
  const address = request.socket.remoteAddress ? proxyaddr(request, trust) : undefined;
  if (address) request.headers[clientAddressHeader] = address;
}
