import type { Channel } from "@/components/recharge/api";

/**
 * A fresh idempotency key for one purchase attempt. getRandomValues rather than
 * randomUUID: the latter exists only in secure contexts, and the app is also used over
 * plain http on a LAN address (the sandbox's phone pages).
 */
export function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Phones get the provider's H5 page (a QR cannot be scanned by the phone showing it). */
export function preferredChannel(): Channel {
  return window.matchMedia("(max-width: 767px) and (pointer: coarse)").matches ? "H5" : "QR";
}

/**
 * The channel of a fresh order replacing one that expired. Inside WeChat it is JSAPI again; a
 * website-cashier order (the merchant's chosen product on a computer) stays one while on a
 * computer; otherwise the screen decides.
 */
export function renewalChannel(previous: Channel, preferred: Channel): Channel {
  if (previous === "JSAPI") return previous;
  if (previous === "PAGE" && preferred === "QR") return previous;
  return preferred;
}

/**
 * Where to send the phone for an H5 payment. Alipay's URL already knows the way back;
 * WeChat's H5 page returns only to a redirect_url the merchant appends. Our server's WeChat
 * adapter appends one already (from APP_URL): then it is kept, as a second one would make
 * the parameter ambiguous.
 */
export function h5Url(payUrl: string, provider: string, orderNo: string): string {
  if (provider !== "WECHAT" || new URL(payUrl).searchParams.has("redirect_url")) return payUrl;
  const back = `${window.location.origin}/orders/${orderNo}`;
  return `${payUrl}${payUrl.includes("?") ? "&" : "?"}redirect_url=${encodeURIComponent(back)}`;
}
