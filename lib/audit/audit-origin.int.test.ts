import type { IncomingMessage } from "node:http";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/lib/db";
import { createPackage } from "@/lib/packages/create-package";
import { packageInputSchema } from "@/lib/packages/package-input";
import { createUser } from "@/lib/users/create-user";
import { applyClientAddress, compileTrustProxy } from "@/scripts/trusted-address.mjs";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

/** The headers a route handler sees once our server (scripts/server.mjs) has handled a request. */
function served(trustProxy: string | undefined, remoteAddress: string, sent: Record<string, string>): Headers {
  const socket = { remoteAddress };
  const incoming = { headers: { ...sent }, socket, connection: socket } as unknown as IncomingMessage;
  applyClientAddress(incoming, compileTrustProxy(trustProxy));
  const seen = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") seen.set(name, value);
  return seen;
}

const sent = { "x-forwarded-for": "203.0.113.77, 10.0.0.2", "user-agent": "Mozilla/5.0 (audit test)" };
let adminId: string;

beforeAll(async () => {
  adminId = (await createUser({ email: "origin-admin@example.com", password: "admin1234", role: "ADMIN" })).id;
});

async function auditedCreate(name: string) {
  const created = await createPackage(
    packageInputSchema.parse({ name, priceYuan: "1.00", credits: 10, bonusCredits: 0 }),
    adminId,
  );
  return (await getPrisma()).auditLog.findFirstOrThrow({ where: { action: "package.create", target: created.id } });
}

describe("audit origin", () => {
  it("without TRUST_PROXY records the socket's address, not a forwarded one, and the user agent", async () => {
    request.headers = served(undefined, "198.51.100.20", sent);
    expect(await auditedCreate("无代理")).toMatchObject({
      actorId: adminId,
      actorAddress: "198.51.100.20",
      actorUserAgent: "Mozilla/5.0 (audit test)",
    });
  });

  it("with TRUST_PROXY records the client the trusted proxy forwarded for", async () => {
    request.headers = served("2", "10.0.0.1", sent);
    expect(await auditedCreate("经代理")).toMatchObject({
      actorAddress: "203.0.113.77",
      actorUserAgent: "Mozilla/5.0 (audit test)",
    });
  });

  it("records no address when the request did not pass through our server", async () => {
    request.headers = new Headers({ "x-forwarded-for": "203.0.113.77", "user-agent": "curl/8" });
    expect(await auditedCreate("直连")).toMatchObject({ actorAddress: null, actorUserAgent: "curl/8" });
  });
});
