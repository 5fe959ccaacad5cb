import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { setDisplayTimeZone } from "@/lib/settings/set-display-time-zone";
import { timeZoneField } from "@/lib/settings/time-zone";

const bodySchema = z.object({ timeZone: timeZoneField });

export const PUT = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const { timeZone } = parseInput(bodySchema, await readJson(request));
  await setDisplayTimeZone({ timeZone, actorId: admin.id });
  return NextResponse.json({ timeZone });
});
