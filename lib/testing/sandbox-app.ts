import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { getPrisma } from "@/lib/db";
import { dispatchDueNotifies } from "@/lib/sandbox/notify-dispatcher";
import { provisionSandboxConfigs } from "@/lib/sandbox/provision";
import { payTrade } from "@/lib/sandbox/trades";
import { seedPackages } from "@/lib/seed/packages";
import { startAppServer, type AppServer } from "@/lib/testing/app-server";
import { createUser } from "@/lib/users/create-user";

/**
 * For integration tests that pay through the sandbox: serves the gateways and notify routes
 * on loopback, points APP_URL at them (before anything reads the settings), seeds the
 * packages and provisions one sandbox config per provider.
 */
export function setUpSandboxApp(): { url(): string } {
  let server: AppServer | undefined;
  beforeAll(async () => {
    server = await startAppServer();
    process.env.APP_URL = server.url;
    await seedPackages(await getPrisma());
    await provisionSandboxConfigs();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    url() {
      if (!server) throw new Error("the sandbox app is not started yet");
      return server.url;
    },
  };
}

export function newTestUser(role: "USER" | "ADMIN" = "USER") {
  return createUser({ email: `t-${randomBytes(6).toString("hex")}@example.com`, password: "test1234", role });
}

/** The phone page's "Pay" button, for a payment code the app handed out. */
export function payOnPhone(payUrl: string | null) {
  if (!payUrl?.includes("/sandbox/pay/st_")) throw new Error(`not a sandbox payment code: ${payUrl}`);
  return payTrade(new URL(payUrl).pathname.split("/").at(-1)!);
}

/** Runs the sandbox's notify sender a few times (retry intervals scaled down to milliseconds). */
export async function deliverNotifies(rounds = 5) {
  for (let round = 0; round < rounds; round++) {
    await dispatchDueNotifies({ timeScale: 100_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
