import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from "node:crypto";
import { loadPrivateKey as loadAlipayPrivateKey, loadPublicKey as loadAlipayPublicKey } from "@/lib/payments/alipay";
import type { AlipaySecrets, WechatSecrets } from "@/lib/payment-configs/secrets";

/**
 * Field-by-field checks of merchant key material, so an operator learns which field is wrong
 * (and why) before anything is saved. The adapter is still built afterwards as the final word;
 * these checks exist for the messages. Messages are codes; no key text is ever echoed.
 */

export type FieldErrors = Record<string, string>;

const minRsaBits = 2048;
const apiV3KeyBytes = 32;
const wechatPublicKeyIdPrefix = "PUB_KEY_ID_";

type Parsed<T> = { ok: true; value: T } | { ok: false; code: string };

function rsaKey(key: KeyObject): Parsed<KeyObject> {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  return key.asymmetricKeyType === "rsa" && bits >= minRsaBits
    ? { ok: true, value: key }
    : { ok: false, code: "rsa_2048_required" };
}

const isPem = (text: string) => text.trim().startsWith("-----BEGIN");

/** WeChat takes PEM; Alipay's key tool also hands out bare base64, which its loader reads. */
function readPrivateKey(text: string, allowBareBase64: boolean): Parsed<KeyObject> {
  if (/PUBLIC KEY|CERTIFICATE/.test(text)) return { ok: false, code: "not_a_private_key" };
  try {
    if (isPem(text)) return rsaKey(createPrivateKey(text));
    if (allowBareBase64) return rsaKey(loadAlipayPrivateKey(text));
  } catch {
    // reported below
  }
  return { ok: false, code: "private_key_invalid" };
}

function readPublicKey(text: string, allowBareBase64: boolean): Parsed<KeyObject> {
  // Node would derive a public key from a pasted private key; refuse that mix-up.
  if (text.includes("PRIVATE KEY")) return { ok: false, code: "is_private_key" };
  if (text.includes("CERTIFICATE")) return { ok: false, code: "is_certificate" };
  try {
    if (isPem(text)) return rsaKey(createPublicKey(text));
    if (allowBareBase64) return rsaKey(loadAlipayPublicKey(text));
  } catch {
    // reported below
  }
  return { ok: false, code: "public_key_invalid" };
}

function readCertificate(text: string): Parsed<X509Certificate> {
  try {
    return { ok: true, value: new X509Certificate(text) };
  } catch {
    return { ok: false, code: "certificate_invalid" };
  }
}

/** A serial as WeChat writes it in one canonical form (hex, any case, sometimes leading zeros). */
export function normalSerial(serial: string): string {
  return serial
    .trim()
    .toUpperCase()
    .replace(/^0+(?=.)/, "");
}

function sameSerial(a: string, b: string): boolean {
  return normalSerial(a) === normalSerial(b);
}

function sameKey(a: KeyObject, b: KeyObject): boolean {
  const der = (key: KeyObject) =>
    (key.type === "private" ? createPublicKey(key) : key).export({ type: "spki", format: "der" });
  return der(a).equals(der(b));
}

function checkGatewayUrl(url: string, errors: FieldErrors) {
  const parsed = new URL(url);
  // Our parameters are appended to it; credentials would end up in logs.
  if (parsed.search || parsed.hash || parsed.username || parsed.password) errors.gatewayUrl = "gateway_url_plain";
}

export interface WechatKeyCheck {
  gatewayUrl: string;
  merchantSerialNo: string;
  providerKeyId?: string;
  secrets: Partial<WechatSecrets>;
  merchantCertificatePem?: string;
  now?: Date;
}

function checkMerchantCertificate(check: WechatKeyCheck, privateKey: KeyObject | null, errors: FieldErrors) {
  if (!check.merchantCertificatePem) return;
  const cert = readCertificate(check.merchantCertificatePem);
  if (!cert.ok) {
    errors["secrets.merchantCertificatePem"] = cert.code;
    return;
  }
  if (!sameSerial(cert.value.serialNumber, check.merchantSerialNo)) {
    errors["secrets.merchantCertificatePem"] = "serial_mismatch";
  }
  if (privateKey && !sameKey(privateKey, cert.value.publicKey)) {
    errors["secrets.merchantPrivateKeyPem"] = "key_certificate_mismatch";
  }
}

