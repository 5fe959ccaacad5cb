import { randomBytes } from "node:crypto";
import { appKeyring } from "@/lib/crypto/app-keyring";
import { open, seal } from "@/lib/crypto/secret-box";

// Sealed values are bound to their endpoint: a secret copied to another row will not open.
const context = (endpointId: string) => `webhook-endpoint:${endpointId}`;

/** A Standard Webhooks secret: `whsec_` and 32 CSPRNG bytes in base64. */
export function newEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function sealEndpointSecret(endpointId: string, secret: string): string {
  return seal(appKeyring(), secret, context(endpointId));
}

export function openEndpointSecret(endpointId: string, sealed: string): string {
  return open(appKeyring(), sealed, context(endpointId));
}
