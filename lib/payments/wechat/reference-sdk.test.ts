// Cross-checks our WeChat Pay v3 primitives against the `wechatpay-node-v3` SDK named in the
// design card. The adapter does not use the SDK for calls (see client.ts for why), but where
// it computes the same thing, both must agree byte for byte.
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import WxPay from "wechatpay-node-v3";
import { encryptResource } from "./resource";
import { requestMessage, signMessage } from "./sign";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const apiV3Key = "0123456789abcdefABCDEFghijklmnop";

function sdk() {
  return new WxPay({
    appid: "wx0000000000000001",
    mchid: "1900000001",
    serial_no: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
    publicKey: Buffer.from(publicKey.export({ type: "spki", format: "pem" })),
    privateKey: Buffer.from(privateKey.export({ type: "pkcs8", format: "pem" })),
    key: apiV3Key,
  });
}

describe("agreement with wechatpay-node-v3", () => {
  it("signs a request message identically", () => {
    const body = JSON.stringify({
      mchid: "1900000001",
      out_trade_no: "R20260101ABCDEFGHJKLMNPQRSTUV",
      amount: { total: 600 },
    });
    const ours = signMessage(
      requestMessage({
        method: "POST",
        pathWithQuery: "/v3/pay/transactions/native",
        timestamp: "1700000000",
        nonce: "n0nce",
        body,
      }),
      privateKey,
    );
    expect(ours).toBe(sdk().getSignature("POST", "n0nce", "1700000000", "/v3/pay/transactions/native", body));
  });

  it("encrypts a notify resource the SDK decrypts", () => {
    const plaintext = JSON.stringify({ out_trade_no: "R20260101ABCDEFGHJKLMNPQRSTUV", trade_state: "SUCCESS" });
    const resource = encryptResource({
      plaintext,
      apiV3Key: Buffer.from(apiV3Key),
      associatedData: "transaction",
      originalType: "transaction",
    });
    const decrypted = sdk().decipher_gcm<{ trade_state: string }>(
      resource.ciphertext,
      resource.associated_data,
      resource.nonce,
    );
    expect(decrypted).toEqual(JSON.parse(plaintext));
  });
});
