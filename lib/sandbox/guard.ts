import { notFound } from "next/navigation";
import { env } from "@/lib/env";

/** Sandbox pages and routes do not exist when the sandbox is off. */
export function requireSandbox(): void {
  if (!env().SANDBOX_ENABLED) notFound();
}

export function sandboxDisabledResponse(): Response | null {
  return env().SANDBOX_ENABLED ? null : new Response("Not Found", { status: 404 });
}
