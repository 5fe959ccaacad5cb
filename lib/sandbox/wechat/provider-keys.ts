/** The provider-side key material of a sandbox merchant, in the shapes the WeChat code takes. */
import type { KeyObject } from "node:crypto";
import { apiV3KeyBytes, loadRsaPrivateKey } from "@/lib/payments/wechat";
import type { MerchantKeys } from "@/lib/sandbox/types";

export interface ProviderSigner {
  privateKey: KeyObject;
  /** The `PUB_KEY_ID_…` sent in `Wechatpay-Serial`, naming the key the merchant verifies with. */
  serial: string;
}

/** Throws when the merchant was not provisioned as a WeChat merchant (no key id). */
export function providerSigner(keys: MerchantKeys): ProviderSigner {
  const serial = keys.merchant.providerKeyId;
  if (!serial) throw new Error(`sandbox merchant ${keys.merchant.id} has no WeChat Pay public key id`);
  return { privateKey: loadRsaPrivateKey(keys.providerPrivateKeyPem, "sandbox provider private key"), serial };
}

/** Throws when the merchant has no APIv3 key (not a WeChat merchant). */
export function apiV3Key(keys: MerchantKeys): Buffer {
  if (!keys.apiV3Key) throw new Error(`sandbox merchant ${keys.merchant.id} has no APIv3 key`);
  return apiV3KeyBytes(keys.apiV3Key);
}
