/** Reads a request body with a size cap, so a hostile client cannot make the gateway buffer gigabytes. */
import { readCapped } from "@/lib/http/read-capped";

/** Real WeChat Pay requests are a few KB. */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** The body as text, or null when it is larger than `limit` bytes. */
export async function readBodyCapped(request: Request, limit = MAX_REQUEST_BYTES): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  const body = await readCapped(request.body, limit);
  return body ? body.toString("utf8") : null;
}
