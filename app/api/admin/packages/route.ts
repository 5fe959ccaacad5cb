import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { createPackage } from "@/lib/packages/create-package";
import { listAllPackages } from "@/lib/packages/list-all-packages";
import { packageInputSchema } from "@/lib/packages/package-input";

export const GET = handle(async () => {
  await requireApiAdmin();
  return NextResponse.json({ packages: await listAllPackages() });
});

export const POST = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const input = parseInput(packageInputSchema, await readJson(request));
  return NextResponse.json({ package: await createPackage(input, admin.id) }, { status: 201 });
});
