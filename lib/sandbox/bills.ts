/**
 * The sandbox provider's daily trade bills, made from its own trades and refunds, in each
 * provider's real format (DESIGN §8): WeChat's backtick CSV (ALL, 27 columns, summary rows) and
 * Alipay's GBK ZIP (业务明细 with `#` lines and tab padding, plus 业务明细(汇总)).
 * Bill faults: a trade the merchant never placed, an amount one fen off, a refund left out, a
 * bill not ready yet.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Provider, SandboxMerchant, SandboxRefund, SandboxTrade } from "@prisma/client";
import { zipSync } from "fflate";
import iconv from "iconv-lite";
import { beijingDayBounds } from "@/lib/bills/beijing-day";
import { getPrisma } from "@/lib/db";
import { fenToYuan, formatBeijingTime } from "@/lib/payments/alipay";
import { faultsFor } from "@/lib/sandbox/faults";

export type SandboxBill = { state: "READY"; bytes: Buffer } | { state: "NOT_READY" } | { state: "EMPTY" };

type BillTrade = Pick<
  SandboxTrade,
  "merchantId" | "outTradeNo" | "providerTradeNo" | "channel" | "description" | "createdAt"
>;

interface BillEntry {
  trade: BillTrade;
  refund?: Pick<SandboxRefund, "refundNo" | "outRefundNo">;
  amountFen: number;
  time: Date;
}

/** The order number of the "trade we never heard of" fault: no merchant ever issued it. */
export function unknownTradeNo(billDate: string): string {
  return `SBX_UNKNOWN_${billDate.replaceAll("-", "")}`;
}

