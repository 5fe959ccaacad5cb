import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import { requireApiAdmin, requireApiUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";

const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("@/lib/auth/options", () => ({ authOptions: () => ({}) }));

function signedInAs(id: string, role: "USER" | "ADMIN", sessionVersion?: number) {
  session.current = {
    user: { id, email: "x@example.com", role, sessionVersion },
    expires: new Date(Date.now() + 60_000).toISOString(),
  };
}

describe("role checks on the server", () => {
  beforeEach(() => {
    session.current = null;
  });

  it("answers 401 to anonymous callers", async () => {
    await expect(requireApiUser()).rejects.toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    await expect(requireApiAdmin()).rejects.toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
  });

  it("lets admins in and answers 403 to users", async () => {
    const admin = await createUser({ email: "root@example.com", password: "root1234", role: "ADMIN" });
    const user = await createUser({ email: "joe@example.com", password: "joe12345" });
    signedInAs(admin.id, "ADMIN");
    await expect(requireApiAdmin()).resolves.toMatchObject({ id: admin.id, role: "ADMIN" });
    signedInAs(user.id, "USER");
    await expect(requireApiUser()).resolves.toMatchObject({ id: user.id });
    await expect(requireApiAdmin()).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
  });

  it("trusts the database over the token: a demoted admin is refused at once", async () => {
    const demoted = await createUser({ email: "ex@example.com", password: "ex123456", role: "ADMIN" });
    await (await getPrisma()).user.update({ where: { id: demoted.id }, data: { role: "USER" } });
    signedInAs(demoted.id, "ADMIN");
    await expect(requireApiAdmin()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a token for an account that no longer exists", async () => {
    signedInAs("deleted-user-id", "ADMIN");
    await expect(requireApiUser()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses tokens issued before the session version was raised (a token without one counts as version 0)", async () => {
    const user = await createUser({ email: "versions@example.com", password: "vers1234" });
    signedInAs(user.id, "USER");
    await expect(requireApiUser()).resolves.toMatchObject({ id: user.id });
    await (await getPrisma()).user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(requireApiUser()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    signedInAs(user.id, "USER", 0);
    await expect(requireApiUser()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    signedInAs(user.id, "USER", 1);
    await expect(requireApiUser()).resolves.toMatchObject({ id: user.id });
  });
});
