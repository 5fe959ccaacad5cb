import { generateKeyPairSync } from "node:crypto";
import { AlipaySdk } from "alipay-sdk";
import { describe, expect, it } from "vitest";
import { rsa2Sign } from "./sign";
import { signAlipayResponse, verifyAlipayResponse } from "./response";

const alipay = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
const METHOD = "alipay.trade.query";

function referenceSdk(): AlipaySdk {
  const app = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return new AlipaySdk({
    appId: "2021000000000001",
    privateKey: app.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    alipayPublicKey: alipay.publicKey.export({ type: "spki", format: "pem" }).toString(),
  });
}

// Genuinely signed by Alipay: the response and the Alipay public key from alipay-sdk's own tests,
// https://github.com/alipay/alipay-sdk-nodejs-all test/alipay.test.ts ("checkResponseSign" → "should work",
// noted there as captured from a real call) and test/fixtures/alipay-public-key.pem at commit
// bf1c02613c993f9a0d7580818f4cbc1df031ac87.
const REAL_ALIPAY_PUBLIC_KEY =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAk7LzhmMa2c4qQd4fqAqenfbuFoA7stPKvoS1LrZEsVnOOGUUjwoa1oU9xsSPjcOWhIer" +
  "U/VAN4J95GIAXx59ipcleIyfLn2FhHXPgLJpvo+b2jJFyn/1/DbeJDh+0yDVAOf50Z7HhI0mdUhFMkXlT7BU0ZMtJf/TmISFEfhDU/w6qFd6D42L" +
  "97byAkq0K6LroglSVF24GqJEa7hSeUIkZWj7RasykXrc2uVJ1+ejkXE0LyPxa2AHykMGbJLf5SiZvaNzUZgnKIR36mLOHpQ/2JCXxhXZYUWHzy0k" +
  "MH54JcUEeksFWBYLGvLjV1phbcUIc3Q76tIuqApY6E222OoZZQIDAQAB";
const REAL_RESPONSE =
  '{"alipay_open_file_upload_response":{"code":"10000","msg":"Success","file_id":"CAxAToWB1JsAAAAAAAAAAAAADgSLAQBr"},' +
  '"sign":"F+LDzpTNiavn7xVZPGuPCSSVRSmWzJGgtuji6tVELGEaqMaNj0jRKXUEr5nloZJBBmwEnddOyCjjepMmrTKTvoOqQ0Efxpr/R1iEeHTHVbb/' +
  "Q8TTh6Up5gHJDkILdaWS2q1cWeQ6VT+HQY9P3WRXS7uhILHuDODIhpAyCu5KhWGt0rMCIG+Im6NODJP2oohtSCtmTFXg58HH587Z2y2bdbjzOxLvzD9" +
  "IrU1imghXQ2S/Q+wMIvRk9on6cWnBLkrNvJKapA2ReNGWOwyuASvB9zDVzhMPbR+3mfRGkVDxsq5HYLjBKGskJMXHw0HuugZij6ScRuaLPODhmHwr/" +
  'pJ9yw=="}';
const realKeyPem = `-----BEGIN PUBLIC KEY-----\n${REAL_ALIPAY_PUBLIC_KEY}\n-----END PUBLIC KEY-----`;

const waiting = {
  code: "10000",
  msg: "Success",
  out_trade_no: "R1",
  trade_status: "WAIT_BUYER_PAY",
  total_amount: "0.01",
};

