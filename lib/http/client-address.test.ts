import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, clientAddressHeader } from "@/lib/http/client-address";
import {
  applyClientAddress,
  clientAddressHeader as serverHeader,
  compileTrustProxy,
} from "@/scripts/trusted-address.mjs";

function request(remoteAddress: string, headers: Record<string, string> = {}): IncomingMessage {
  const socket = { remoteAddress };
  return { headers: { ...headers }, socket, connection: socket } as unknown as IncomingMessage;
}

function addressSeen(trustProxy: string | undefined, remote: string, headers: Record<string, string> = {}) {
  const incoming = request(remote, headers);
  applyClientAddress(incoming, compileTrustProxy(trustProxy));
  return clientAddress(incoming.headers);
}

describe("client addresses", () => {
  it("the server and the route handlers agree on the header", () => {
    expect(serverHeader).toBe(clientAddressHeader);
  });

  it("without TRUST_PROXY uses the socket and ignores X-Forwarded-For and forged copies of our header", () => {
    for (const setting of [undefined, "", "false", "0"]) {
      expect(
        addressSeen(setting, "203.0.113.9", { "x-forwarded-for": "1.2.3.4", [clientAddressHeader]: "5.6.7.8" }),
      ).toBe("203.0.113.9");
    }
  });

  it("with a hop count takes that many proxies off the right of the chain", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 198.51.100.1, 10.0.0.2" };
    expect(addressSeen("1", "10.0.0.1", headers)).toBe("10.0.0.2");
    expect(addressSeen("2", "10.0.0.1", headers)).toBe("198.51.100.1");
    // Fewer entries than hops: the left-most one the chain has.
    expect(addressSeen("9", "10.0.0.1", headers)).toBe("6.6.6.6");
  });

  it("with proxy addresses believes the header only through them", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 198.51.100.1" };
    expect(addressSeen("10.0.0.0/8", "10.0.0.1", headers)).toBe("198.51.100.1");
    expect(addressSeen("10.0.0.0/8, 198.51.100.1", "10.0.0.1", headers)).toBe("6.6.6.6");
    expect(addressSeen("loopback", "203.0.113.9", headers)).toBe("203.0.113.9");
  });

  it("refuses a setting it cannot read", () => {
    expect(() => compileTrustProxy("not-an-address")).toThrow();
  });

  it("says unknown outside our server", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
  });
});
