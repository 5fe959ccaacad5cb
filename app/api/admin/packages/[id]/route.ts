import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { packageInputSchema } from "@/lib/packages/package-input";
import { updatePackage } from "@/lib/packages/update-package";

type Context = { params: Promise<{ id: string }> };

export const PATCH = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const input = parseInput(packageInputSchema, await readJson(request));
  return NextResponse.json({ package: await updatePackage((await context.params).id, input, admin.id) });
});
