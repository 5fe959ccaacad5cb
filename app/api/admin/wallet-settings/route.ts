import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { setLowBalanceThreshold } from "@/lib/service-api/set-low-balance-threshold";

const bodySchema = z.object({ lowBalanceThreshold: z.number().int().min(1).max(1_000_000_000).nullable() });

export const PUT = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const { lowBalanceThreshold } = parseInput(bodySchema, await readJson(request));
  await setLowBalanceThreshold({ threshold: lowBalanceThreshold, actorId: admin.id });
  return NextResponse.json({ lowBalanceThreshold });
});
