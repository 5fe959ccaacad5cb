import { NextResponse } from "next/server";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { passwordResetRequestSchema } from "@/lib/accounts/schemas";
import { clientAddress } from "@/lib/http/client-address";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { requestLocale } from "@/lib/i18n/request-locale";
import { consume } from "@/lib/rate-limit";

// The same answer whether or not the address has an account.
export const POST = handle(async (request: Request) => {
  const { email } = parseInput(passwordResetRequestSchema, await readJson(request));
  await consume({ name: "reset-client", points: 10, durationSeconds: 60 * 60 }, clientAddress(request.headers));
  await consume({ name: "reset-account", points: 3, durationSeconds: 15 * 60 }, email);
  await requestPasswordReset({ email, locale: requestLocale(request) });
  return NextResponse.json({ status: "check_email" }, { status: 202 });
});
