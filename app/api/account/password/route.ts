import { NextResponse } from "next/server";
import { changePassword } from "@/lib/accounts/change-password";
import { changePasswordSchema } from "@/lib/accounts/schemas";
import { requireApiUser } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { consume } from "@/lib/rate-limit";

export const POST = handle(async (request: Request) => {
  const user = await requireApiUser();
  // A borrowed session must not become a way to guess the current password.
  await consume({ name: "password-change", points: 10, durationSeconds: 15 * 60 }, user.id);
  await changePassword({ userId: user.id, ...parseInput(changePasswordSchema, await readJson(request)) });
  return NextResponse.json({ status: "password_changed" });
});
