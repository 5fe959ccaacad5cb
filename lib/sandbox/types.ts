import type { SandboxMerchant, SandboxRefund, SandboxTrade } from "@prisma/client";

/** A sandbox merchant with its provider-side secrets opened. */
export interface MerchantKeys {
  merchant: SandboxMerchant;
  /** The provider's private signing key (PEM). */
  providerPrivateKeyPem: string;
  /** WeChat only: the APIv3 key notifies are encrypted with. */
  apiV3Key?: string;
  /** WeChat only: the official account's AppSecret. */
  appSecret?: string;
}

export interface NotifyContent {
  headers: Record<string, string>;
  body: string;
}

export interface NotifyOptions {
  /** Report one fen more than the trade's amount. */
  wrongAmount: boolean;
  /** Corrupt the signature. */
  badSignature: boolean;
  now: Date;
}

/** One provider's side of the protocol, as the sandbox plays it. */
export interface SandboxProtocol {
  /** The gateway: verifies the merchant's signed request and answers as the provider. */
  handle(request: Request, path: readonly string[]): Promise<Response>;
  paymentNotify(keys: MerchantKeys, trade: SandboxTrade, options: NotifyOptions): NotifyContent;
  refundNotify(keys: MerchantKeys, trade: SandboxTrade, refund: SandboxRefund, options: NotifyOptions): NotifyContent;
  /** A deliberate bad-signature probe, as WeChat sends to check merchants verify signatures. */
  signatureProbe(keys: MerchantKeys, trade: SandboxTrade, now: Date): NotifyContent;
  /** Whether the merchant's answer means "received, stop retrying". */
  acknowledged(status: number, body: string): boolean;
  /** Seconds between attempts after the first one; the provider gives up after the last. */
  retryScheduleSeconds: readonly number[];
}
