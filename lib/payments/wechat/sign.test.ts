import { createPrivateKey, createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { goSourceSignature, goTestPrivateKeyPem } from "./fixtures/public-samples";
import {
  buildAuthorization,
  createNonce,
  parseAuthorization,
  requestMessage,
  responseMessage,
  signMessage,
  signRequest,
  signResponse,
} from "./sign";

const goKey = createPrivateKey(goTestPrivateKeyPem);

describe("signMessage", () => {
  it("matches the official wechatpay-go signature for the same key and message", () => {
    // Known answer from wechatpay-go utils/sign_test.go (see fixtures/public-samples.ts).
    expect(signMessage("source", goKey)).toBe(goSourceSignature);
  });
});

describe("signed messages", () => {
  it("builds the request message with a trailing newline after every part", () => {
    const message = requestMessage({
      method: "get",
      pathWithQuery: "/v3/pay/transactions/out-trade-no/A1234567?mchid=1900000109",
      timestamp: "1554208460",
      nonce: "593BEC0C930BF1AFEB40B4A08C8FB242",
      body: "",
    });
    expect(message).toBe(
      "GET\n/v3/pay/transactions/out-trade-no/A1234567?mchid=1900000109\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n",
    );
  });

  it("builds the response message", () => {
    expect(responseMessage("1554209980", "c5ac7061", '{"a":1}')).toBe('1554209980\nc5ac7061\n{"a":1}\n');
  });
});

describe("createNonce", () => {
  it("gives 32 upper-case hex characters that do not repeat", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9A-F]{32}$/);
  });
});

describe("Authorization header", () => {
  const parts = { mchId: "1900000109", nonce: "N0NCE", timestamp: "1554208460", serialNo: "ABC123", signature: "c2ln" };

  it("round-trips through build and parse", () => {
    const header = buildAuthorization(parts);
    expect(header).toBe(
      'WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="N0NCE",timestamp="1554208460",serial_no="ABC123",signature="c2ln"',
    );
    expect(parseAuthorization(header)).toEqual(parts);
  });

  it("accepts the fields in any order", () => {
    const header =
      'WECHATPAY2-SHA256-RSA2048 signature="c2ln",serial_no="ABC123",timestamp="1554208460",nonce_str="N0NCE",mchid="1900000109"';
    expect(parseAuthorization(header)).toEqual(parts);
  });

  it.each([
    ["another scheme", 'Bearer mchid="1"'],
    ["a missing field", 'WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",timestamp="1",serial_no="s"'],
    [
      "a duplicate field",
      'WECHATPAY2-SHA256-RSA2048 mchid="1",mchid="2",nonce_str="n",timestamp="1",serial_no="s",signature="x"',
    ],
    [
      "an unknown field",
      'WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",timestamp="1",serial_no="s",signature="x",extra="y"',
    ],
    ["an empty value", 'WECHATPAY2-SHA256-RSA2048 mchid="",nonce_str="n",timestamp="1",serial_no="s",signature="x"'],
    ["an oversized header", `WECHATPAY2-SHA256-RSA2048 mchid="${"1".repeat(5000)}"`],
  ])("rejects %s", (_name, header) => {
    expect(parseAuthorization(header)).toBeNull();
  });
});

describe("signRequest and signResponse", () => {
  const publicKey = createPublicKey(goKey);

  it("signs the request message with the merchant key", () => {
    const header = signRequest({
      method: "POST",
      pathWithQuery: "/v3/pay/transactions/native",
      body: '{"x":1}',
      mchId: "1900000109",
      serialNo: "SERIAL",
      privateKey: goKey,
      nowMs: 1_700_000_000_999,
    });
    const parsed = parseAuthorization(header);
    expect(parsed).toMatchObject({ mchId: "1900000109", serialNo: "SERIAL", timestamp: "1700000000" });
    const message = `POST\n/v3/pay/transactions/native\n1700000000\n${parsed?.nonce}\n{"x":1}\n`;
    expect(verify("RSA-SHA256", Buffer.from(message), publicKey, Buffer.from(parsed?.signature ?? "", "base64"))).toBe(
      true,
    );
  });

  it("produces Wechatpay-* headers over TIMESTAMP\\nNONCE\\nBODY\\n", () => {
    const headers = signResponse({ body: "{}", privateKey: goKey, serial: "PUB_KEY_ID_1", nowMs: 1_700_000_000_000 });
    expect(headers["Wechatpay-Serial"]).toBe("PUB_KEY_ID_1");
    expect(headers["Wechatpay-Timestamp"]).toBe("1700000000");
    const message = `1700000000\n${headers["Wechatpay-Nonce"]}\n{}\n`;
    const signature = Buffer.from(headers["Wechatpay-Signature"] ?? "", "base64");
    expect(verify("RSA-SHA256", Buffer.from(message), publicKey, signature)).toBe(true);
  });
});
