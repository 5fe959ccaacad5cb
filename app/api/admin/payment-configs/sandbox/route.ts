import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { createSandboxConfig } from "@/lib/payment-configs/create-sandbox-config";

const bodySchema = z.object({
  provider: z.enum(["WECHAT", "ALIPAY"], "unknown_provider"),
  name: z.string("required").trim().min(1, "required").max(80, "too_long"),
});

export const POST = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const { provider, name } = parseInput(bodySchema, await readJson(request));
  return NextResponse.json({ config: await createSandboxConfig(provider, name, admin.id) }, { status: 201 });
});
