import { NextResponse } from "next/server";
import { resetPassword } from "@/lib/accounts/reset-password";
import { passwordResetSchema } from "@/lib/accounts/schemas";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

export const POST = handle(async (request: Request) => {
  await resetPassword(parseInput(passwordResetSchema, await readJson(request)));
  return NextResponse.json({ status: "password_reset" });
});
