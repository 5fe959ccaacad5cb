import { describe, expect, it } from "vitest";
import { renewalChannel } from "@/components/recharge/purchase";

describe("renewalChannel", () => {
  it("keeps JSAPI inside WeChat, whatever the screen", () => {
    expect(renewalChannel("JSAPI", "H5")).toBe("JSAPI");
    expect(renewalChannel("JSAPI", "QR")).toBe("JSAPI");
  });

  it("keeps the website cashier on a computer (the merchant's product there), not on a phone", () => {
    expect(renewalChannel("PAGE", "QR")).toBe("PAGE");
    expect(renewalChannel("PAGE", "H5")).toBe("H5");
  });

  it("lets the screen decide between a QR code and the phone page", () => {
    expect(renewalChannel("QR", "H5")).toBe("H5");
    expect(renewalChannel("H5", "QR")).toBe("QR");
  });
});
