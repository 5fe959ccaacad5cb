import { headers } from "next/headers";
import { clientAddress } from "@/lib/http/client-address";

/** Where an audited action came from: the client address and its user agent. */
export interface AuditOrigin {
  address: string | null;
  userAgent: string | null;
}

const userAgentLimit = 512;

/** The origin of a request, read from its headers (the address as our server established it). */
export function originOf(source: Headers): AuditOrigin {
  const address = clientAddress(source);
  return {
    address: address === "unknown" ? null : address,
    userAgent: source.get("user-agent")?.slice(0, userAgentLimit) || null,
  };
}

/**
 * The origin of the request being served. Audited actions run in route handlers and server
 * actions, where Next.js has the request; start-up provisioning and scripts run outside any
 * request, where `headers()` throws, and their rows carry no origin.
 */
export async function currentOrigin(): Promise<AuditOrigin> {
  try {
    return originOf(await headers());
  } catch {
    return { address: null, userAgent: null };
  }
}
