import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Fresh key material for tests of config validation and secret handling. */

export interface KeyPairPem {
  privatePem: string;
  publicPem: string;
}

export function rsaKeyPair(bits = 2048): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

export function randomSerial(): string {
  return randomBytes(20).toString("hex").toUpperCase().replace(/^0+/, "1");
}

/** A self-signed certificate for `privatePem` with the given hex serial (node cannot issue one; openssl can). */
export function selfSignedCertificate(privatePem: string, serialHex: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "recharge-cert-"));
  const keyPath = path.join(dir, "key.pem");
  writeFileSync(keyPath, privatePem, { mode: 0o600 });
  try {
    return execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-new",
        "-key",
        keyPath,
        "-subj",
        "/CN=recharge-test",
        "-days",
        "30",
        "-set_serial",
        `0x${serialHex}`,
      ],
      { encoding: "utf8" },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The base64 body of a PEM: what would show up if the key leaked in any encoding of the text. */
export function pemBody(pem: string): string {
  return pem
    .split("\n")
    .filter((line) => line && !line.startsWith("-----"))
    .join("");
}

/** A few distinctive lines of a PEM body (a leak may be line-wrapped or JSON-escaped). */
export function pemFragments(pem: string): string[] {
  return pem
    .split("\n")
    .filter((line) => line.length >= 40 && !line.startsWith("-----"))
    .slice(1, 4);
}

export function apiV3Key(): string {
  return randomBytes(24).toString("base64").slice(0, 32);
}
