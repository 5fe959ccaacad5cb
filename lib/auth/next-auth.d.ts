import type { Role } from "@prisma/client";
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    // Absent in tokens issued before session versions existed: those count as version 0.
    user: { id: string; email: string; name?: string | null; role: Role; sessionVersion?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The account's session version when the token was issued (lib/auth/session.ts). */
    sv?: number;
  }
}