function checkPlatformCertificates(check: WechatKeyCheck, errors: FieldErrors) {
  const now = check.now ?? new Date();
  const seen = new Set<string>();
  (check.secrets.platformCertificates ?? []).forEach((entry, index) => {
    const at = `secrets.platformCertificates.${index}`;
    const serial = normalSerial(entry.serialNo);
    if (seen.has(serial)) errors[`${at}.serialNo`] = "duplicate_serial";
    seen.add(serial);
    const cert = readCertificate(entry.pem);
    if (!cert.ok) {
      errors[`${at}.pem`] = cert.code;
      return;
    }
    if (!sameSerial(cert.value.serialNumber, entry.serialNo)) errors[`${at}.serialNo`] = "serial_mismatch";
    else if (Date.parse(cert.value.validTo) < now.getTime()) errors[`${at}.pem`] = "certificate_expired";
    else {
      const key = rsaKey(cert.value.publicKey);
      if (!key.ok) errors[`${at}.pem`] = key.code;
    }
  });
}

function checkWechatPublicKey(check: WechatKeyCheck, privateKey: KeyObject | null, errors: FieldErrors) {
  const { wechatPayPublicKeyPem, platformCertificates } = check.secrets;
  if (!wechatPayPublicKeyPem) {
    if (check.providerKeyId) errors["secrets.wechatPayPublicKeyPem"] = "required_with_key_id";
    else if (!platformCertificates?.length) errors["secrets.wechatPayPublicKeyPem"] = "verifier_required";
    return;
  }
  if (!check.providerKeyId) errors.providerKeyId = "required_with_public_key";
  else if (!check.providerKeyId.startsWith(wechatPublicKeyIdPrefix)) errors.providerKeyId = "public_key_id_format";
  const key = readPublicKey(wechatPayPublicKeyPem, false);
  if (!key.ok) errors["secrets.wechatPayPublicKeyPem"] = key.code;
  // The merchant's own public key here would make us trust notifies we signed ourselves.
  else if (privateKey && sameKey(privateKey, key.value)) errors["secrets.wechatPayPublicKeyPem"] = "own_public_key";
}

/** Field errors of a WeChat Pay config's key material; empty when it is usable. */
export function checkWechatKeys(check: WechatKeyCheck): FieldErrors {
  const errors: FieldErrors = {};
  checkGatewayUrl(check.gatewayUrl, errors);
  if (!/^[0-9A-Fa-f]{8,64}$/.test(check.merchantSerialNo)) errors.merchantSerialNo = "serial_format";
  const { merchantPrivateKeyPem, apiV3Key } = check.secrets;
  if (apiV3Key !== undefined && Buffer.byteLength(apiV3Key, "utf8") !== apiV3KeyBytes) {
    errors["secrets.apiV3Key"] = "apiv3_length";
  }
  let privateKey: KeyObject | null = null;
  if (merchantPrivateKeyPem !== undefined) {
    const parsed = readPrivateKey(merchantPrivateKeyPem, false);
    if (parsed.ok) privateKey = parsed.value;
    else errors["secrets.merchantPrivateKeyPem"] = parsed.code;
  }
  checkMerchantCertificate(check, privateKey, errors);
  checkWechatPublicKey(check, privateKey, errors);
  checkPlatformCertificates(check, errors);
  return errors;
}

export interface AlipayKeyCheck {
  gatewayUrl: string;
  appId: string;
  merchantId: string;
  secrets: Partial<AlipaySecrets>;
}

/** Field errors of an Alipay config's ids and key material; empty when it is usable. */
export function checkAlipayKeys(check: AlipayKeyCheck): FieldErrors {
  const errors: FieldErrors = {};
  checkGatewayUrl(check.gatewayUrl, errors);
  if (!/^\w{1,32}$/.test(check.appId)) errors.appId = "alipay_app_id_format";
  if (!/^2088\d{12}$/.test(check.merchantId)) errors.merchantId = "alipay_pid_format";
  let privateKey: KeyObject | null = null;
  if (check.secrets.appPrivateKeyPem !== undefined) {
    const parsed = readPrivateKey(check.secrets.appPrivateKeyPem, true);
    if (parsed.ok) privateKey = parsed.value;
    else errors["secrets.appPrivateKeyPem"] = parsed.code;
  }
  if (check.secrets.alipayPublicKeyPem !== undefined) {
    const parsed = readPublicKey(check.secrets.alipayPublicKeyPem, true);
    if (!parsed.ok) errors["secrets.alipayPublicKeyPem"] = parsed.code;
    // A classic mix-up: the app's own public key pasted where Alipay's belongs.
    else if (privateKey && sameKey(privateKey, parsed.value)) errors["secrets.alipayPublicKeyPem"] = "own_public_key";
  }
  return errors;
}
