import { describe, expect, it } from "vitest";
import { encodeForm, parseForm } from "./form";

describe("parseForm", () => {
  it("decodes '+' as space and percent escapes as UTF-8", () => {
    expect(parseForm("subject=+LEADERS%2F%E6%B5%8B%E8%AF%95&plus=%2B&empty=")).toEqual({
      ok: true,
      params: { subject: " LEADERS/测试", plus: "+", empty: "" },
    });
  });

  it("keeps JSON values as the exact strings sent", () => {
    const result = parseForm("fund_bill_list=%5B%7B%22amount%22%3A%220.01%22%7D%5D");
    expect(result).toEqual({ ok: true, params: { fund_bill_list: '[{"amount":"0.01"}]' } });
  });

  it("parses an empty body to no params", () => {
    expect(parseForm("")).toEqual({ ok: true, params: {} });
  });

  it.each([
    ["a=1&a=1", "duplicated field"],
    ["total_amount=0.01&x=1&total_amount=999.00", "duplicated field"],
    ["a=1&%61=2", "duplicated field"],
    ["a=1&&b=2", "without a name"],
    ["a=1&", "without a name"],
    ["=1", "without a name"],
    ["%3D=1&=2", "without a name"],
    ["justtext", "without a name"],
    ["a=%E4%B8", "percent-encoding"],
    ["a=%zz", "percent-encoding"],
    ["a=100%", "percent-encoding"],
  ])("refuses %j", (body, detail) => {
    const result = parseForm(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail).toContain(detail);
  });

  it("refuses a body over the limit without parsing it", () => {
    const result = parseForm(`a=${"x".repeat(100)}`, 50);
    expect(result).toEqual({ ok: false, detail: "body longer than 50 characters" });
  });

  it("treats __proto__ as an ordinary field name", () => {
    const result = parseForm("__proto__=x&a=1");
    expect(result.ok && result.params.__proto__).toBe("x");
    expect(result.ok && Object.getPrototypeOf(result.params)).toBe(Object.prototype);
  });
});

describe("encodeForm", () => {
  it("round-trips through parseForm", () => {
    const params = { subject: " 100% a+b&c=d 测试", list: '[{"a":"1"}]', empty: "" };
    expect(parseForm(encodeForm(params))).toEqual({ ok: true, params });
  });
});
