import { readCapped } from "@/lib/http/read-capped";
import { ProviderError } from "@/lib/payments/types";

/**
 * One form POST to the gateway with a hard deadline covering connect, headers and body, and a
 * size cap on the body. Failures come out as ProviderError: TIMEOUT when the deadline passed
 * (the request may still have reached Alipay), NETWORK when no answer came, INVALID_RESPONSE
 * for an answer we refuse to read.
 */

export const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface HttpReply {
  status: number;
  text: string;
}

export interface PostOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes?: number;
}

async function readResponse(response: Response, maxBytes: number): Promise<Uint8Array> {
  const body = await readCapped(response.body, maxBytes);
  if (!body) {
    throw new ProviderError(
      "ALIPAY",
      "INVALID_RESPONSE",
      `response larger than ${maxBytes} bytes`,
      undefined,
      response.status,
    );
  }
  return body;
}

function decodeUtf8(bytes: Uint8Array, status: number): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ProviderError("ALIPAY", "INVALID_RESPONSE", "response is not valid UTF-8", undefined, status);
  }
}

// undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, …) in `cause`.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = cause instanceof Error ? Reflect.get(cause, "code") : undefined;
  return typeof code === "string" ? `${error.message} (${code})` : error.message;
}

export async function postForm(url: string, body: string, options: PostOptions): Promise<HttpReply> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Racing a timer as well as aborting keeps the deadline even if a fetch ignores its signal.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ProviderError("ALIPAY", "TIMEOUT", `no complete response within ${options.timeoutMs} ms`));
      controller.abort();
    }, options.timeoutMs);
  });
  const exchange = async (): Promise<HttpReply> => {
    const response = await options.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded;charset=utf-8", accept: "application/json" },
      body,
      signal: controller.signal,
      // A redirect would take our signed request to a host nobody configured.
      redirect: "error",
    });
    const bytes = await readResponse(response, options.maxBytes ?? MAX_RESPONSE_BYTES);
    return { status: response.status, text: decodeUtf8(bytes, response.status) };
  };
  try {
    return await Promise.race([exchange(), deadline]);
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    throw new ProviderError("ALIPAY", "NETWORK", `gateway unreachable: ${describe(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
