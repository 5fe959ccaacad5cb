import { NextResponse } from "next/server";
import { searchParamsObject } from "@/lib/admin/search-params";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { listOutbox, outboxQuerySchema } from "@/lib/mail/list-outbox";

export const GET = handle(async (request: Request) => {
  await requireApiAdmin();
  const query = parseInput(outboxQuerySchema, searchParamsObject(new URL(request.url).searchParams));
  return NextResponse.json({ mails: await listOutbox(query) });
});
