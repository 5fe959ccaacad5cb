import type { BrowserContext } from "@playwright/test";

/**
 * WeChat's in-app browser, as far as a page can tell: its user agent and the WeixinJSBridge
 * it injects after load (announced by WeixinJSBridgeReady). The bridge belongs to WeChat, not to
 * the app, so tests install this one. Like WeChat's, it takes getBrandWCPayRequest's parameters
 * to the cashier (the sandbox's, which checks paySign and pays); the "payer" pays, cancels, or
 * the payment fails, as the test sets with `setBridgeChoice`.
 */
export const wechatUserAgent =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003130) NetType/WIFI Language/zh_CN";

export const alipayUserAgent =
  "Mozilla/5.0 (Linux; U; Android 14; zh-CN; Pixel 8 Build/UQ1A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 UCBS/2.11.1.1 Nebula AlipayDefined(nt:WIFI,ws:412|915|2.625) AliApp(AP/10.5.86.8000) AlipayClient/10.5.86.8000 Language/zh-Hans";

export type BridgeChoice = "pay" | "cancel" | "fail";

const CHOICE_KEY = "e2e-wechat-bridge-choice";

export async function installWechatBridge(context: BrowserContext): Promise<void> {
  await context.addInitScript((choiceKey: string) => {
    type Params = Record<string, string>;
    const bridge = {
      invoke(name: string, params: Params, callback: (result: { err_msg: string }) => void) {
        if (name !== "getBrandWCPayRequest") return;
        const choice = window.localStorage.getItem(choiceKey) ?? "pay";
        (window as unknown as { __bridgeCalls?: Params[] }).__bridgeCalls = [
          ...((window as unknown as { __bridgeCalls?: Params[] }).__bridgeCalls ?? []),
          params,
        ];
        if (choice === "fail") {
          callback({ err_msg: "get_brand_wcpay_request:fail" });
          return;
        }
        fetch("/sandbox/wechat/jsapi-bridge", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...params, choice }),
        })
          .then((response) => response.json() as Promise<{ err_msg: string }>)
          .then(callback, () => callback({ err_msg: "get_brand_wcpay_request:fail" }));
      },
    };
    // WeChat injects the bridge some time after the page starts: pages must wait for the event.
    window.addEventListener("load", () => {
      setTimeout(() => {
        (window as unknown as { WeixinJSBridge: typeof bridge }).WeixinJSBridge = bridge;
        document.dispatchEvent(new Event("WeixinJSBridgeReady"));
      }, 200);
    });
  }, CHOICE_KEY);
}

/** What the next getBrandWCPayRequest answers (kept across page loads of the origin). */
export async function setBridgeChoice(context: BrowserContext, origin: string, choice: BridgeChoice): Promise<void> {
  const page = context.pages()[0];
  if (!page) throw new Error("no page open");
  if (!page.url().startsWith(origin)) await page.goto(`${origin}/`);
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [CHOICE_KEY, choice] as const);
}
