/**
 * Alipay trade bills (`alipay.data.dataservice.bill.downloadurl.query`, bill_type=trade): a ZIP
 * holding `…_业务明细.csv` and `…_业务明细(汇总).csv`, both GBK. The detail file has `#` comment
 * lines around its block (title, account, dates, then `#交易合计：N笔，商家实收共X元…` and
 * `#退款合计：…` after the block), values padded with spaces or tabs, 25 columns, and refunds as
 * 业务类型=退款 rows with negative amounts. Amount headers are written `（元）` or `(元)`.
 */
import { unzipSync } from "fflate";
import iconv from "iconv-lite";
import { BillFormatError, type BillLine, type BillTotals, type ParsedBill } from "@/lib/payments/types";
import { parseBeijingTime } from "./time";

const DETAIL_SUFFIX = "业务明细.csv";
const SUMMARY_MARK = "汇总";
const END_OF_DETAILS = /^#-+业务明细列表结束/;
const TRADE_TOTAL = /^#交易合计：(\d+)笔，[^，]*?共(-?\d+\.\d{2})元/;
const REFUND_TOTAL = /^#退款合计：(\d+)笔，[^，]*?共(-?\d+\.\d{2})元/;
const SIGNED_YUAN = /^(-?)(0|[1-9][0-9]{0,12})\.([0-9]{2})$/;

function fail(message: string): never {
  throw new BillFormatError(`Alipay bill: ${message}`);
}

/** "-0.01" → -1; exact, never through floating point. */
function signedFen(text: string, what: string): number {
  const match = SIGNED_YUAN.exec(text);
  if (!match) fail(`${what} is not an amount: "${text}"`);
  const fen = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -fen : fen;
}

/** Entry names in Alipay's ZIPs are GBK without the UTF-8 flag; fflate then reads them as latin1. */
function entryNames(name: string): string[] {
  return [name, iconv.decode(Buffer.from(name, "latin1"), "gbk")];
}

function detailFile(bytes: Buffer): Buffer {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(bytes));
  } catch (error) {
    fail(`not a complete ZIP (${error instanceof Error ? error.message : String(error)})`);
  }
  const details = Object.entries(entries).filter(([name]) =>
    entryNames(name).some((candidate) => candidate.endsWith(DETAIL_SUFFIX) && !candidate.includes(SUMMARY_MARK)),
  );
  if (details.length !== 1) fail(`expected one …${DETAIL_SUFFIX} in the ZIP, found ${details.length}`);
  return Buffer.from(details[0]![1]);
}

/** Header names as one spelling: Alipay writes both `（元）` and `(元)`. */
function normalizeHeader(name: string): string {
  return name.trim().replace(/\(元\)/g, "（元）");
}

type Row = (name: string) => string;

function lineOf(read: Row, lineNo: number): { line: BillLine; receivedFen: number } {
  const type = read("业务类型");
  const orderFen = signedFen(read("订单金额（元）"), `订单金额 on line ${lineNo}`);
  const receivedFen = signedFen(read("商家实收（元）"), `商家实收 on line ${lineNo}`);
  const time = parseBeijingTime(read("完成时间")) ?? parseBeijingTime(read("创建时间"));
  if (!time) fail(`line ${lineNo} has no valid time`);
  const base = { orderNo: read("商户订单号"), providerTradeNo: read("支付宝交易号"), time, status: type };
  if (type === "交易") return { line: { ...base, kind: "PAYMENT", amountFen: orderFen }, receivedFen };
  if (type === "退款") {
    return {
      line: { ...base, kind: "REFUND", refundNo: read("退款批次号/请求号"), amountFen: Math.abs(orderFen) },
      receivedFen: Math.abs(receivedFen),
    };
  }
  fail(`line ${lineNo} has an unknown 业务类型 "${type}"`);
}

function statedTotals(comments: string[]): BillTotals {
  const trade = comments.map((line) => TRADE_TOTAL.exec(line)).find(Boolean);
  if (!trade) fail("no #交易合计 line: the file is incomplete");
  const refund = comments.map((line) => REFUND_TOTAL.exec(line)).find(Boolean);
  const refundCount = refund ? Number(refund[1]) : 0;
  return {
    lines: Number(trade[1]) + refundCount,
    paymentFen: signedFen(trade[2]!, "#交易合计"),
    refundFen: refund ? Math.abs(signedFen(refund[2]!, "#退款合计")) : 0,
  };
}

/** Reads the detail CSV text completely, or throws BillFormatError. */
export function parseAlipayDetails(text: string): ParsedBill {
  const rows = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const endAt = rows.findIndex((row) => END_OF_DETAILS.test(row));
  if (endAt < 0) fail("no end-of-details line: the file is incomplete");
  const headerAt = rows.findIndex((row) => row.trim() !== "" && !row.startsWith("#"));
  if (headerAt < 0 || headerAt > endAt) fail("no header line");
  const header = rows[headerAt]!.split(",").map(normalizeHeader);
  for (const name of ["支付宝交易号", "商户订单号", "业务类型", "订单金额（元）", "商家实收（元）", "完成时间"]) {
    if (!header.includes(name)) fail(`no column ${name}`);
  }

  const lines: BillLine[] = [];
  const counted: BillTotals = { lines: 0, paymentFen: 0, refundFen: 0 };
  for (let index = headerAt + 1; index < endAt; index += 1) {
    const row = rows[index]!;
    if (row.trim() === "" || row.startsWith("#")) continue;
    const lineNo = index + 1;
    const values = row.split(",").map((value) => value.trim());
    if (values.length !== header.length)
      fail(`line ${lineNo} has ${values.length} values, the header ${header.length}`);
    const { line, receivedFen } = lineOf((name) => values[header.indexOf(name)] ?? "", lineNo);
    lines.push(line);
    counted.lines += 1;
    // The summary adds up 商家实收, so the check does too.
    if (line.kind === "PAYMENT") counted.paymentFen += receivedFen;
    else counted.refundFen += receivedFen;
  }
  return { lines, stated: statedTotals(rows.slice(endAt + 1)), counted };
}

/** Reads a downloaded bill ZIP completely, or throws BillFormatError: never half a bill. */
export function parseAlipayBill(bytes: Buffer): ParsedBill {
  return parseAlipayDetails(iconv.decode(detailFile(bytes), "gbk"));
}