describe("verifyAlipayResponse", () => {
  it("verifies a response really signed by Alipay", () => {
    expect(verifyAlipayResponse(REAL_RESPONSE, "alipay.open.file.upload", realKeyPem)).toEqual({
      ok: true,
      payload: { code: "10000", msg: "Success", file_id: "CAxAToWB1JsAAAAAAAAAAAAADgSLAQBr" },
    });
    const tampered = REAL_RESPONSE.replace("CAxAToWB1Js", "CAxAToWB1Jt");
    expect(verifyAlipayResponse(tampered, "alipay.open.file.upload", realKeyPem)).toMatchObject({
      problem: "BAD_SIGNATURE",
    });
  });

  it("verifies what signAlipayResponse produced, including Alipay's escaped slashes verbatim", () => {
    expect(
      verifyAlipayResponse(signAlipayResponse(METHOD, waiting, alipay.privateKey), METHOD, alipay.publicKey),
    ).toEqual({
      ok: true,
      payload: waiting,
    });
    const raw = '{"code":"10000","qr_code":"https:\\/\\/qr.alipay.com\\/bax0"}';
    const body = `{"alipay_trade_precreate_response":${raw},"sign":"${rsa2Sign(raw, alipay.privateKey)}"}`;
    expect(verifyAlipayResponse(body, "alipay.trade.precreate", alipay.publicKey)).toEqual({
      ok: true,
      payload: { code: "10000", qr_code: "https://qr.alipay.com/bax0" },
    });
  });

  it("produces bodies that alipay-sdk's own checkResponseSign accepts", () => {
    const body = signAlipayResponse(METHOD, waiting, alipay.privateKey);
    const sign: unknown = JSON.parse(body).sign;
    expect(() => referenceSdk().checkResponseSign(body, "alipay_trade_query_response", String(sign), "")).not.toThrow();
  });

  it("accepts a signed error_response", () => {
    const error = { code: "40002", msg: "Invalid Arguments", sub_code: "isv.invalid-app-id" };
    const raw = JSON.stringify(error);
    const body = `{"error_response":${raw},"sign":"${rsa2Sign(raw, alipay.privateKey)}"}`;
    expect(verifyAlipayResponse(body, METHOD, alipay.publicKey)).toEqual({ ok: true, payload: error });
  });

  it("refuses changed content, another key's signature and a missing signature", () => {
    const body = signAlipayResponse(METHOD, waiting, alipay.privateKey);
    const paid = body.replace("WAIT_BUYER_PAY", "TRADE_SUCCESS");
    expect(verifyAlipayResponse(paid, METHOD, alipay.publicKey)).toMatchObject({ ok: false, problem: "BAD_SIGNATURE" });
    const foreign = signAlipayResponse(METHOD, waiting, other.privateKey);
    expect(verifyAlipayResponse(foreign, METHOD, alipay.publicKey)).toMatchObject({
      ok: false,
      problem: "BAD_SIGNATURE",
    });
    const unsigned = `{"alipay_trade_query_response":${JSON.stringify({ code: "40002", sub_code: "isv.invalid-signature" })}}`;
    expect(verifyAlipayResponse(unsigned, METHOD, alipay.publicKey)).toEqual({
      ok: false,
      problem: "UNSIGNED",
      detail: "response carries no signature (unverified code=40002 sub_code=isv.invalid-signature)",
    });
    const numericSign = `{"alipay_trade_query_response":${JSON.stringify(waiting)},"sign":1}`;
    expect(verifyAlipayResponse(numericSign, METHOD, alipay.publicKey)).toMatchObject({ problem: "UNSIGNED" });
  });

  it.each([
    ["not JSON", "<html>502</html>"],
    ["a JSON array", "[]"],
    ["a response for another method", signAlipayResponse("alipay.trade.close", waiting, alipay.privateKey)],
    ["both a response and an error_response", '{"alipay_trade_query_response":{},"error_response":{},"sign":"AA=="}'],
  ])("refuses %s as MALFORMED", (_label, body) => {
    expect(verifyAlipayResponse(body, METHOD, alipay.publicKey)).toMatchObject({ ok: false, problem: "MALFORMED" });
  });

  // Why we do not use alipay-sdk's exec(): it verifies the first copy of a repeated key but
  // returns JSON.parse's view, which keeps the last. One genuinely signed response is enough to
  // forge any other answer.
  it("refuses a repeated response key that alipay-sdk's exec() would accept", () => {
    const genuine = signAlipayResponse(METHOD, waiting, alipay.privateKey);
    const forged = { ...waiting, trade_status: "TRADE_SUCCESS", total_amount: "999.00" };
    const attack = `${genuine.slice(0, -1)},"alipay_trade_query_response":${JSON.stringify(forged)}}`;
    const sign = String(JSON.parse(genuine).sign);

    expect(() => referenceSdk().checkResponseSign(attack, "alipay_trade_query_response", sign, "")).not.toThrow();
    expect(JSON.parse(attack).alipay_trade_query_response).toEqual(forged);

    expect(verifyAlipayResponse(attack, METHOD, alipay.publicKey)).toMatchObject({ ok: false, problem: "AMBIGUOUS" });
    const aliased = `${genuine.slice(0, -1)},"alipay_trade_query\\u005fresponse":${JSON.stringify(forged)}}`;
    expect(verifyAlipayResponse(aliased, METHOD, alipay.publicKey)).toMatchObject({ ok: false, problem: "AMBIGUOUS" });
  });
});
