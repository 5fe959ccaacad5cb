"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { checkOrder, jsapiPayment, wechatAuthUrl } from "@/components/recharge/api";
import { ProviderMark } from "@/components/recharge/provider-mark";
import type { JsapiPayParams } from "@/lib/payments/types";
import type { OrderView } from "@/lib/recharge/order-view";

/** The object WeChat's browser injects; the app never defines it (tests install one). */
interface WeixinJSBridge {
  invoke(name: "getBrandWCPayRequest", params: JsapiPayParams, callback: (result: { err_msg?: string }) => void): void;
}

declare global {
  interface Window {
    WeixinJSBridge?: WeixinJSBridge;
  }
}

type Phase = "idle" | "opening" | "connecting" | "confirming" | "cancelled" | "failed" | "authFailed" | "error";

/** WeChat injects the bridge after the page loads and then fires WeixinJSBridgeReady. */
function bridgeReady(): Promise<WeixinJSBridge> {
  const ready = window.WeixinJSBridge;
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve) => {
    document.addEventListener("WeixinJSBridgeReady", () => window.WeixinJSBridge && resolve(window.WeixinJSBridge), {
      once: true,
    });
  });
}

function invoke(bridge: WeixinJSBridge, params: JsapiPayParams): Promise<string> {
  return new Promise((resolve) =>
    bridge.invoke("getBrandWCPayRequest", params, (result) => resolve(result.err_msg ?? "")),
  );
}

// The user agent never changes while the page is open.
const noSubscription = () => () => undefined;

const notices: Partial<Record<Phase, string>> = {
  cancelled: "jsapi.cancelled",
  failed: "jsapi.failed",
  authFailed: "jsapi.authFailed",
  error: "jsapi.error",
};

/**
 * Inside WeChat: learn the payer (OAuth, a full-page round trip), get the signed parameters,
 * and open WeChat's cashier through the bridge. Its answer is not proof of payment: `ok` only
 * shows "confirming" (and asks the provider at once); the notify or a query says paid.
 */
export function JsapiPanel({ order, authFailed = false }: { order: OrderView; authFailed?: boolean }) {
  const t = useTranslations("order");
  const provider = useTranslations("providers")(order.provider);
  const [phase, setPhase] = useState<Phase>(authFailed ? "authFailed" : "idle");
  const inWechat = useSyncExternalStore(
    noSubscription,
    () => navigator.userAgent.includes("MicroMessenger/"),
    () => true,
  );

  const pay = useCallback(async () => {
    setPhase("opening");
    try {
      const answer = await jsapiPayment(order.orderNo);
      if ("payerAuthRequired" in answer) {
        setPhase("connecting");
        window.location.assign(wechatAuthUrl(order.orderNo));
        return;
      }
      const result = await invoke(await bridgeReady(), answer.params);
      if (result === "get_brand_wcpay_request:ok") {
        setPhase("confirming");
        // The notify usually lands first; asking as well costs one throttled query.
        checkOrder(order.orderNo).catch(() => undefined);
      } else {
        setPhase(result === "get_brand_wcpay_request:cancel" ? "cancelled" : "failed");
      }
    } catch {
      setPhase("error");
    }
  }, [order.orderNo]);

  // Opened from the recharge form or back from WeChat's OAuth: go straight to the cashier, once
  // (the timer is cleared if React runs the effect twice). After a refused OAuth the user decides.
  useEffect(() => {
    if (!inWechat) return;
    if (authFailed) {
      window.history.replaceState(null, "", window.location.pathname);
      return;
    }
    const timer = setTimeout(() => void pay(), 0);
    return () => clearTimeout(timer);
  }, [authFailed, inWechat, pay]);

  if (!inWechat) {
    return (
      <p role="alert" className="max-w-sm text-sm text-amber-900" data-testid="jsapi-not-in-wechat">
        {t("jsapi.notInWechat")}
      </p>
    );
  }

  const busy = phase === "opening" || phase === "connecting";
  const notice = notices[phase];
  return (
    <div className="flex w-full max-w-xs flex-col items-center gap-3" data-testid="jsapi-panel" data-phase={phase}>
      {phase === "confirming" ? (
        <div role="status" className="flex flex-col items-center gap-2">
          <span
            aria-hidden="true"
            className="size-8 animate-spin rounded-full border-4 border-emerald-200 border-t-emerald-700"
          />
          <p className="font-semibold">{t("jsapi.confirming")}</p>
          <p className="text-sm text-slate-600">{t("jsapi.confirmingBody", { provider })}</p>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => void pay()}
          disabled={busy}
          aria-busy={busy}
          className="flex w-full items-center justify-center gap-3 rounded-xl bg-[#05793a] px-5 py-4 text-lg font-semibold text-white shadow-sm hover:opacity-90 disabled:opacity-60"
          data-testid="pay-jsapi"
        >
          <ProviderMark provider={order.provider} size={28} />
          {phase === "connecting"
            ? t("jsapi.connecting")
            : phase === "opening"
              ? t("jsapi.opening", { provider })
              : notice
                ? t("jsapi.retry")
                : t("jsapi.pay", { provider })}
        </button>
      )}
      {notice && (
        <p role="alert" className="text-sm text-amber-900" data-testid="jsapi-notice">
          {t(notice)}
        </p>
      )}
    </div>
  );
}
