import { NextResponse } from "next/server";
import { verifyEmail } from "@/lib/accounts/verify-email";
import { verifyEmailSchema } from "@/lib/accounts/schemas";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

export const POST = handle(async (request: Request) => {
  await verifyEmail(parseInput(verifyEmailSchema, await readJson(request)));
  return NextResponse.json({ status: "verified" });
});
