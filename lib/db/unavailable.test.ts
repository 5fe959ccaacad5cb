import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("knows the driver's, PostgreSQL's and Prisma's ways of saying the database is not there", () => {
    for (const error of [
      withCode("ECONNREFUSED"),
      withCode("57P01", "terminating connection due to administrator command"),
      withCode("53300", "sorry, too many clients already"),
      withCode("08006"),
      withCode("P2028", "Unable to start a transaction in the given time."),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      Object.assign(new Error("Can't reach database server"), {
        meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } },
      }),
      new Error("wrapped", { cause: withCode("ECONNRESET") }),
    ]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    }
  });

  it("does not excuse wrong statements, constraint violations or our own bugs", () => {
    for (const error of [
      withCode("42P01", 'relation "x" does not exist'),
      withCode("23505", "duplicate key value violates unique constraint"),
      withCode("P2002", "Unique constraint failed"),
      withCode("22012", "division by zero"),
      new TypeError("Cannot read properties of undefined"),
      "Connection terminated",
      null,
      undefined,
    ]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
    }
  });
});
