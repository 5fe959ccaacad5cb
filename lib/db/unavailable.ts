import { AppError } from "@/lib/errors";

// How "the database is not there" reaches us: the pg driver's socket errors and messages,
// PostgreSQL's own connection and shutdown codes, and Prisma's codes for the same.
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
// 08xxx connection exceptions, 53300 too many connections, 57P01–57P03 shutting down / starting.
const postgresCodes = /^(08\d{3}|53300|57P0[123])$/;
// Can't reach, timed out, server closed the connection, pool timeout, transaction could not start.
const prismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const adapterKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const driverMessages = /Connection terminated|timeout exceeded when trying to connect|Connection ended unexpectedly/;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
}

/**
 * Whether `error` says the database could not be reached or went away, rather than that the
 * statement was wrong: the request may succeed when retried, so it is answered 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let depth = 0, current = error; depth < 5 && current instanceof Object; depth++) {
    const { code, message, cause, meta } = current as ErrorLike;
    if (typeof code === "string" && (socketCodes.has(code) || postgresCodes.test(code) || prismaCodes.has(code))) {
      return true;
    }
    const kind = meta?.driverAdapterError?.cause?.kind;
    if (typeof kind === "string" && adapterKinds.has(kind)) return true;
    if (typeof message === "string" && driverMessages.test(message)) return true;
    current = cause;
  }
  return false;
}

/** The error the edges answer with when the database is away: retry in a few seconds. */
export function databaseUnavailable(): AppError {
  return new AppError("UNAVAILABLE", "database_unavailable", { retryAfterSeconds: 5 });
}
