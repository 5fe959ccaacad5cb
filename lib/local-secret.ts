import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { logger } from "@/lib/log/logger";

/**
 * A secret kept in the data folder, generated on first use with owner-only permissions.
 * Only for the embedded, single-instance set-up: production deployments set it in the
 * environment so every instance shares it.
 */
export function readOrCreateLocalSecret(dataDir: string, name: string, bytes = 32): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(bytes).toString("base64");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  logger.warn("generated a local secret; set it in the environment for production", { file });
  return secret;
}
