import { NextResponse } from "next/server";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { signOutEverywhereSchema } from "@/lib/accounts/schemas";
import { requireApiUser } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

export const POST = handle(async (request: Request) => {
  const user = await requireApiUser();
  parseInput(signOutEverywhereSchema, await readJson(request));
  await signOutEverywhere({ userId: user.id });
  return NextResponse.json({ status: "signed_out_everywhere" });
});
