import { AdminApiError } from "@/components/admin/api";

/**
 * Fetches the batch's one-time CSV and hands it to the browser as a file. A POST, as the
 * download uses the codes up; errors come back like the console's other calls.
 */
export async function downloadCodes(batchId: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/admin/redemption-batches/${encodeURIComponent(batchId)}/codes`, {
      method: "POST",
      headers: { accept: "text/csv", "content-type": "application/json" },
      body: "{}",
      cache: "no-store",
    });
  } catch {
    throw new AdminApiError(0, "NETWORK", "network");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new AdminApiError(response.status, body.error?.code ?? "UNKNOWN", body.error?.message ?? "unknown");
  }
  const filename = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "codes.csv";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click has run; the codes should not linger in memory.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
