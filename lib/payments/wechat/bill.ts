/**
 * WeChat Pay trade bills (`GET /v3/bill/tradebill`): the file is CSV in UTF-8 (maybe with a BOM),
 * gzipped when asked with tar_type=GZIP. A header line, detail rows, the summary header
 * `总交易单数,…` and one summary row; every value of detail and summary rows starts with a
 * backtick. ALL, SUCCESS and REFUND bills have different columns, so values are read by header
 * name. A payment refunded the same day is two rows (交易状态 SUCCESS, then REFUND).
 */
import { gunzipSync } from "node:zlib";
import { BillFormatError, type BillLine, type BillTotals, type ParsedBill } from "@/lib/payments/types";

const SUMMARY_FIRST_COLUMN = "总交易单数";
const GZIP_MAGIC = [0x1f, 0x8b];
const YUAN = /^(0|[1-9][0-9]{0,12})\.([0-9]{2})$/;
const TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

function fail(message: string): never {
  throw new BillFormatError(`WeChat bill: ${message}`);
}

function fen(text: string, what: string): number {
  const match = YUAN.exec(text);
  if (!match) fail(`${what} is not an amount: "${text}"`);
  return Number(match[1]) * 100 + Number(match[2]);
}

function beijingTime(text: string): Date {
  const match = TIME.exec(text);
  const time = match ? new Date(`${match[1]}T${match[2]}+08:00`) : undefined;
  if (!time || Number.isNaN(time.getTime())) fail(`not a time: "${text}"`);
  return time;
}

/** A detail or summary row: "`a,`b,`" → ["a", "b", ""]. Splitting on ",`" keeps commas inside values. */
function backtickValues(line: string, lineNo: number): string[] {
  if (!line.startsWith("`")) fail(`line ${lineNo} does not start with a backtick`);
  return line.slice(1).split(",`");
}

function decode(bytes: Buffer): string {
  let plain = bytes;
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    try {
      plain = gunzipSync(bytes);
    } catch (error) {
      fail(`gzip is damaged or truncated (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(plain);
  } catch {
    fail("not UTF-8");
  }
}

type Row = (name: string) => string | undefined;

function rowReader(header: string[], values: string[]): Row {
  return (name) => {
    const index = header.indexOf(name);
    return index < 0 ? undefined : values[index];
  };
}

function required(row: Row, name: string, lineNo: number): string {
  const value = row(name);
  if (value === undefined) fail(`line ${lineNo} has no column ${name}`);
  return value;
}

/** The first of `names` the bill has: old-format bills lack 订单金额/应结订单金额. */
function amountOf(row: Row, names: string[], lineNo: number): number {
  for (const name of names) {
    const value = row(name);
    if (value !== undefined) return fen(value, `${name} on line ${lineNo}`);
  }
  fail(`line ${lineNo} has none of ${names.join(", ")}`);
}

const PAYMENT_AMOUNT = ["订单金额", "应结订单金额", "总金额"];
const REFUND_AMOUNT = ["申请退款金额", "退款金额"];

function lineOf(row: Row, lineNo: number): BillLine | null {
  const status = required(row, "交易状态", lineNo);
  const base = {
    orderNo: required(row, "商户订单号", lineNo),
    providerTradeNo: required(row, "微信订单号", lineNo),
    time: beijingTime(required(row, "交易时间", lineNo)),
  };
  if (status === "SUCCESS") {
    return { ...base, kind: "PAYMENT", amountFen: amountOf(row, PAYMENT_AMOUNT, lineNo), status };
  }
  if (status === "REFUND") {
    return {
      ...base,
      kind: "REFUND",
      refundNo: required(row, "商户退款单号", lineNo),
      amountFen: amountOf(row, REFUND_AMOUNT, lineNo),
      status: row("退款状态") || status,
    };
  }
  // REVOKED belongs to payment-code (micropay) trades, which this app never makes.
  if (status === "REVOKED") return null;
  fail(`line ${lineNo} has an unknown 交易状态 "${status}"`);
}

function statedTotals(header: string[], values: string[]): BillTotals {
  const row = rowReader(header, values);
  const count = row(SUMMARY_FIRST_COLUMN) ?? "";
  if (!/^\d+$/.test(count)) fail(`summary count is not a number: "${count}"`);
  return {
    lines: Number(count),
    paymentFen: amountOf(row, ["订单总金额", "应结订单总金额", "总交易额"], 0),
    refundFen: amountOf(row, ["申请退款总金额", "退款总金额", "总退款金额"], 0),
  };
}

/**
 * Reads a whole bill, or throws BillFormatError: a file without its summary row (cut short in
 * transit) or with a row of the wrong width is refused, so a bill is never half-imported.
 */
export function parseWechatBill(bytes: Buffer): ParsedBill {
  const lines = decode(bytes).split(/\r?\n/);
  while (lines.length && lines.at(-1) === "") lines.pop();
  const header = (lines[0] ?? "").split(",");
  if (!header.includes("交易状态") || !header.includes("商户订单号")) fail("no trade bill header line");
  const summaryAt = lines.findIndex((line) => line.startsWith(`${SUMMARY_FIRST_COLUMN},`));
  if (summaryAt < 0) fail("no summary: the file is incomplete");
  if (summaryAt + 2 !== lines.length) fail("the summary must be followed by exactly one summary row");

  const parsed: BillLine[] = [];
  const counted: BillTotals = { lines: 0, paymentFen: 0, refundFen: 0 };
  for (let index = 1; index < summaryAt; index += 1) {
    const lineNo = index + 1;
    const values = backtickValues(lines[index]!, lineNo);
    if (values.length !== header.length)
      fail(`line ${lineNo} has ${values.length} values, the header ${header.length}`);
    counted.lines += 1;
    const line = lineOf(rowReader(header, values), lineNo);
    if (!line) continue;
    parsed.push(line);
    if (line.kind === "PAYMENT") counted.paymentFen += line.amountFen;
    else counted.refundFen += line.amountFen;
  }
  const summaryHeader = lines[summaryAt]!.split(",");
  const summaryValues = backtickValues(lines[summaryAt + 1]!, summaryAt + 2);
  if (summaryValues.length !== summaryHeader.length) fail("the summary row does not fit its header");
  return { lines: parsed, stated: statedTotals(summaryHeader, summaryValues), counted };
}
