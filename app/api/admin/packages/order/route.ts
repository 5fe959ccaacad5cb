import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { reorderPackages, reorderPackagesSchema } from "@/lib/packages/reorder-packages";

/** The display order of the packages: every id, first to last. */
export const PUT = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const { ids } = parseInput(reorderPackagesSchema, await readJson(request));
  await reorderPackages(ids, admin.id);
  return NextResponse.json({ ok: true });
});
