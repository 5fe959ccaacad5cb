import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@prisma/client";

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  balance: number;
}

export function isAdmin(user: Pick<CurrentUser, "role"> | null): boolean {
  return user?.role === "ADMIN";
}

/**
 * The signed-in user, read fresh from the database: a demoted or deleted account loses
 * its access at once, not when its session token expires. Cached per request.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const prisma = await getPrisma();
  return prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, balance: true },
  });
});

/** For pages: sends anonymous visitors to sign in, then back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: anonymous visitors sign in first; signed-in non-admins get 403. */
export async function requirePageAdmin(returnTo: string): Promise<CurrentUser> {
  const user = await requirePageUser(returnTo);
  if (!isAdmin(user)) forbidden();
  return user;
}

/** For route handlers: 401 for anonymous callers. */
export async function requireApiUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "sign_in_required");
  return user;
}

/** For route handlers: 401 for anonymous callers, 403 for non-admins. */
export async function requireApiAdmin(): Promise<CurrentUser> {
  const user = await requireApiUser();
  if (!isAdmin(user)) throw new AppError("FORBIDDEN", "admin_only");
  return user;
}
