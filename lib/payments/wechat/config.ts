/**
 * Merchant configuration for WeChat Pay API v3, checked and turned into key objects once, when
 * the adapter is created: a wrong key must fail loudly at start, not as a stream of rejected
 * notifies. Error messages name the field, never its value.
 */
import type { KeyObject } from "node:crypto";
import { z } from "zod";
import { createKeyRing, loadRsaPrivateKey, type KeyRing, type PlatformCertificate } from "./keys";
import { apiV3KeyBytes } from "./resource";

export interface WechatPayConfig {
  appId: string;
  mchId: string;
  /** Serial number of the merchant API certificate, sent as `serial_no` in Authorization. */
  merchantSerialNo: string;
  merchantPrivateKeyPem: string;
  /** 32-character APIv3 key: decrypts notifies. */
  apiV3Key: string;
  /** e.g. `https://api.mch.weixin.qq.com`, or our sandbox gateway; may include a path prefix. */
  gatewayBaseUrl: string;
  /** `PUB_KEY_ID_…`; give with `wechatPayPublicKeyPem`. */
  wechatPayPublicKeyId?: string;
  wechatPayPublicKeyPem?: string;
  platformCertificates?: readonly PlatformCertificate[];
  /** The official account's AppSecret: exchanges OAuth2 codes for openids (JSAPI). */
  appSecret?: string;
  /** Base of OAuth2's authorize page and access_token endpoint; unset = WeChat's own hosts. */
  oauthBaseUrl?: string;
}

/** WeChat's OAuth2 hosts: the authorize page and the API that turns a code into an openid. */
const WECHAT_OAUTH = { authorize: "https://open.weixin.qq.com", api: "https://api.weixin.qq.com" };

export interface ResolvedWechatConfig {
  appId: string;
  mchId: string;
  merchantSerialNo: string;
  merchantPrivateKey: KeyObject;
  apiV3Key: Buffer;
  /** Without trailing slash; API paths are appended. */
  gatewayBaseUrl: string;
  wechatPayPublicKeyId?: string;
  keys: KeyRing;
  appSecret?: string;
  oauth: { authorize: string; api: string };
}

const token = z.string().trim().min(1).max(64);

const configSchema = z.object({
  appId: token,
  mchId: token,
  merchantSerialNo: token,
  merchantPrivateKeyPem: z.string().min(1),
  apiV3Key: z.string().min(1),
  gatewayBaseUrl: z.url({ protocol: /^https?$/ }),
  wechatPayPublicKeyId: token.optional(),
  wechatPayPublicKeyPem: z.string().min(1).optional(),
  platformCertificates: z.array(z.object({ serialNo: token, pem: z.string().min(1) })).optional(),
  appSecret: z.string().trim().min(1).max(128).optional(),
  oauthBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
});

function baseUrl(value: string): string {
  const url = new URL(value);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error("gatewayBaseUrl must not carry credentials, a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}

/** Validates the config and loads its keys; throws an Error naming what is wrong. */
export function resolveWechatConfig(config: WechatPayConfig): ResolvedWechatConfig {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".")))];
    throw new Error(`invalid WeChat Pay config: ${fields.join(", ")}`);
  }
  const c = parsed.data;
  return {
    appId: c.appId,
    mchId: c.mchId,
    merchantSerialNo: c.merchantSerialNo,
    merchantPrivateKey: loadRsaPrivateKey(c.merchantPrivateKeyPem, "merchantPrivateKeyPem"),
    apiV3Key: apiV3KeyBytes(c.apiV3Key),
    gatewayBaseUrl: baseUrl(c.gatewayBaseUrl),
    wechatPayPublicKeyId: c.wechatPayPublicKeyId,
    keys: createKeyRing({
      wechatPayPublicKeyId: c.wechatPayPublicKeyId,
      wechatPayPublicKeyPem: c.wechatPayPublicKeyPem,
      platformCertificates: c.platformCertificates,
    }),
    appSecret: c.appSecret,
    oauth: c.oauthBaseUrl ? { authorize: baseUrl(c.oauthBaseUrl), api: baseUrl(c.oauthBaseUrl) } : WECHAT_OAUTH,
  };
}
