import { zipSync } from "fflate";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { BillFormatError } from "@/lib/payments/types";
import { parseAlipayBill, parseAlipayDetails } from "./bill";
import { qdingDetailLines } from "./fixtures/public-bills";

const detailText = `${qdingDetailLines.join("\r\n")}\r\n`;

/** A bill ZIP as Alipay serves it: GBK files, GBK entry names without the UTF-8 flag. */
function billZip(detail: string): Buffer {
  const name = (text: string) => iconv.encode(text, "gbk").toString("latin1");
  const files = {
    [name("20880211096256330156_20190916_业务明细.csv")]: new Uint8Array(iconv.encode(detail, "gbk")),
    [name("20880211096256330156_20190916_业务明细(汇总).csv")]: new Uint8Array(iconv.encode("#汇总\r\n", "gbk")),
  };
  return Buffer.from(zipSync(files));
}

describe("parseAlipayBill on a public sample", () => {
  it("reads payments and same-day refunds, trimming tab padding", () => {
    const bill = parseAlipayDetails(detailText);
    expect(bill.lines).toHaveLength(10);
    expect(bill.lines[0]).toEqual({
      kind: "PAYMENT",
      orderNo: "service_1568601259302",
      providerTradeNo: "2019091622001458860515315453",
      amountFen: 1,
      time: new Date("2019-09-16T02:55:23Z"),
      status: "交易",
    });
    expect(bill.lines[1]).toEqual(
      expect.objectContaining({
        kind: "REFUND",
        refundNo: "re_test_1568602607356",
        amountFen: 1,
        orderNo: "service_1568601259302",
      }),
    );
    expect(bill.stated).toEqual({ lines: 10, paymentFen: 6, refundFen: 4 });
    expect(bill.counted).toEqual(bill.stated);
  });

  it("reads it from a GBK ZIP with GBK entry names", () => {
    const bill = parseAlipayBill(billZip(detailText));
    expect(bill.lines.filter((line) => line.kind === "REFUND")).toHaveLength(4);
  });

  it("accepts (元) as well as （元） in headers", () => {
    const bill = parseAlipayDetails(detailText.replace(/（元）/g, "(元)"));
    expect(bill.counted.paymentFen).toBe(6);
  });
});

describe("parseAlipayBill refuses incomplete files", () => {
  it("refuses a truncated ZIP", () => {
    const zip = billZip(detailText);
    expect(() => parseAlipayBill(zip.subarray(0, zip.length - 30))).toThrow(BillFormatError);
  });

  it("refuses a detail file cut before its end line", () => {
    const cut = qdingDetailLines.slice(0, 9).join("\r\n");
    expect(() => parseAlipayBill(billZip(cut))).toThrow(/incomplete/);
  });

  it("refuses a row of the wrong width and an amount that is not yuan", () => {
    const lines = [...qdingDetailLines];
    lines[6] = lines[6]!.split(",").slice(0, 20).join(",");
    expect(() => parseAlipayDetails(lines.join("\n"))).toThrow(/line 7 has 20 values/);
    expect(() => parseAlipayDetails(detailText.replace(",0.01,0.01,", ",0.01,0.011,"))).toThrow(/not an amount/);
  });

  it("refuses a ZIP without a detail file", () => {
    expect(() => parseAlipayBill(Buffer.from(zipSync({ "other.csv": new Uint8Array([65]) })))).toThrow(/expected one/);
  });
});
