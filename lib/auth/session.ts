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
 * The signed-in user, read fresh from the database: a demoted or deleted account loses its
 * access at once, not when its session token expires, and so does every token issued before
 * the account's session version was raised (password change or reset, "sign out everywhere").
 * One lookup by primary key, cached per request; this is the only place the version is checked.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, balance: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== (session.user.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, balance: user.balance };
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
