import { createHash, createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { z } from "zod";
import { appKeyring } from "@/lib/crypto/app-keyring";
import { open, seal } from "@/lib/crypto/secret-box";

const pem = z.string().trim().min(1).max(16_384);

export const wechatSecretsSchema = z.object({
  merchantPrivateKeyPem: pem,
  apiV3Key: z.string().min(1).max(64),
  wechatPayPublicKeyPem: pem.optional(),
  platformCertificates: z
    .array(z.object({ serialNo: z.string().trim().min(1).max(64), pem }))
    .max(10)
    .optional(),
  /** The official account's AppSecret, for OAuth2 (JSAPI payments inside WeChat). */
  appSecret: z.string().trim().min(1).max(128).optional(),
});

export const alipaySecretsSchema = z.object({
  appPrivateKeyPem: pem,
  alipayPublicKeyPem: pem,
});

export type WechatSecrets = z.infer<typeof wechatSecretsSchema>;
export type AlipaySecrets = z.infer<typeof alipaySecretsSchema>;
export type ConfigSecrets = WechatSecrets | AlipaySecrets;

/** Encrypts a config's key material, bound to the config's id. */
export function sealSecrets(configId: string, secrets: ConfigSecrets): string {
  return seal(appKeyring(), JSON.stringify(secrets), `payment-config:${configId}`);
}

export function openSecrets(configId: string, sealed: string): unknown {
  return JSON.parse(open(appKeyring(), sealed, `payment-config:${configId}`));
}

function shortHash(data: Buffer | string): string {
  const hex = createHash("sha256").update(data).digest("hex").slice(0, 16);
  return hex.match(/../g)!.join(":");
}

/** "ab:cd:…" of the public half, so an operator can tell keys apart without seeing them. */
function keyFingerprint(keyPem: string): string {
  try {
    const key = keyPem.includes("PRIVATE KEY") ? createPublicKey(createPrivateKey(keyPem)) : createPublicKey(keyPem);
    return shortHash(key.export({ type: "spki", format: "der" }));
  } catch {
    return "unreadable";
  }
}

function certificateFingerprint(certPem: string): string {
  try {
    return shortHash(new X509Certificate(certPem).raw);
  } catch {
    return "unreadable";
  }
}

/** Non-secret fingerprints of each secret that is set. */
export function secretFingerprints(secrets: ConfigSecrets): Record<string, string> {
  if ("apiV3Key" in secrets) {
    const prints: Record<string, string> = {
      merchantPrivateKeyPem: keyFingerprint(secrets.merchantPrivateKeyPem),
      apiV3Key: shortHash(`apiv3:${secrets.apiV3Key}`),
    };
    if (secrets.wechatPayPublicKeyPem) prints.wechatPayPublicKeyPem = keyFingerprint(secrets.wechatPayPublicKeyPem);
    if (secrets.appSecret) prints.appSecret = shortHash(`appsecret:${secrets.appSecret}`);
    for (const cert of secrets.platformCertificates ?? []) {
      prints[`platformCertificate:${cert.serialNo}`] = certificateFingerprint(cert.pem);
    }
    return prints;
  }
  return {
    appPrivateKeyPem: keyFingerprint(secrets.appPrivateKeyPem),
    alipayPublicKeyPem: keyFingerprint(secrets.alipayPublicKeyPem),
  };
}
