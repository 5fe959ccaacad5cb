import { describe, expect, it } from "vitest";
import { topLevelMembers } from "./json-members";

describe("topLevelMembers", () => {
  it("returns each value's exact source text", () => {
    const text = ' { "a_response" : {"x":"}\\"{","y":[1,{"z":null}]} ,\n"sign":"S+/=", "n": -1.5e3, "t": true } ';
    expect(topLevelMembers(text)).toEqual([
      { key: "a_response", raw: '{"x":"}\\"{","y":[1,{"z":null}]}' },
      { key: "sign", raw: '"S+/="' },
      { key: "n", raw: "-1.5e3" },
      { key: "t", raw: "true" },
    ]);
  });

  it("keeps repeated keys and resolves escapes in key names", () => {
    expect(topLevelMembers('{"a_b":1,"a\\u005fb":2}')).toEqual([
      { key: "a_b", raw: "1" },
      { key: "a_b", raw: "2" },
    ]);
  });

  it("keeps Alipay's escaped slashes and raw UTF-8 untouched", () => {
    const value = '{"qr_code":"https:\\/\\/qr.alipay.com\\/bax","subject":"测试"}';
    expect(topLevelMembers(`{"r":${value}}`)).toEqual([{ key: "r", raw: value }]);
  });

  it("handles an empty object", () => {
    expect(topLevelMembers(" {} ")).toEqual([]);
  });

  it.each(["[1]", '"x"', "{", '{"a":1', '{"a":1}x', '{"a" 1}', '{"a":1,}', "{a:1}", ""])("refuses %j", (text) => {
    expect(topLevelMembers(text)).toBeUndefined();
  });
});
