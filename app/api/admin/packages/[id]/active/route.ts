import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { setPackageActive } from "@/lib/packages/set-package-active";

type Context = { params: Promise<{ id: string }> };

const bodySchema = z.object({ active: z.boolean() });

export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const { active } = parseInput(bodySchema, await readJson(request));
  await setPackageActive((await context.params).id, active, admin.id);
  return NextResponse.json({ ok: true });
});
