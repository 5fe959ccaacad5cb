/**
 * The keys WeChat Pay signs with, looked up by the `Wechatpay-Serial` header: a WeChat Pay
 * public key (id `PUB_KEY_ID_…`) and/or platform certificates (by serial). Merchants migrating
 * from certificates to the public key receive both for a while, so both can be configured.
 */
import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";

export const PUBLIC_KEY_ID_PREFIX = "PUB_KEY_ID_";
const MIN_RSA_BITS = 2048;

export interface PlatformCertificate {
  /** Serial as WeChat sends it in `Wechatpay-Serial` (hex). */
  serialNo: string;
  pem: string;
}

export interface VerifierMaterial {
  wechatPayPublicKeyId?: string;
  wechatPayPublicKeyPem?: string;
  platformCertificates?: readonly PlatformCertificate[];
}

export type KeyLookup = { ok: true; key: KeyObject } | { ok: false; detail: string };

export interface KeyRing {
  find(serial: string, nowMs: number): KeyLookup;
}

interface CertificateEntry {
  key: KeyObject;
  validFromMs: number;
  validToMs: number;
}

function assertRsa(key: KeyObject, what: string): KeyObject {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== "rsa" || bits < MIN_RSA_BITS) {
    throw new Error(`${what} must be an RSA key of at least ${MIN_RSA_BITS} bits`);
  }
  return key;
}

/** Parses an RSA public key (SPKI or PKCS#1 PEM); throws without echoing the PEM. */
export function loadRsaPublicKey(pem: string, what: string): KeyObject {
  // createPublicKey would happily derive a public key from a pasted private key: refuse that
  // mix-up instead of keeping a private key where only public material belongs.
  if (pem.includes("PRIVATE KEY")) throw new Error(`${what} must be a public key, not a private key`);
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error(`${what} is not a valid public key PEM`);
  }
  return assertRsa(key, what);
}

/** Parses an RSA private key (PKCS#8 or PKCS#1 PEM); throws without echoing the PEM. */
export function loadRsaPrivateKey(pem: string, what: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error(`${what} is not a valid private key PEM`);
  }
  return assertRsa(key, what);
}

function normalizeSerial(serial: string): string {
  return serial
    .trim()
    .toUpperCase()
    .replace(/^0+(?=.)/, "");
}

function loadCertificate(cert: PlatformCertificate): [string, CertificateEntry] {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert.pem);
  } catch {
    throw new Error(`platform certificate ${cert.serialNo} is not a valid certificate PEM`);
  }
  // A mislabelled certificate would make every notify fail (or, worse, trust the wrong key).
  if (normalizeSerial(x509.serialNumber) !== normalizeSerial(cert.serialNo)) {
    throw new Error(`platform certificate labelled ${cert.serialNo} has serial ${x509.serialNumber}`);
  }
  const entry = {
    key: assertRsa(x509.publicKey, `platform certificate ${cert.serialNo}`),
    validFromMs: Date.parse(x509.validFrom),
    validToMs: Date.parse(x509.validTo),
  };
  if (Number.isNaN(entry.validFromMs) || Number.isNaN(entry.validToMs)) {
    throw new Error(`platform certificate ${cert.serialNo} has an unreadable validity period`);
  }
  return [normalizeSerial(cert.serialNo), entry];
}

/** Builds the lookup; throws on unusable material so a bad config fails at start, not per notify. */
export function createKeyRing(material: VerifierMaterial): KeyRing {
  const { wechatPayPublicKeyId: publicKeyId, wechatPayPublicKeyPem: publicKeyPem } = material;
  if ((publicKeyId === undefined) !== (publicKeyPem === undefined)) {
    throw new Error("wechatPayPublicKeyId and wechatPayPublicKeyPem must be given together");
  }
  if (publicKeyId !== undefined && !publicKeyId.startsWith(PUBLIC_KEY_ID_PREFIX)) {
    throw new Error(`wechatPayPublicKeyId must start with ${PUBLIC_KEY_ID_PREFIX}`);
  }
  const publicKey = publicKeyPem === undefined ? undefined : loadRsaPublicKey(publicKeyPem, "wechatPayPublicKeyPem");
  const certificates = new Map((material.platformCertificates ?? []).map(loadCertificate));
  if (!publicKey && certificates.size === 0) {
    throw new Error("configure a WeChat Pay public key or at least one platform certificate");
  }

  return {
    find(serial, nowMs) {
      if (serial.startsWith(PUBLIC_KEY_ID_PREFIX)) {
        return publicKey && serial === publicKeyId
          ? { ok: true, key: publicKey }
          : { ok: false, detail: `unknown WeChat Pay public key id ${serial}` };
      }
      const entry = certificates.get(normalizeSerial(serial));
      if (!entry) return { ok: false, detail: `unknown platform certificate serial ${serial}` };
      if (nowMs < entry.validFromMs || nowMs > entry.validToMs) {
        return { ok: false, detail: `platform certificate ${serial} is not valid at this time` };
      }
      return { ok: true, key: entry.key };
    },
  };
}
