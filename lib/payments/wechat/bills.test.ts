import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BillFormatError, ProviderError } from "@/lib/payments/types";
import { createWechatAdapter } from "./adapter";
import { startFakeGateway, type FakeGateway } from "./fixtures/fake-gateway";
import { gunsluoAllBill } from "./fixtures/public-bills";
import { TEST_PUBLIC_KEY_ID, generateTestKeyPair, testConfig } from "./fixtures/test-keys";

const NOW = Date.UTC(2021, 0, 29, 3, 0, 0);
const merchant = generateTestKeyPair();
const wechat = generateTestKeyPair();
let gateway: FakeGateway;

beforeAll(async () => {
  gateway = await startFakeGateway({ privateKey: wechat.privateKey, serial: TEST_PUBLIC_KEY_ID, nowMs: () => NOW });
});

afterAll(async () => {
  await gateway.close();
});

function adapter() {
  return createWechatAdapter(testConfig(merchant, wechat, { gatewayBaseUrl: gateway.baseUrl }), { now: () => NOW });
}

/** tradebill answers (signed) a hash and a URL; the download answers the file unsigned. */
function serve(file: string, hash: string, downloadUrl = `${gateway.baseUrl}/v3/billdownload/file?token=t1`) {
  gateway.answer = (request) =>
    request.url.startsWith("/v3/bill/tradebill")
      ? { status: 200, body: JSON.stringify({ hash_type: "SHA1", hash_value: hash, download_url: downloadUrl }) }
      : { status: 200, body: file, signing: "none" };
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

describe("WeChat bill download", () => {
  it("asks for the ALL bill gzipped, signs the download, and keeps the bytes whose SHA1 matches", async () => {
    serve(gunsluoAllBill, sha1(gunsluoAllBill));
    const download = await adapter().bills.download("2021-01-28");
    expect(download).toMatchObject({ state: "READY" });
    if (download.state !== "READY") throw new Error("not ready");
    expect(download.bytes.toString("utf8")).toBe(gunsluoAllBill);
    const [apply, fetch] = gateway.requests.slice(-2);
    expect(apply!.url).toBe("/v3/bill/tradebill?bill_date=2021-01-28&bill_type=ALL&tar_type=GZIP");
    expect(fetch!.url).toBe("/v3/billdownload/file?token=t1");
    expect(fetch!.headers.authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900000109"/);
  });

  it("refuses a file whose SHA1 is not the signed one: nothing is returned to import", async () => {
    serve(gunsluoAllBill, sha1(`${gunsluoAllBill} `));
    await expect(adapter().bills.download("2021-01-28")).rejects.toBeInstanceOf(BillFormatError);
  });

  it("refuses a download URL on another host", async () => {
    serve(gunsluoAllBill, sha1(gunsluoAllBill), "https://elsewhere.example/v3/billdownload/file?token=t1");
    await expect(adapter().bills.download("2021-01-28")).rejects.toBeInstanceOf(ProviderError);
  });

  it("reads NO_STATEMENT_EXIST as an empty day and STATEMENT_CREATING as not ready", async () => {
    gateway.answer = () => ({
      status: 400,
      body: JSON.stringify({ code: "NO_STATEMENT_EXIST", message: "账单文件不存在" }),
    });
    expect(await adapter().bills.download("2021-01-28")).toEqual({ state: "EMPTY" });
    gateway.answer = () => ({
      status: 400,
      body: JSON.stringify({ code: "STATEMENT_CREATING", message: "账单生成中" }),
    });
    expect(await adapter().bills.download("2021-01-28")).toMatchObject({ state: "NOT_READY" });
  });
});
