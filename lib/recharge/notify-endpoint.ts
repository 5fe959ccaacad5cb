import type { Provider } from "@prisma/client";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readBody } from "@/lib/http/respond";
import { logger } from "@/lib/log/logger";
import { countNotify } from "@/lib/metrics/registry";
import { handleNotify, type NotifyKind } from "@/lib/recharge/handle-notify";
import { storeCallback } from "@/lib/recharge/store-callback";
import { withinUnverifiedCap } from "@/lib/recharge/unverified-cap";

/** Larger than any genuine notify (WeChat's are ~1 KiB, Alipay's ~2 KiB). */
export const maxNotifyBytes = 64 * 1024;

const paramsSchema = z.object({
  provider: z.enum(["wechat", "alipay"]).transform((value) => value.toUpperCase() as Provider),
  configId: z.string().min(1).max(64),
});

// A failure answer both providers understand: not 2xx for WeChat, not "success" for Alipay.
const retryLater = () => new Response("fail", { status: 500, headers: { "content-type": "text/plain" } });

const oversizedTally = "oversized";
const tooLarge = () => new Response("payload too large", { status: 413 });

/**
 * The HTTP edge of a provider notify: bounded body, raw text, lower-cased headers; the answer
 * is whatever the provider's protocol says. Our own failures answer "retry later".
 */
export async function receiveNotify(request: Request, rawParams: unknown, kind: NotifyKind): Promise<Response> {
  const params = paramsSchema.safeParse(rawParams);
  if (!params.success) return new Response("not found", { status: 404 });
  const { provider, configId } = params.data;
  const receivedAt = new Date();
  try {
    let body: string;
    try {
      body = await readBody(request, maxNotifyBytes);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "PAYLOAD_TOO_LARGE") throw error;
      const declared = Number(request.headers.get("content-length") ?? 0);
      // The config id is the sender's choice here (nothing was verified): one tally for all of them.
      if (!(await withinUnverifiedCap(oversizedTally, receivedAt))) return tooLarge();
      await storeCallback({
        provider,
        configId,
        kind,
        headers: {},
        body: "",
        bodyBytes: declared,
        verified: false,
        outcome: "OVERSIZED",
        receivedAt,
      });
      countNotify(provider, kind, "OVERSIZED", receivedAt);
      return tooLarge();
    }
    const headers = Object.fromEntries([...request.headers].map(([name, value]) => [name.toLowerCase(), value]));
    const { answer, outcome } = await handleNotify({
      provider,
      configId,
      kind,
      notify: { headers, body },
      bodyBytes: Buffer.byteLength(body),
      receivedAt,
    });
    countNotify(provider, kind, outcome, receivedAt);
    return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.contentType } });
  } catch (error) {
    countNotify(provider, kind, "FAILED", receivedAt);
    logger.error("notify handling failed; asking the provider to retry", { provider, configId, kind, error });
    return retryLater();
  }
}
