/**
 * `alipay.data.dataservice.bill.downloadurl.query` answers a short-lived (30 s) URL of the day's
 * bill ZIP, fetched with a plain GET. The URL comes from a signed answer; the file itself carries
 * no signature or hash, so completeness is checked by parsing it whole (see ./bill).
 */
import { z } from "zod";
import { readCapped } from "@/lib/http/read-capped";
import { ProviderError, type BillDownload, type BillSource, type ProviderCallRecord } from "@/lib/payments/types";
import { parseAlipayBill } from "./bill";
import type { GatewayCall, GatewayReply } from "./client";

const METHOD = "alipay.data.dataservice.bill.downloadurl.query";
const MAX_BILL_BYTES = 64 * 1024 * 1024;
const BILL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const downloadUrlSchema = z.object({ bill_download_url: z.url({ protocol: /^https?$/ }).max(4096) });

export type Invoke = <T>(
  operation: "bill",
  orderNo: string | undefined,
  call: GatewayCall,
  interpret: (reply: GatewayReply) => T,
) => Promise<T>;

export interface AlipayBillDeps {
  invoke: Invoke;
  record: (entry: ProviderCallRecord) => Promise<void>;
  fetch: typeof fetch;
  timeoutMs: number;
  appId: string;
}

type Located = { state: "LOCATED"; url: string } | Exclude<BillDownload, { state: "READY" }>;

export function createAlipayBills(deps: AlipayBillDeps): BillSource {
  function locate(billDate: string): Promise<Located> {
    const bizContent = { bill_type: "trade", bill_date: billDate };
    return deps.invoke("bill", undefined, { method: METHOD, bizContent }, (reply): Located => {
      const { code, sub_code: subCode, sub_msg: subMsg } = reply.envelope;
      // BILL_NOT_EXIST: no trades that day. Whether it is simply early is the caller's call.
      if (code !== "10000" && subCode?.toUpperCase().endsWith("BILL_NOT_EXIST")) return { state: "EMPTY" };
      if (code === "20000") return { state: "NOT_READY", detail: `${subCode ?? code} ${subMsg ?? ""}`.trim() };
      if (code !== "10000") {
        throw new ProviderError(
          "ALIPAY",
          "REJECTED",
          `${METHOD} refused: ${code} ${subCode ?? ""} ${subMsg ?? ""}`.trim(),
          subCode ?? code,
          reply.httpStatus,
        );
      }
      const parsed = downloadUrlSchema.safeParse(reply.payload);
      if (!parsed.success)
        throw new ProviderError("ALIPAY", "INVALID_RESPONSE", "no bill_download_url", undefined, reply.httpStatus);
      return { state: "LOCATED", url: parsed.data.bill_download_url };
    });
  }

  async function fetchFile(url: string, billDate: string): Promise<Buffer> {
    const started = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), deps.timeoutMs);
    const request = { method: METHOD, billDate, step: "download" };
    try {
      const response = await deps.fetch(url, { redirect: "follow", signal: controller.signal });
      const bytes = await readCapped(response.body, MAX_BILL_BYTES);
      if (!response.ok) {
        throw new ProviderError(
          "ALIPAY",
          "REJECTED",
          `bill download answered HTTP ${response.status}`,
          undefined,
          response.status,
        );
      }
      if (!bytes) throw new ProviderError("ALIPAY", "INVALID_RESPONSE", `bill larger than ${MAX_BILL_BYTES} bytes`);
      await deps.record({
        provider: "ALIPAY",
        operation: "bill",
        request,
        response: { bytes: bytes.length },
        httpStatus: response.status,
        latencyMs: Math.round(performance.now() - started),
        outcome: "ok",
      });
      return bytes;
    } catch (error) {
      const failure =
        error instanceof ProviderError
          ? error
          : controller.signal.aborted
            ? new ProviderError("ALIPAY", "TIMEOUT", `no answer within ${deps.timeoutMs} ms`)
            : new ProviderError(
                "ALIPAY",
                "NETWORK",
                `network error: ${error instanceof Error ? error.message : String(error)}`,
              );
      await deps.record({
        provider: "ALIPAY",
        operation: "bill",
        request,
        httpStatus: failure.httpStatus,
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
      return { state: "READY", bytes, fileName: `alipay-${deps.appId}-${billDate}-trade.csv.zip` };
    },
    parse: parseAlipayBill,
  };
}
