import { NextResponse } from "next/server";
import { loadDashboard } from "@/lib/admin/dashboard/dashboard";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";

export const GET = handle(async () => {
  await requireApiAdmin();
  return NextResponse.json(await loadDashboard());
});
