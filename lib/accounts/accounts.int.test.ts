import { afterEach, describe, expect, it, vi } from "vitest";
import { hashToken } from "@/lib/accounts/account-token";
import { changePassword } from "@/lib/accounts/change-password";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { resetPassword } from "@/lib/accounts/reset-password";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { signUp } from "@/lib/accounts/sign-up";
import { verifyEmail } from "@/lib/accounts/verify-email";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getPrisma } from "@/lib/db";
import { listOutbox } from "@/lib/mail/list-outbox";
import { createUser } from "@/lib/users/create-user";

function signIn(email: string, password: string) {
  return signInWithPassword({ credentials: { email, password }, clientAddress: "10.0.0.1" });
}

/** The token of the newest mailed link to `path` for `email`. */
async function mailedToken(email: string, path: string): Promise<string> {
  const [mail] = await listOutbox({ to: email });
  const link = mail?.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
  const token = link && new URL(link).searchParams.get("token");
  if (!token) throw new Error(`no ${path} link mailed to ${email}`);
  return token;
}

async function sessionVersion(email: string): Promise<number> {
  const user = await (await getPrisma()).user.findUniqueOrThrow({ where: { email } });
  return user.sessionVersion;
}

describe("accounts", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("signs up unverified; the mailed link verifies once, and only then does sign-in work", async () => {
    const logged = vi.spyOn(process.stdout, "write");
    await signUp({ email: "new@example.com", password: "fresh1234", locale: "en" });
    expect(await signIn("new@example.com", "fresh1234")).toBeNull();
    const [mail] = await listOutbox({ to: "new@example.com" });
    expect(mail?.subject).toBe("Confirm your email address");
    const token = await mailedToken("new@example.com", "/verify-email");
    // The log names the outbox, never the link.
    expect(logged.mock.calls.map(([line]) => String(line)).join("")).not.toContain(token);
    const stored = await (await getPrisma()).accountToken.findMany({ where: { purpose: "VERIFY_EMAIL" } });
    expect(stored.map((row) => row.tokenHash)).toEqual([hashToken(token)]);

    await verifyEmail({ token });
    await expect(verifyEmail({ token })).rejects.toMatchObject({ code: "VALIDATION", message: "invalid_link" });
    expect(await signIn("new@example.com", "fresh1234")).toMatchObject({ email: "new@example.com" });
  });

  it("answers a sign-up for a taken address the same way, and mails its owner instead", async () => {
    await createUser({ email: "taken@example.com", password: "owner1234" });
    await expect(signUp({ email: "taken@example.com", password: "intruder1", locale: "zh" })).resolves.toBeUndefined();
    expect(await signIn("taken@example.com", "intruder1")).toBeNull();
    expect(await signIn("taken@example.com", "owner1234")).toMatchObject({ email: "taken@example.com" });
    const [mail] = await listOutbox({ to: "taken@example.com" });
    expect(mail?.subject).toBe("你已经有账户了");
    expect(await mailedToken("taken@example.com", "/reset-password")).toMatch(/^[\w-]{43}$/);
  });

  it("resets a password with a single-use link, ends every session and verifies the address", async () => {
    await signUp({ email: "forgot@example.com", password: "before1234", locale: "en" });
    await requestPasswordReset({ email: "nobody@example.com", locale: "en" });
    expect(await listOutbox({ to: "nobody@example.com" })).toEqual([]);

    await requestPasswordReset({ email: "forgot@example.com", locale: "en" });
    const older = await mailedToken("forgot@example.com", "/reset-password");
    await requestPasswordReset({ email: "forgot@example.com", locale: "en" });
    const token = await mailedToken("forgot@example.com", "/reset-password");
    const version = await sessionVersion("forgot@example.com");

    await expect(resetPassword({ token: "x".repeat(43), password: "after1234" })).rejects.toMatchObject({
      message: "invalid_link",
    });
    await resetPassword({ token, password: "after1234" });
    await expect(resetPassword({ token, password: "again1234" })).rejects.toMatchObject({ message: "invalid_link" });
    await expect(resetPassword({ token: older, password: "again1234" })).rejects.toMatchObject({
      message: "invalid_link",
    });
    expect(await sessionVersion("forgot@example.com")).toBe(version + 1);
    expect(await signIn("forgot@example.com", "before1234")).toBeNull();
    // Never verified by its own link, the address is proven by the reset mail.
    expect(await signIn("forgot@example.com", "after1234")).toMatchObject({ sessionVersion: version + 1 });
  });

  it("refuses an expired reset link", async () => {
    await createUser({ email: "late@example.com", password: "late12345" });
    await requestPasswordReset({ email: "late@example.com", locale: "en" });
    const token = await mailedToken("late@example.com", "/reset-password");
    await (
      await getPrisma()
    ).accountToken.updateMany({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(resetPassword({ token, password: "late67890" })).rejects.toMatchObject({ message: "invalid_link" });
    expect(await signIn("late@example.com", "late12345")).not.toBeNull();
  });

  it("changes a password only with the current one, and ends every session", async () => {
    const user = await createUser({ email: "change@example.com", password: "first1234" });
    await expect(
      changePassword({ userId: user.id, currentPassword: "wrong1234", newPassword: "second1234" }),
    ).rejects.toMatchObject({ code: "VALIDATION", details: { fields: { currentPassword: "wrong_password" } } });
    expect(await sessionVersion("change@example.com")).toBe(0);
    await changePassword({ userId: user.id, currentPassword: "first1234", newPassword: "second1234" });
    expect(await sessionVersion("change@example.com")).toBe(1);
    expect(await signIn("change@example.com", "second1234")).toMatchObject({ sessionVersion: 1 });
  });

  it("signs out everywhere by raising the session version", async () => {
    const user = await createUser({ email: "everywhere@example.com", password: "every1234" });
    await signOutEverywhere({ userId: user.id });
    await signOutEverywhere({ userId: user.id });
    expect(await sessionVersion("everywhere@example.com")).toBe(2);
  });
});
