/** Reads a request body with a size cap, so a hostile client cannot make the gateway buffer gigabytes. */

/** Real WeChat Pay requests are a few KB. */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** The body as text, or null when it is larger than `limit` bytes. */
export async function readBodyCapped(request: Request, limit = MAX_REQUEST_BYTES): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
