import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";

export const GET = handle(async () => {
  const user = await requireApiUser();
  return NextResponse.json({ user });
});
