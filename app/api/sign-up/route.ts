import { NextResponse } from "next/server";
import { signUp } from "@/lib/accounts/sign-up";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { requestLocale } from "@/lib/i18n/request-locale";
import { consume } from "@/lib/rate-limit";
import { signUpSchema } from "@/lib/users/create-user";

// The same answer whether or not the address already has an account (lib/accounts/sign-up.ts).
export const POST = handle(async (request: Request) => {
  await consume(
    { name: "signup-client", points: env().SIGNUP_LIMIT_PER_HOUR, durationSeconds: 60 * 60 },
    clientAddress(request.headers),
  );
  const input = parseInput(signUpSchema, await readJson(request));
  await signUp({ ...input, locale: requestLocale(request) });
  return NextResponse.json({ status: "check_email" }, { status: 202 });
});
