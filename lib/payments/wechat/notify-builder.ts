/**
 * Provider side of WeChat Pay v3 notifies, for our sandbox gateway (which plays WeChat): the
 * signed body with its resource encrypted under the merchant's APIv3 key.
 */
import { randomUUID, type KeyObject } from "node:crypto";
import type { IncomingNotify } from "@/lib/payments/types";
import { encryptResource } from "./resource";
import { signResponse } from "./sign";
import { toWechatTime } from "./time";

export interface BuildNotifyInput {
  /** e.g. `TRANSACTION.SUCCESS`, `REFUND.SUCCESS`. */
  eventType: string;
  /** e.g. `支付成功`. */
  summary: string;
  /** `transaction` or `refund`; also used as the AES-GCM associated data, as WeChat does. */
  originalType: string;
  /** The plaintext object the merchant will decrypt (a transaction or a refund). */
  resource: Record<string, unknown>;
  apiV3Key: Buffer;
  /** WeChat Pay's (here: the sandbox's) signing key and the serial/public key id naming it. */
  privateKey: KeyObject;
  serial: string;
  nowMs: number;
}

/** A notify as the merchant's route receives it: lower-cased headers, raw JSON body. */
export function buildSignedNotify(input: BuildNotifyInput): IncomingNotify {
  const body = JSON.stringify({
    id: randomUUID(),
    create_time: toWechatTime(new Date(input.nowMs)),
    resource_type: "encrypt-resource",
    event_type: input.eventType,
    summary: input.summary,
    resource: encryptResource({
      plaintext: JSON.stringify(input.resource),
      apiV3Key: input.apiV3Key,
      associatedData: input.originalType,
      originalType: input.originalType,
    }),
  });
  const signed = signResponse({ body, privateKey: input.privateKey, serial: input.serial, nowMs: input.nowMs });
  const headers = Object.fromEntries(Object.entries(signed).map(([name, value]) => [name.toLowerCase(), value]));
  return { headers: { ...headers, "content-type": "application/json" }, body };
}
