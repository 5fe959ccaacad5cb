import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { ipLiteral, isPublicAddress } from "@/lib/webhooks/target-address";

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Let loopback and private targets through (only while the sandbox is on). */
  allowPrivate: boolean;
}

export interface WebhookAnswer {
  /** Null when no answer came: refused connection, timeout, refused address. */
  status: number | null;
  latencyMs: number;
  excerpt: string | null;
  error: string | null;
}

const excerptBytes = 1_024;

/**
 * Resolves names ourselves and refuses non-public addresses at connect time, so a name that
 * resolves (or rebinds) to a private address after the URL was checked is refused too.
 */
function lookupFor(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const usable = allowPrivate ? addresses : addresses.filter((entry) => isPublicAddress(entry.address));
      const first = usable[0];
      if (!first)
        return callback(
          Object.assign(new Error("webhook target is not a public address"), { code: "EPRIVATE" }),
          "",
          0,
        );
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, first.address, first.family);
    });
  };
}

/** POSTs one webhook and reads at most a short excerpt of the answer. Never follows redirects. */
export function sendWebhook(request: WebhookRequest): Promise<WebhookAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(request.url);
  const transport = url.protocol === "https:" ? https : http;
  // An IP literal is connected to without a lookup, so it is checked here.
  const literal = ipLiteral(url.hostname);
  if (literal && !request.allowPrivate && !isPublicAddress(literal)) {
    return Promise.resolve({
      status: null,
      latencyMs: 0,
      excerpt: null,
      error: "webhook target is not a public address",
    });
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<WebhookAnswer, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, latencyMs: elapsed() });
    };
    const outgoing = transport.request(
      url,
      {
        method: "POST",
        headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
        lookup: lookupFor(request.allowPrivate),
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on("data", (chunk: Buffer) => {
          if (size < excerptBytes) chunks.push(chunk);
          size += chunk.length;
          // The status is what counts: stop reading a large answer once the excerpt is full.
          if (size >= excerptBytes) incoming.destroy();
        });
        const done = () =>
          finish({
            status: incoming.statusCode ?? null,
            excerpt: Buffer.concat(chunks).subarray(0, excerptBytes).toString("utf8") || null,
            error: null,
          });
        incoming.on("end", done);
        incoming.on("close", done);
        incoming.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`no answer within ${request.timeoutMs} ms`));
    }, request.timeoutMs);
    outgoing.on("error", (error: NodeJS.ErrnoException) =>
      finish({ status: null, excerpt: null, error: error.code ? `${error.code}: ${error.message}` : error.message }),
    );
    outgoing.end(request.body);
  });
}
