/**
 * Trade bill download, two steps: `GET /v3/bill/tradebill` (signed both ways) names a download
 * URL and the file's SHA1; the download is a GET signed like any v3 request whose answer is NOT
 * signed, so the SHA1 from the signed first answer is what vouches for the bytes.
 */
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { readCapped } from "@/lib/http/read-capped";
import {
  BillFormatError,
  ProviderError,
  type AdapterDeps,
  type BillDownload,
  type BillSource,
  type ProviderCallRecord,
} from "@/lib/payments/types";
import { parseWechatBill } from "./bill";
import type { WechatClient } from "./client";
import { DEFAULT_TIMEOUT_MS } from "./client";
import type { ResolvedWechatConfig } from "./config";
import { errorCode, readSuccess } from "./reply";
import { signRequest } from "./sign";

const MAX_BILL_BYTES = 64 * 1024 * 1024;
const BILL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const tradeBillSchema = z.object({
  hash_type: z.literal("SHA1"),
  hash_value: z.string().regex(/^[0-9a-fA-F]{40}$/),
  download_url: z.url({ protocol: /^https?$/ }).max(2048),
});

type Located = { state: "LOCATED"; hash: string; url: string } | Exclude<BillDownload, { state: "READY" }>;

function sha1(bytes: Buffer): string {
  return createHash("sha1").update(bytes).digest("hex");
}

/**
 * WeChat's docs call hash_value the digest of "原始账单（gzip需要解压缩）", which reads both ways:
 * the file as served, or its decompressed content. Either binds the exact bytes we keep.
 */
function hashMatches(bytes: Buffer, expected: string): boolean {
  const want = expected.toLowerCase();
  if (sha1(bytes) === want) return true;
  try {
    return sha1(gunzipSync(bytes)) === want;
  } catch {
    return false;
  }
}

export function createWechatBills(
  client: WechatClient,
  config: ResolvedWechatConfig,
  deps: AdapterDeps = {},
): BillSource {
  const fetchImpl = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function record(entry: ProviderCallRecord): Promise<void> {
    try {
      await record(entry);
    } catch {
      // Bookkeeping must never change the result of a provider call.
    }
  }

  async function locate(billDate: string): Promise<Located> {
    const query = { bill_date: billDate, bill_type: "ALL", tar_type: "GZIP" };
    return client.call<Located>(
      { operation: "bill", method: "GET", path: "/v3/bill/tradebill", query, summary: { billDate, billType: "ALL" } },
      (reply) => {
        const code = errorCode(reply);
        // No trades that day: WeChat has no file to give, which is an answer, not a failure.
        if (reply.status === 400 && code === "NO_STATEMENT_EXIST") {
          return { value: { state: "EMPTY" }, summary: { code } };
        }
        if (code === "STATEMENT_CREATING") {
          return { value: { state: "NOT_READY", detail: "STATEMENT_CREATING" }, summary: { code } };
        }
        const located = readSuccess(reply, tradeBillSchema);
        return {
          value: { state: "LOCATED", hash: located.hash_value, url: located.download_url },
          summary: { hash_type: located.hash_type, hash_value: located.hash_value },
        };
      },
    );
  }

  async function fetchFile(downloadUrl: string, billDate: string): Promise<Buffer> {
    const url = new URL(downloadUrl);
    // Our signed request goes only to the gateway we are configured for.
    if (url.origin !== new URL(config.gatewayBaseUrl).origin) {
      throw new ProviderError("WECHAT", "INVALID_RESPONSE", `download URL is on another host: ${url.origin}`);
    }
    const started = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let httpStatus: number | undefined;
    try {
      const response = await fetchImpl(url.href, {
        method: "GET",
        redirect: "error",
        signal: controller.signal,
        headers: {
          Authorization: signRequest({
            method: "GET",
            pathWithQuery: `${url.pathname}${url.search}`,
            body: "",
            mchId: config.mchId,
            serialNo: config.merchantSerialNo,
            privateKey: config.merchantPrivateKey,
            nowMs: now(),
          }),
          Accept: "*/*",
        },
      });
      httpStatus = response.status;
      const bytes = await readCapped(response.body, MAX_BILL_BYTES);
      if (!response.ok)
        throw new ProviderError(
          "WECHAT",
          "REJECTED",
          `bill download answered HTTP ${response.status}`,
          undefined,
          response.status,
        );
      if (!bytes) throw new ProviderError("WECHAT", "INVALID_RESPONSE", `bill larger than ${MAX_BILL_BYTES} bytes`);
      await record({
        provider: "WECHAT",
        operation: "bill",
        request: { billDate, step: "download" },
        response: { bytes: bytes.length },
        httpStatus,
        latencyMs: Math.round(performance.now() - started),
        outcome: "ok",
      });
      return bytes;
    } catch (error) {
      const failure =
        error instanceof ProviderError
          ? error
          : controller.signal.aborted
            ? new ProviderError("WECHAT", "TIMEOUT", `no answer within ${timeoutMs} ms`)
            : new ProviderError(
                "WECHAT",
                "NETWORK",
                `network error: ${error instanceof Error ? error.message : String(error)}`,
              );
      await record({
        provider: "WECHAT",
        operation: "bill",
        request: { billDate, step: "download" },
        httpStatus,
        latencyMs: Math.round(performance.now() - started),
        outcome:
          failure.kind === "TIMEOUT" ? "timeout" : failure.kind === "NETWORK" ? "network_error" : "provider_error",
        errorMessage: failure.message,
      });
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async download(billDate): Promise<BillDownload> {
      if (!BILL_DATE.test(billDate)) throw new RangeError("billDate must be YYYY-MM-DD");
      const located = await locate(billDate);
      if (located.state !== "LOCATED") return located;
      const bytes = await fetchFile(located.url, billDate);
      if (!hashMatches(bytes, located.hash)) {
        throw new BillFormatError("WeChat bill: the file's SHA1 does not match the signed hash_value");
      }
      return { state: "READY", bytes, fileName: `wechat-${config.mchId}-${billDate}-ALL.csv.gz` };
    },
    parse: parseWechatBill,
  };
}
