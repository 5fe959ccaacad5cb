/** Resident memory of the server process (and any children it forks), sampled from /proc. */
import { readFileSync, readdirSync } from "node:fs";

function rssKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Every process below `pid` (next start may fork workers). */
export function descendants(pid: number): number[] {
  const found: number[] = [];
  const queue = children(pid);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    found.push(next);
    queue.push(...children(next));
  }
  return found;
}

/** RSS of the process tree rooted at `pid`, in MiB. */
export function treeRssMiB(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, next) => sum + rssKiB(next), 0) / 1024;
}

export interface MemorySample {
  atMs: number;
  rssMiB: number;
}

export interface MemorySampler {
  stop(): MemorySample[];
}

/** Samples every `intervalMs` until stopped; the timer does not keep the process alive. */
export function sampleMemory(pid: number, intervalMs = 250): MemorySampler {
  const samples: MemorySample[] = [{ atMs: Date.now(), rssMiB: treeRssMiB(pid) }];
  const timer = setInterval(() => samples.push({ atMs: Date.now(), rssMiB: treeRssMiB(pid) }), intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push({ atMs: Date.now(), rssMiB: treeRssMiB(pid) });
      return samples;
    },
  };
}

export function peakMiB(samples: readonly MemorySample[]): number {
  return samples.reduce((peak, sample) => Math.max(peak, sample.rssMiB), 0);
}

/** Mean RSS over the samples taken in [fromMs, toMs]. */
export function meanMiB(samples: readonly MemorySample[], fromMs: number, toMs: number): number {
  const window = samples.filter((sample) => sample.atMs >= fromMs && sample.atMs <= toMs);
  if (window.length === 0) throw new Error("no memory samples in the window");
  return window.reduce((sum, sample) => sum + sample.rssMiB, 0) / window.length;
}
