import { Prisma } from "@prisma/client";

interface PostgresCause {
  kind?: string;
  code?: string;
}

/**
 * Whether a write failed on a unique constraint. Prisma reports P2002 through the pg
 * adapter; the PGlite adapter (0.6) passes the raw Postgres error (SQLSTATE 23505) instead.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  if (error instanceof Error && error.name === "DriverAdapterError") {
    const cause = error.cause as PostgresCause | undefined;
    return cause?.kind === "UniqueConstraintViolation" || (cause?.kind === "postgres" && cause.code === "23505");
  }
  return false;
}
