import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorResponse } from "@/lib/api/v1/respond";
import { getDatabase } from "@/lib/db";
import { openDatabase, type Database } from "@/lib/db/database";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { handle } from "@/lib/http/respond";
import { startTcpProxy, type TcpProxy } from "@/lib/reliability/tcp-proxy";
import { testDatabaseKind } from "@/lib/testing/test-database";

// Only a server database can go away: the embedded one lives in the process.
describe.runIf(testDatabaseKind() === "postgres")("a database that goes away mid-request", () => {
  let proxy: TcpProxy;
  let db: Database;

  beforeAll(async () => {
    const url = new URL(((await getDatabase()).target as { url: string }).url);
    proxy = await startTcpProxy({ targetPort: Number(url.port || 5432) });
    url.port = String(proxy.port);
    db = await openDatabase({ kind: "postgres", url: url.toString() });
  });

  afterAll(async () => {
    await db?.close().catch(() => undefined);
    await proxy?.close();
  });

  /** Every way the app reaches the database, each one's error as it really arrives. */
  async function failures(): Promise<unknown[]> {
    const attempts: Promise<unknown>[] = [
      db.prisma.user.count(),
      db.prisma.$queryRaw`SELECT 1`,
      db.prisma.$transaction((tx) => tx.user.count()),
      db.query(Prisma.sql`SELECT 1`),
    ];
    const settled = await Promise.allSettled(attempts);
    return settled.map((result) => (result.status === "rejected" ? result.reason : new Error("answered")));
  }

  it("is told apart from a wrong statement, cut or refused, through the ORM, transactions and the raw driver", async () => {
    expect(await db.prisma.user.count()).toBeGreaterThanOrEqual(0);
    const wrong = await db.query(Prisma.sql`SELECT * FROM "NoSuchTable"`).catch((error: unknown) => error);
    expect(isDatabaseUnavailable(wrong)).toBe(false);
    const divideByZero = await db.prisma.$executeRaw`SELECT 1/0`.catch((error: unknown) => error);
    expect(isDatabaseUnavailable(divideByZero)).toBe(false);

    proxy.cut();
    for (const error of await failures()) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    proxy.restore();
    expect(await db.prisma.user.count()).toBeGreaterThanOrEqual(0);
  });

  it("is answered 503 with Retry-After at both edges, never 500", async () => {
    proxy.cut();
    const route = handle(async (_request: Request) => {
      await db.prisma.user.findFirst();
      return new Response("ok");
    });
    const response = await route(new Request("http://127.0.0.1/api/orders"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE", message: "database_unavailable" } });

    const [ormError] = await failures();
    const api = apiErrorResponse(ormError);
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("database_unavailable");
    proxy.restore();
  });
});
