import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BillFormatError } from "@/lib/payments/types";
import { parseWechatBill } from "./bill";
import { binarywangAllBill, gunsluoAllBill } from "./fixtures/public-bills";

describe("parseWechatBill on public samples", () => {
  it("reads gunsluo/wechatpay-go's ALL bill by header name", () => {
    const bill = parseWechatBill(Buffer.from(gunsluoAllBill));
    expect(bill.lines).toHaveLength(3);
    expect(bill.lines[0]).toEqual({
      kind: "PAYMENT",
      orderNo: "S20210128170702357723",
      providerTradeNo: "4200000925202101284997714292",
      amountFen: 1,
      time: new Date("2021-01-28T09:07:11Z"),
      status: "SUCCESS",
    });
    expect(bill.stated).toEqual({ lines: 3, paymentFen: 3, refundFen: 0 });
    expect(bill.counted).toEqual(bill.stated);
  });

  it("reads the same bill gzipped, with a BOM and CRLF line ends", () => {
    const text = `\uFEFF${gunsluoAllBill.replace(/\n/g, "\r\n")}`;
    const bill = parseWechatBill(gzipSync(Buffer.from(text)));
    expect(bill.lines.map((line) => line.orderNo)).toEqual([
      "S20210128170702357723",
      "S20210128153505214586",
      "S20210128165824499930",
    ]);
  });

  it("keeps a summary that does not add up visible (binarywang/WxJava sample)", () => {
    const bill = parseWechatBill(Buffer.from(binarywangAllBill));
    expect(bill.stated).toEqual({ lines: 48, paymentFen: 576, refundFen: 142 });
    expect(bill.counted).toEqual({ lines: 1, paymentFen: 600, refundFen: 0 });
  });

  it("reads a refund row by its own columns", () => {
    const header = gunsluoAllBill.split("\n")[0]!;
    const refund =
      "`2021-01-29 10:00:00,`wx81be3101902f7cb2,`1601959334,`0,`,`4200000925202101284997714292,`S20210128170702357723,`o,`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300000000000,`RF1,`0.01,`0.00,`ORIGINAL,`SUCCESS,`for testing,`,`0.00000,`1.00%,`0.00,`0.01,`";
    const text = [
      header,
      refund,
      "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额",
      "`1,`0.00,`0.01,`0.00,`0.00000,`0.00,`0.01",
      "",
    ].join("\n");
    const bill = parseWechatBill(Buffer.from(text));
    expect(bill.lines).toEqual([
      expect.objectContaining({ kind: "REFUND", refundNo: "RF1", amountFen: 1, status: "SUCCESS" }),
    ]);
    expect(bill.counted).toEqual({ lines: 1, paymentFen: 0, refundFen: 1 });
  });
});

describe("parseWechatBill refuses incomplete files", () => {
  it("refuses a file cut before its summary", () => {
    const cut = gunsluoAllBill.slice(0, gunsluoAllBill.indexOf("总交易单数"));
    expect(() => parseWechatBill(Buffer.from(cut))).toThrow(BillFormatError);
  });

  it("refuses a truncated gzip", () => {
    const gz = gzipSync(Buffer.from(gunsluoAllBill));
    expect(() => parseWechatBill(gz.subarray(0, gz.length - 20))).toThrow(/gzip is damaged or truncated/);
  });

  it("refuses a row cut in the middle", () => {
    const lines = gunsluoAllBill.split("\n");
    lines[2] = lines[2]!.slice(0, 60);
    expect(() => parseWechatBill(Buffer.from(lines.join("\n")))).toThrow(/line 3 has/);
  });

  it("refuses values without backticks and amounts that are not yuan", () => {
    expect(() =>
      parseWechatBill(Buffer.from(gunsluoAllBill.replace("`2021-01-28 15:35:18", "2021-01-28 15:35:18"))),
    ).toThrow(/backtick/);
    expect(() =>
      parseWechatBill(
        Buffer.from(gunsluoAllBill.replace("`0.01,`0.00,`\n`2021-01-28 15", "`0.010,`0.00,`\n`2021-01-28 15")),
      ),
    ).toThrow(/not an amount/);
  });
});
