import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedWebhook {
  id: string;
  timestamp: number;
  payload: { id: string; type: string; timestamp: string; data: Record<string, unknown> };
  at: number;
}

export interface WebhookReceiver {
  url: string;
  /** Deliveries whose signature verified with the endpoint's secret. */
  received: ReceivedWebhook[];
  /** Deliveries that failed verification (must stay empty). */
  rejected: string[];
  /** Every request's arrival time, answered or not. */
  hits: number[];
  /** Sets the secret to verify with, once the endpoint exists. */
  useSecret(secret: string): void;
  /** The status to answer each request with: given the number of the request (1, 2, …). */
  answer: (hit: number) => number;
  close(): Promise<void>;
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A loopback receiver that verifies every delivery with the `standardwebhooks` package, as an operator would. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let verifier: Webhook | null = null;
  const receiver: WebhookReceiver = {
    url: "",
    received: [],
    rejected: [],
    hits: [],
    useSecret(secret) {
      verifier = new Webhook(secret);
    },
    answer: () => 204,
    close: () => Promise.resolve(),
  };
  const server = createServer((incoming, outgoing) => {
    void readBody(incoming).then((body) => {
      receiver.hits.push(Date.now());
      const status = receiver.answer(receiver.hits.length);
      const headers = {
        "webhook-id": String(incoming.headers["webhook-id"] ?? ""),
        "webhook-timestamp": String(incoming.headers["webhook-timestamp"] ?? ""),
        "webhook-signature": String(incoming.headers["webhook-signature"] ?? ""),
      };
      try {
        if (!verifier) throw new Error("no secret yet");
        const payload = verifier.verify(body, headers) as ReceivedWebhook["payload"];
        if (status >= 200 && status < 300) {
          receiver.received.push({
            id: headers["webhook-id"],
            timestamp: Number(headers["webhook-timestamp"]),
            payload,
            at: Date.now(),
          });
        }
      } catch (error) {
        receiver.rejected.push(String(error));
      }
      outgoing.writeHead(status, {
        "content-type": "text/plain",
        ...(status >= 300 && status < 400 ? { location: "/elsewhere" } : {}),
      });
      outgoing.end(status >= 200 && status < 300 ? "ok" : `answered ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