async function entriesOf(merchant: SandboxMerchant, billDate: string): Promise<BillEntry[] | "NOT_READY"> {
  const merchantFaults = await faultsFor(merchant.id);
  if (merchantFaults.billNotReady) return "NOT_READY";
  const prisma = await getPrisma();
  const { start, end } = beijingDayBounds(billDate);
  const [paid, refunds] = await Promise.all([
    prisma.sandboxTrade.findMany({
      where: { merchantId: merchant.id, paidAt: { gte: start, lt: end } },
      orderBy: { paidAt: "asc" },
    }),
    prisma.sandboxRefund.findMany({
      where: { trade: { merchantId: merchant.id }, state: "SUCCESS", createdAt: { gte: start, lt: end } },
      include: { trade: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const entries: BillEntry[] = [];
  for (const trade of paid) {
    const faults = await faultsFor(merchant.id, trade.outTradeNo);
    const amountFen = (trade.paidAmountFen ?? trade.amountFen) + (faults.billWrongAmount ? 1 : 0);
    entries.push({ trade, amountFen, time: trade.paidAt! });
  }
  for (const { trade, ...refund } of refunds) {
    const faults = await faultsFor(merchant.id, trade.outTradeNo);
    if (!faults.billOmitRefunds) entries.push({ trade, refund, amountFen: refund.amountFen, time: refund.createdAt });
  }
  if (merchantFaults.billUnknownTrade) {
    const time = new Date(start.getTime() + 12 * 3_600_000);
    entries.push({
      trade: {
        merchantId: merchant.id,
        outTradeNo: unknownTradeNo(billDate),
        providerTradeNo: `${merchant.provider === "WECHAT" ? "42000" : ""}${billDate.replaceAll("-", "")}99999999`,
        description: "unknown",
        channel: "QR",
        createdAt: time,
      },
      amountFen: 100,
      time,
    });
  }
  return entries;
}

// ---- WeChat: GET /v3/bill/tradebill, bill_type=ALL ----

const WECHAT_HEADER =
  "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
const WECHAT_SUMMARY_HEADER =
  "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";
/** The standard 0.6% rate, rounded to the fen and written with five decimals as WeChat does. */
const feeFen = (amountFen: number) => Math.round((amountFen * 6) / 1000);
const fee = (fen: number) => `${fenToYuan(fen)}000`;

function openId(trade: BillTrade): string {
  return `o${createHash("sha256").update(`openid:${trade.merchantId}`).digest("base64url").slice(0, 27)}`;
}

function wechatRow(merchant: SandboxMerchant, entry: BillEntry): string[] {
  const { trade, refund, amountFen } = entry;
  const type = trade.channel === "H5" ? "MWEB" : "NATIVE";
  const paid = refund ? 0 : amountFen;
  const refunded = refund ? amountFen : 0;
  return [
    formatBeijingTime(entry.time),
    merchant.appId,
    merchant.merchantId,
    "0",
    "",
    trade.providerTradeNo ?? "",
    trade.outTradeNo,
    openId(trade),
    type,
    refund ? "REFUND" : "SUCCESS",
    "OTHERS",
    "CNY",
    fenToYuan(paid),
    "0.00",
    refund?.refundNo ?? "0",
    refund?.outRefundNo ?? "0",
    fenToYuan(refunded),
    "0.00",
    refund ? "ORIGINAL" : "",
    refund ? "SUCCESS" : "",
    trade.description,
    "",
    fee(refund ? 0 : feeFen(paid)),
    "0.60%",
    fenToYuan(paid),
    fenToYuan(refunded),
    "",
  ];
}

function wechatBill(merchant: SandboxMerchant, entries: BillEntry[]): Buffer {
  const rows = entries.map((entry) => wechatRow(merchant, entry));
  const sum = (pick: (entry: BillEntry) => number) => entries.reduce((total, entry) => total + pick(entry), 0);
  const paid = sum((entry) => (entry.refund ? 0 : entry.amountFen));
  const refunded = sum((entry) => (entry.refund ? entry.amountFen : 0));
  const fees = sum((entry) => (entry.refund ? 0 : feeFen(entry.amountFen)));
  const summary = [
    String(rows.length),
    fenToYuan(paid),
    fenToYuan(refunded),
    "0.00",
    fee(fees),
    fenToYuan(paid),
    fenToYuan(refunded),
  ];
  const backticked = (values: string[]) => values.map((value) => `\`${value}`).join(",");
  const lines = [WECHAT_HEADER, ...rows.map(backticked), WECHAT_SUMMARY_HEADER, backticked(summary)];
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

// ---- Alipay: alipay.data.dataservice.bill.downloadurl.query, bill_type=trade ----

const ALIPAY_HEADER =
  "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";
const DETAIL_START = "#-----------------------------------------业务明细列表----------------------------------------";
const DETAIL_END = "#-----------------------------------------业务明细列表结束------------------------------------";

function signedYuan(fen: number): string {
  return fen < 0 ? `-${fenToYuan(-fen)}` : fenToYuan(fen);
}

function chineseDateTime(date: Date): string {
  const [day, time] = formatBeijingTime(date).split(" ") as [string, string];
  const [year, month, dayOfMonth] = day.split("-");
  return `${year}年${month}月${dayOfMonth}日 ${time}`;
}

function alipayRow(entry: BillEntry): string {
  const { trade, refund } = entry;
  const fen = refund ? -entry.amountFen : entry.amountFen;
  // Alipay pads identifier columns with a tab so spreadsheet programs keep them as text.
  return [
    `${trade.providerTradeNo ?? ""}\t`,
    `${trade.outTradeNo}\t`,
    `${refund ? "退款" : "交易"}\t`,
    trade.description,
    formatBeijingTime(trade.createdAt),
    formatBeijingTime(entry.time),
    "\t",
    "\t",
    "\t",
    "\t",
    "sandbox***@example.com\t",
    signedYuan(fen),
    signedYuan(fen),
    "0.00",
    "0.00",
    "0.00",
    "0.00",
    "0.00",
    "",
    "0.00\t",
    "0.00",
    `${refund?.outRefundNo ?? ""}\t`,
    "0.00",
    "0.00",
    "",
  ].join(",");
}

function alipayFiles(merchant: SandboxMerchant, billDate: string, entries: BillEntry[], now: Date) {
  const { start, end } = beijingDayBounds(billDate);
  const account = `${merchant.merchantId}0156`;
  const payments = entries.filter((entry) => !entry.refund);
  const refunds = entries.filter((entry) => entry.refund);
  const paidFen = payments.reduce((sum, entry) => sum + entry.amountFen, 0);
  const refundFen = refunds.reduce((sum, entry) => sum + entry.amountFen, 0);
  const range = `#起始日期：[${chineseDateTime(start)}]   终止日期：[${chineseDateTime(end)}]`;
  const detail = [
    "#支付宝业务明细查询",
    `#账号：[${account}]`,
    range,
    DETAIL_START,
    ALIPAY_HEADER,
    ...entries.map(alipayRow),
    DETAIL_END,
    `#交易合计：${payments.length}笔，商家实收共${fenToYuan(paidFen)}元，商家优惠共0.00元`,
    `#退款合计：${refunds.length}笔，商家实收退款共${signedYuan(-refundFen)}元，商家优惠退款共0.00元`,
    `#导出时间：[${chineseDateTime(now)}]`,
  ];
  const net = fenToYuan(paidFen - refundFen);
  const summary = [
    "#支付宝业务汇总查询",
    `#账号：[${account}]`,
    range,
    "#-----------------------------------------业务汇总列表----------------------------------------",
    "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）",
    `合计,,${payments.length},${refunds.length},${net},${net},0.00,0.00,0.00,0.00,0.00,${net}`,
    "#----------------------------------------业务汇总列表结束-------------------------------------",
    `#导出时间：[${chineseDateTime(now)}]`,
  ];
  const base = `${account}_${billDate.replaceAll("-", "")}`;
  return { base, detail: `${detail.join("\r\n")}\r\n`, summary: `${summary.join("\r\n")}\r\n` };
}

/** A ZIP as Alipay's bill service serves it: GBK contents and GBK entry names (no UTF-8 flag). */
function alipayZip(merchant: SandboxMerchant, billDate: string, entries: BillEntry[], now: Date): Buffer {
  const files = alipayFiles(merchant, billDate, entries, now);
  const gbkName = (name: string) => iconv.encode(name, "gbk").toString("latin1");
  const zip = zipSync(
    {
      [gbkName(`${files.base}_业务明细.csv`)]: new Uint8Array(iconv.encode(files.detail, "gbk")),
      [gbkName(`${files.base}_业务明细(汇总).csv`)]: new Uint8Array(iconv.encode(files.summary, "gbk")),
    },
    // A fixed time keeps the bytes of one day's bill the same from one download to the next.
    { mtime: beijingDayBounds(billDate).end },
  );
  return Buffer.from(zip);
}

/** The day's bill for a sandbox merchant, or why there is none. */
export async function sandboxBill(merchant: SandboxMerchant, billDate: string): Promise<SandboxBill> {
  const entries = await entriesOf(merchant, billDate);
  if (entries === "NOT_READY") return { state: "NOT_READY" };
  if (!entries.length) return { state: "EMPTY" };
  const bytes =
    merchant.provider === "WECHAT"
      ? wechatBill(merchant, entries)
      : alipayZip(merchant, billDate, entries, readyTime(merchant.provider, billDate));
  return { state: "READY", bytes };
}

/** Export time written into Alipay's files: fixed per day, so a bill is the same on every download. */
function readyTime(provider: Provider, billDate: string): Date {
  return new Date(beijingDayBounds(billDate).end.getTime() + (provider === "WECHAT" ? 10 : 5) * 3_600_000);
}

// ---- download tokens ----

const TOKEN_TTL_MS = 5 * 60_000;

function tokenMac(merchant: SandboxMerchant, payload: string): Buffer {
  // Keyed with the merchant's sealed provider secrets: only the database holds them, and every
  // app instance reads the same.
  return createHmac("sha256", merchant.sealedSecrets).update(payload).digest();
}

/** A short-lived download token naming the merchant and day, like the providers' own. */
export function billToken(merchant: SandboxMerchant, billDate: string, now: Date): string {
  const payload = `${merchant.id}.${billDate}.${now.getTime() + TOKEN_TTL_MS}`;
  return `${Buffer.from(payload).toString("base64url")}.${tokenMac(merchant, payload).toString("base64url")}`;
}

/** The merchant id and day a token names, if the token is genuine and fresh. */
export function readBillToken(
  token: string,
): { merchantId: string; billDate: string; expiresAt: number; mac: Buffer; payload: string } | null {
  const [encoded, mac] = token.split(".");
  if (!encoded || !mac) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const [merchantId, billDate, expires] = payload.split(".");
  if (!merchantId || !billDate || !/^\d+$/.test(expires ?? "")) return null;
  return { merchantId, billDate, expiresAt: Number(expires), mac: Buffer.from(mac, "base64url"), payload };
}

export function billTokenValid(
  merchant: SandboxMerchant,
  token: NonNullable<ReturnType<typeof readBillToken>>,
  now: Date,
): boolean {
  const expected = tokenMac(merchant, token.payload);
  return (
    token.expiresAt > now.getTime() && expected.length === token.mac.length && timingSafeEqual(expected, token.mac)
  );
}
