import { describe, expect, it } from "vitest";
import { buildPageUrl, buildRequestParams, readGatewayRequest, splitForPost } from "./request";

const params = buildRequestParams({
  appId: "2021000000000001",
  method: "alipay.trade.query",
  bizContent: { out_trade_no: "R1" },
  timestamp: "2025-01-01 20:00:00",
  notifyUrl: "https://shop.example/notify?x=1",
});

describe("buildRequestParams", () => {
  it("fills in Alipay's common params and serialises biz_content", () => {
    expect(params).toEqual({
      app_id: "2021000000000001",
      method: "alipay.trade.query",
      format: "JSON",
      charset: "utf-8",
      version: "1.0",
      timestamp: "2025-01-01 20:00:00",
      notify_url: "https://shop.example/notify?x=1",
      biz_content: '{"out_trade_no":"R1"}',
    });
  });
});

describe("splitForPost / readGatewayRequest", () => {
  it("puts common params in the query, biz_content in the body, and reads them back together", () => {
    const { query, body } = splitForPost({ ...params, sign: "S+/=" });
    expect(body).toBe("biz_content=%7B%22out_trade_no%22%3A%22R1%22%7D");
    expect(query).toContain("sign=S%2B%2F%3D");
    expect(readGatewayRequest(`?${query}`, body)).toEqual({ ok: true, params: { ...params, sign: "S+/=" } });
  });

  it("reads a GET page URL with an empty body", () => {
    const url = new URL(buildPageUrl("https://gw.example/gateway.do", params));
    expect(url.origin + url.pathname).toBe("https://gw.example/gateway.do");
    expect(readGatewayRequest(url.search, "")).toEqual({ ok: true, params });
  });

  it("refuses a name given in both query and body, or twice in one", () => {
    expect(readGatewayRequest("app_id=1", "app_id=2")).toMatchObject({
      ok: false,
      detail: expect.stringContaining("both"),
    });
    expect(readGatewayRequest("a=1&a=2", "")).toMatchObject({ ok: false, detail: expect.stringContaining("query") });
    expect(readGatewayRequest("", "a=%zz")).toMatchObject({ ok: false, detail: expect.stringContaining("body") });
  });
});
