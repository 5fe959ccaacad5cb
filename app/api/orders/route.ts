import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { clientAddress } from "@/lib/http/client-address";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { consume } from "@/lib/rate-limit";
import { createOrder, createOrderSchema } from "@/lib/recharge/create-order";
import { listOwnOrders } from "@/lib/recharge/list-own-orders";
import { orderView } from "@/lib/recharge/order-view";

const createLimit = { name: "order-create-user", points: 20, durationSeconds: 60 };

export const POST = handle(async (request: Request) => {
  const user = await requireApiUser();
  await consume(createLimit, user.id);
  const input = parseInput(createOrderSchema, await readJson(request));
  const order = await createOrder({ ...input, userId: user.id, clientIp: clientAddress(request.headers) });
  return NextResponse.json({ order: orderView(order) }, { status: 201 });
});

const listSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

export const GET = handle(async (request: Request) => {
  const user = await requireApiUser();
  const query = parseInput(listSchema, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listOwnOrders({ userId: user.id, ...query }));
});
