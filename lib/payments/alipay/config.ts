import type { KeyObject } from "node:crypto";
import { loadPrivateKey, loadPublicKey } from "./keys";

/** One Alipay merchant configuration, as stored (decrypted) in PaymentConfig. */
export interface AlipayConfig {
  /** The open-platform application id. */
  appId: string;
  /** The merchant's PID (2088 + 12 digits); notifies must name it as seller_id. */
  sellerId: string;
  /** The application's private key: PEM (PKCS#1 or PKCS#8) or Alipay's bare base64. */
  appPrivateKeyPem: string;
  /** Alipay's public key for this application: PEM or bare base64. */
  alipayPublicKeyPem: string;
  /** The OpenAPI gateway, e.g. https://openapi.alipay.com/gateway.do. No other host is ever called. */
  gatewayUrl: string;
  /** Default page a phone returns to after wap.pay; CreatePaymentInput.returnUrl wins. */
  returnUrl?: string;
}

export interface ResolvedAlipayConfig {
  appId: string;
  sellerId: string;
  privateKey: KeyObject;
  alipayPublicKey: KeyObject;
  gatewayUrl: string;
  returnUrl?: string;
}

const SELLER_ID_PATTERN = /^2088\d{12}$/;
const APP_ID_PATTERN = /^\w{1,32}$/;

function httpUrl(text: string, label: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${label} is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`${label} must be http(s)`);
  if (url.username || url.password) throw new Error(`${label} must not carry credentials`);
  return url;
}

/** Checks a config once, up front, so a bad one fails loudly at creation rather than per call. */
export function resolveAlipayConfig(config: AlipayConfig): ResolvedAlipayConfig {
  if (!APP_ID_PATTERN.test(config.appId)) throw new Error("Alipay appId must be 1-32 letters or digits");
  if (!SELLER_ID_PATTERN.test(config.sellerId))
    throw new Error("Alipay sellerId must be a PID: 2088 followed by 12 digits");
  const gateway = httpUrl(config.gatewayUrl, "Alipay gatewayUrl");
  // Our params are appended to the URL; a query already there could be read twice by the gateway.
  if (gateway.search || gateway.hash) throw new Error("Alipay gatewayUrl must not have a query or fragment");
  if (config.returnUrl !== undefined) httpUrl(config.returnUrl, "Alipay returnUrl");
  return {
    appId: config.appId,
    sellerId: config.sellerId,
    privateKey: loadPrivateKey(config.appPrivateKeyPem),
    alipayPublicKey: loadPublicKey(config.alipayPublicKeyPem),
    gatewayUrl: gateway.href,
    ...(config.returnUrl !== undefined ? { returnUrl: config.returnUrl } : {}),
  };
}
