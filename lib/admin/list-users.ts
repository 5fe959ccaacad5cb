import { getPrisma } from "@/lib/db";
import type { Prisma } from "@prisma/client";

export interface ListUsersOptions {
  q?: string;
  page: number;
  pageSize: number;
}

export async function listUsers({ q, page, pageSize }: ListUsersOptions) {
  const prisma = await getPrisma();
  const where: Prisma.UserWhereInput = q ? { email: { contains: q.toLowerCase() } } : {};
  const [total, users] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, email: true, name: true, role: true, balance: true, createdAt: true },
    }),
  ]);
  return { total, page, pageSize, users };
}
