/** What the numbers were measured on: they mean little without it. */
import { cpus, loadavg, totalmem } from "node:os";
import type { PrismaClient } from "@prisma/client";

export async function describeMachine(prisma: PrismaClient): Promise<string> {
  const cores = cpus();
  const [version] = await prisma.$queryRaw<{ version: string }[]>`SELECT version()`;
  const postgres = version?.version.split(" on ")[0] ?? "PostgreSQL (unknown version)";
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
  return [
    `machine: ${cores.length} cores (${cores[0]?.model.trim() ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `software: Node.js ${process.version}, ${postgres}, scripts/server.mjs (production build), autocannon 8 on loopback`,
    `load average before the run: ${load} (other work on the machine skews the figures)`,
  ].join("\n");
}
