import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PaymentConfig, SandboxMerchant } from "@prisma/client";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { loadConfig } from "@/lib/payment-configs/load-adapter";
import { openSecrets } from "@/lib/payment-configs/secrets";
import {
  buildRequestParams,
  formatBeijingTime,
  signParams,
  splitForPost,
  verifyAlipayResponse,
} from "@/lib/payments/alipay";
import type { CreatePaymentInput, PaymentAdapter } from "@/lib/payments/types";
import { alipaySandbox } from "@/lib/sandbox/alipay";
import { merchantKeys } from "@/lib/sandbox/merchants";
import { provisionSandboxMerchant } from "@/lib/sandbox/provision";
import type { MerchantKeys } from "@/lib/sandbox/types";

/**
 * For the integration tests only: the sandbox gateway served over real HTTP on 127.0.0.1, a
 * provisioned sandbox merchant whose payment config points at it, and the real Alipay adapter
 * loaded from that config — the whole loop the app uses, with nothing mocked.
 */

async function readAll(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listen(server: Server): Promise<string> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Forwards every request to alipaySandbox.handle, as the Next.js route does. */
async function serveGateway(): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(`${origin}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        ...(hasBody ? { body: new Uint8Array(body) } : {}),
      });
      const response = await alipaySandbox.handle(request, []);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  const origin = await listen(server);
  return { origin, server };
}

const alipaySecrets = z.object({ appPrivateKeyPem: z.string(), alipayPublicKeyPem: z.string() });

export interface GatewayHarness {
  gatewayUrl: string;
  config: PaymentConfig;
  merchant: SandboxMerchant;
  keys: MerchantKeys;
  /** The merchant's side of the keys, as the payment config holds them. */
  appPrivateKeyPem: string;
  alipayPublicKeyPem: string;
  adapter(): Promise<PaymentAdapter>;
  close(): Promise<void>;
}

export async function startGateway(): Promise<GatewayHarness> {
  const { origin, server } = await serveGateway();
  const gatewayUrl = `${origin}/sandbox/alipay/gateway.do`;
  const provisioned = await provisionSandboxMerchant("ALIPAY", { isDefault: true });
  const prisma = await getPrisma();
  // The adapter cache is keyed on updatedAt, which this update moves.
  const config = await prisma.paymentConfig.update({ where: { id: provisioned.id }, data: { gatewayUrl } });
  const merchant = await prisma.sandboxMerchant.findFirstOrThrow({
    where: { provider: "ALIPAY", appId: config.appId },
  });
  const secrets = alipaySecrets.parse(openSecrets(config.id, config.sealedSecrets));
  return {
    gatewayUrl,
    config,
    merchant,
    keys: merchantKeys(merchant),
    ...secrets,
    adapter: async () => (await loadConfig(config.id)).adapter,
    close: () => stop(server),
  };
}

export function orderInput(
  orderNo: string,
  amountFen: number,
  notifyUrl = "http://127.0.0.1:9/notify",
): CreatePaymentInput {
  return {
    orderNo,
    amountFen,
    description: `${amountFen} credits`,
    expiresAt: new Date(Date.now() + 15 * 60 * 1000),
    notifyUrl,
  };
}

export interface RawCall {
  method: string;
  bizContent: Record<string, unknown>;
  appId?: string;
  /** Signs with this key instead of the merchant's. */
  privateKeyPem?: string;
  sentAt?: Date;
}

/** A hand-built gateway request, for what the adapter never sends (forged, stale, unknown). */
export async function rawCall(h: GatewayHarness, call: RawCall): Promise<{ status: number; text: string }> {
  const params = signParams(
    buildRequestParams({
      appId: call.appId ?? h.config.appId,
      method: call.method,
      bizContent: call.bizContent,
      timestamp: formatBeijingTime(call.sentAt ?? new Date()),
    }),
    "request",
    call.privateKeyPem ?? h.appPrivateKeyPem,
  );
  const { query, body } = splitForPost(params);
  const response = await fetch(`${h.gatewayUrl}?${query}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded;charset=utf-8" },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** The response object of a signed gateway answer, after checking Alipay's signature on it. */
export function verifiedPayload(h: GatewayHarness, text: string, method: string): Record<string, unknown> {
  const verified = verifyAlipayResponse(text, method, h.alipayPublicKeyPem);
  if (!verified.ok) throw new Error(`gateway answer did not verify: ${verified.detail}`);
  return z.record(z.string(), z.unknown()).parse(verified.payload);
}

export interface NotifyReceiver {
  url: string;
  received: { headers: Record<string, string>; body: string }[];
  /** What the next notifies are answered with, in order; "success" once they run out. */
  answers: string[];
  close(): Promise<void>;
}

/** A merchant notify endpoint that records what it gets and answers as told. */
export async function startNotifyReceiver(): Promise<NotifyReceiver> {
  const received: NotifyReceiver["received"] = [];
  const answers: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = (await readAll(req)).toString("utf8");
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])),
      );
      received.push({ headers, body });
      const answer = answers.shift() ?? "success";
      res.writeHead(answer === "success" ? 200 : 500, { "content-type": "text/plain; charset=utf-8" });
      res.end(answer);
    })();
  });
  const origin = await listen(server);
  return { url: `${origin}/api/payments/alipay/notify`, received, answers, close: () => stop(server) };
}
