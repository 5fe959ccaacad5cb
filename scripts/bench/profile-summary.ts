/**
 * Reads a V8 CPU profile of the server (`node --cpu-prof`) and says where the time went:
 * self time grouped by the package or app file the code came from (minified Next.js chunks are
 * mapped back through their source maps), and the busiest functions.
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Place {
  /** Coarse bucket: Prisma, the pg driver, Next.js, app code, crypto, GC, … */
  category: string;
  /** Package name, app file, or a V8 pseudo-frame such as "(garbage collector)". */
  group: string;
  /** A readable function label: name and original file:line. */
  label: string;
}

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(url: string): SourceMap | null {
  let map = maps.get(url);
  if (map === undefined) {
    map = null;
    try {
      const file = `${url.startsWith("file:") ? fileURLToPath(url) : url}.map`;
      if (existsSync(file))
        map = new SourceMap(JSON.parse(readFileSync(file, "utf8")) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return map;
}

/** "node_modules/@prisma/client/…" → "@prisma/client"; "[project]/lib/x.ts" → "lib/x.ts". */
function groupOf(path: string): string {
  const modules = path.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const [scope, name] = path.slice(modules + "node_modules/".length).split("/");
    return scope?.startsWith("@") ? `${scope}/${name ?? ""}` : (scope ?? path);
  }
  const project = path.indexOf("[project]/");
  if (project >= 0) return path.slice(project + "[project]/".length);
  // Chunk maps name app sources relative to .next/server/chunks.
  return path.replace(/^(\.\.\/)+/, "");
}

// Native frames that are socket writes: the kernel's loopback TCP work shows up under them.
const socketWrites = new Set(["writev", "writeBuffer", "writeUtf8String", "writeLatin1String", "writeAsciiString"]);

/** The bucket of a frame, from the file that really ran (a chunk is judged by its mapped source). */
function categoryOf(url: string, group: string, name: string): string {
  if (!url) {
    if (name === "(garbage collector)") return "garbage collection";
    if (socketWrites.has(name)) return "socket writes (native)";
    return name === "(program)" || name === "(idle)" ? name : "other native";
  }
  if (url.startsWith("wasm://") || /node_modules\/(@prisma|\.prisma)\//.test(url))
    return "Prisma client (query compiler, runtime)";
  if (group === "node:crypto") return "crypto (node:crypto)";
  if (url.startsWith("node:")) return "node internals (streams, http, async hooks, …)";
  if (/node_modules\/pg(-[a-z]+)?\//.test(url)) return "pg driver";
  if (/node_modules\/next\//.test(url)) return "Next.js";
  if (group.startsWith("lib/") || group.startsWith("app/")) return "app code (lib/, app/)";
  if (group === "zod") return "zod";
  if (group === "next" || group.startsWith("src/") || group.startsWith("webpack://next")) return "Next.js";
  return `other: ${group}`;
}

function placeOf(frame: CallFrame): Place {
  const name = frame.functionName || "(anonymous)";
  const place = (group: string, label: string): Place => ({
    category: categoryOf(frame.url, group, name),
    group,
    label,
  });
  if (!frame.url) return place(name.startsWith("(") ? name : "(native)", name);
  if (frame.url.startsWith("node:internal/crypto") || frame.url === "node:crypto") {
    return place("node:crypto", `${name} ${frame.url}`);
  }
  if (frame.url.startsWith("node:")) return place("node internals", `${name} ${frame.url}`);
  if (frame.url.startsWith("wasm://")) return place("wasm (Prisma query compiler)", name);
  const map = sourceMapFor(frame.url);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry && "originalSource" in entry && entry.originalSource) {
    const group = groupOf(entry.originalSource);
    return place(group, `${"name" in entry && entry.name ? entry.name : name} ${group}:${entry.originalLine + 1}`);
  }
  const group = groupOf(frame.url);
  return place(group, `${name} ${group}:${frame.lineNumber + 1}`);
}

export interface ProfileSummary {
  text: string;
}

function percent(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(1).padStart(5)}%`;
}

/**
 * Summarises the samples taken from the first one whose stack passes through `startAtFile`
 * (so the server's start-up is left out) to the end.
 */
export function summariseProfile(file: string, startAtFile: string, top = 20): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const places = new Map(profile.nodes.map((node) => [node.id, placeOf(node.callFrame)]));
  const stackGroups = (id: number): Set<string> => {
    const groups = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      groups.add(places.get(at)?.group ?? "");
    return groups;
  };

  let started = false;
  const selfByCategory = new Map<string, number>();
  const selfByGroup = new Map<string, number>();
  const selfByLabel = new Map<string, number>();
  const inclusiveByAppFile = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const place = places.get(id);
    if (!place || !byId.has(id)) return;
    if (!started) {
      if (!stackGroups(id).has(startAtFile)) return;
      started = true;
    }
    total += delta;
    if (place.group === "(idle)") {
      idle += delta;
      return;
    }
    selfByCategory.set(place.category, (selfByCategory.get(place.category) ?? 0) + delta);
    selfByGroup.set(place.group, (selfByGroup.get(place.group) ?? 0) + delta);
    selfByLabel.set(place.label, (selfByLabel.get(place.label) ?? 0) + delta);
    for (const group of stackGroups(id)) {
      if (group.startsWith("lib/") || group.startsWith("app/"))
        inclusiveByAppFile.set(group, (inclusiveByAppFile.get(group) ?? 0) + delta);
    }
  });
  if (!started) return `no sample passes through ${startAtFile}: nothing to summarise`;
  const busy = total - idle;
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `${(total / 1e6).toFixed(1)} s of samples from the first one in ${startAtFile}; busy ${(busy / 1e6).toFixed(1)} s (${percent(busy, total).trim()} of one core)`,
    // V8 stamps each sample with wall time since the previous one: on a busy machine, time spent
    // waiting for a core lands on whatever ran next (often a syscall such as writev).
    "(shares are of sampled wall time while not idle; on a shared machine, waiting for a core inflates syscalls)",
    "",
    "self time by kind of code (share of busy time):",
    ...sorted(selfByCategory).map(([category, time]) => `  ${percent(time, busy)}  ${category}`),
    "",
    "self time by origin (share of busy time):",
    ...sorted(selfByGroup).map(([group, time]) => `  ${percent(time, busy)}  ${group}`),
    "",
    "busiest functions (self time):",
    ...sorted(selfByLabel).map(([label, time]) => `  ${percent(time, busy)}  ${label}`),
    "",
    "app files on the stack (inclusive; synchronous stacks only, so awaited work is undercounted):",
    ...sorted(inclusiveByAppFile).map(([group, time]) => `  ${percent(time, busy)}  ${group}`),
  ].join("\n");
}
