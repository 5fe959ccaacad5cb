import type { JsapiPayParams } from "@/lib/payments/types";
import type { OrderView } from "@/lib/recharge/order-view";

export type Provider = OrderView["provider"];
export type Channel = OrderView["channel"];

/** What the order endpoints and the live stream send: the order and the owner's balance. */
export interface OrderSnapshot {
  order: OrderView;
  balance: number;
}

export type ProviderState = "PAID" | "PENDING" | "NOT_FOUND" | "CLOSED" | "REFUNDED";

/** A JSON error answer of our API; `status` 0 means the request never got an answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The server answered, so the attempt is over (unlike a network failure, which may be retried as is). */
  get answered(): boolean {
    return this.status > 0;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string };
}

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch {
    throw new ApiError(0, "NETWORK", "network");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    throw new ApiError(response.status, body.error?.code ?? "UNKNOWN", body.error?.message ?? "unknown");
  }
  return (await response.json()) as T;
}

function post<T>(url: string, body?: unknown): Promise<T> {
  return api<T>(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
}

export interface CreateOrderRequest {
  packageId: string;
  provider: Provider;
  channel: Channel;
  clientKey: string;
}

export async function createOrder(input: CreateOrderRequest): Promise<OrderView> {
  return (await post<{ order: OrderView }>("/api/orders", input)).order;
}

const orderUrl = (orderNo: string) => `/api/orders/${encodeURIComponent(orderNo)}`;

export function fetchOrder(orderNo: string): Promise<OrderSnapshot> {
  return api<OrderSnapshot>(orderUrl(orderNo), { cache: "no-store" });
}

export function orderEventsUrl(orderNo: string): string {
  return `${orderUrl(orderNo)}/events`;
}

export async function cancelOrder(orderNo: string): Promise<OrderView> {
  return (await post<{ order: OrderView }>(`${orderUrl(orderNo)}/cancel`)).order;
}

export function checkOrder(orderNo: string): Promise<{ order: OrderView; providerState: ProviderState | null }> {
  return post(`${orderUrl(orderNo)}/check`);
}

/** Signed parameters for WeixinJSBridge, or word that WeChat must first say who pays (OAuth). */
export function jsapiPayment(orderNo: string): Promise<{ params: JsapiPayParams } | { payerAuthRequired: true }> {
  return post(`${orderUrl(orderNo)}/jsapi`);
}

/** Alipay's website cashier for a PAGE order: framed in the page, or a full-page redirect. */
export interface Cashier {
  url: string;
  mode: "EMBEDDED" | "REDIRECT";
}

export function cashierUrl(orderNo: string): Promise<Cashier> {
  return api<Cashier>(`${orderUrl(orderNo)}/cashier`, { cache: "no-store" });
}

/** Starts WeChat's OAuth2 for the order: a full-page navigation, WeChat redirects back to the order. */
export function wechatAuthUrl(orderNo: string): string {
  return `${orderUrl(orderNo)}/wechat-auth`;
}
