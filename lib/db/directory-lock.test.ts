import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDirectoryLock, DirectoryLockedError } from "@/lib/db/directory-lock";

describe("embedded database folder lock", () => {
  it("refuses a second owner while the first is alive, and frees on release", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "lock-")), "pglite");
    const lockFile = `${dir}.lock`;
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(lockFile, String(sleeper.pid));
      expect(() => acquireDirectoryLock(dir)).toThrow(DirectoryLockedError);
    } finally {
      sleeper.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "lock-")), "pglite");
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.on("exit", resolve));
    writeFileSync(`${dir}.lock`, String(dead.pid));
    const lock = acquireDirectoryLock(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    lock.release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
