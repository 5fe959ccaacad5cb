import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { availableProviders } from "@/lib/payment-configs/available-providers";

/** The providers a user can pay with right now (those with an enabled default config). */
export const GET = handle(async () => {
  await requireApiUser();
  return NextResponse.json({ providers: await availableProviders() });
});
