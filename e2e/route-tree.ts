import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The app's route tree, read from the source the way Next.js reads it, so that a new page,
 * route handler method or server action is seen by the tests that walk it.
 */

const root = process.cwd();
const appDir = path.join(root, "app");

export const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof httpMethods)[number];

function isHttpMethod(name: string): name is HttpMethod {
  return (httpMethods as readonly string[]).includes(name);
}

/** Every file under `dir`; private folders ("_name") are not routes and are left out. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (!statSync(full).isDirectory()) return [full];
    return entry.startsWith("_") ? [] : walk(full);
  });
}

/** Repository-relative path with forward slashes, as the build manifests name files. */
function relative(file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/** URL pattern of a route file: route groups and parallel-route slots dropped, "[name]" kept. */
function routePattern(file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}

export interface PageRoute {
  pattern: string;
  file: string;
}

export interface HandlerRoute {
  pattern: string;
  file: string;
  methods: HttpMethod[];
}

export interface ServerAction {
  /** Repository-relative file, e.g. "app/sandbox/pay/[tradeId]/actions.ts". */
  file: string;
  name: string;
}

export function pageRoutes(): PageRoute[] {
  return walk(appDir)
    .filter((file) => /^page\.(tsx|ts|jsx|js)$/.test(path.basename(file)))
    .map((file) => ({ pattern: routePattern(file), file: relative(file) }));
}

/** The HTTP methods a route file exports: `export const GET`, `export async function POST`, `export { h as GET }`. */
function exportedMethods(source: string): HttpMethod[] {
  const declared = [...source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)].map(
    (match) => match[1] ?? "",
  );
  const listed = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) =>
    (match[1] ?? "").split(",").map(
      (part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .at(-1) ?? "",
    ),
  );
  return [...declared, ...listed].filter(isHttpMethod);
}

export function handlerRoutes(): HandlerRoute[] {
  return walk(appDir)
    .filter((file) => /^route\.(ts|js)$/.test(path.basename(file)))
    .map((file) => ({
      pattern: routePattern(file),
      file: relative(file),
      methods: exportedMethods(readFileSync(file, "utf8")),
    }));
}

/** The exported functions of every source file under app/, lib/ and components/ that says "use server". */
export function serverActions(): ServerAction[] {
  return ["app", "lib", "components"]
    .flatMap((dir) => walk(path.join(root, dir)))
    .filter((file) => /\.(ts|tsx|js|jsx)$/.test(file))
    .flatMap((file) => {
      const source = readFileSync(file, "utf8");
      if (!/^\s*["']use server["']/m.test(source)) return [];
      const names = [...source.matchAll(/export\s+(?:async\s+function|function|const|let)\s+(\w+)/g)].map(
        (m) => m[1] ?? "",
      );
      return names.map((name) => ({ file: relative(file), name }));
    });
}

/** The server actions the last `next build` compiled (what `next start` serves), by action id. */
export function builtServerActions(): Map<string, ServerAction> {
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as Record<"node" | "edge", Record<string, { filename: string; exportedName: string }>>;
  return new Map(
    [...Object.entries(manifest.node), ...Object.entries(manifest.edge)].map(([id, action]) => [
      id,
      { file: action.filename, name: action.exportedName },
    ]),
  );
}

// ---- Concrete URLs for patterns.

export interface RouteIds {
  configId?: string;
  orderNo?: string;
  userId?: string;
  packageId?: string;
  tradeId?: string;
  provider?: string;
  batchId?: string;
  lotId?: string;
  apiKeyId?: string;
  endpointId?: string;
  deliveryId?: string;
  holdId?: string;
}

// Which real id fills a dynamic segment, by the segment before it.
const substitutions: Record<string, keyof RouteIds> = {
  "payment-configs/[id]": "configId",
  "transactions/[orderNo]": "orderNo",
  "orders/[orderNo]": "orderNo",
  "users/[id]": "userId",
  "packages/[id]": "packageId",
  "pay/[tradeId]": "tradeId",
  "cashier/[tradeId]": "tradeId",
  "return/[configId]": "configId",
  "notify/[provider]": "provider",
  "[provider]/[configId]": "configId",
  "redemption-batches/[id]": "batchId",
  "lots/[lotId]": "lotId",
  "api-keys/[id]": "apiKeyId",
  "webhooks/[id]": "endpointId",
  "webhook-deliveries/[id]": "deliveryId",
  "holds/[id]": "holdId",
};

/** A concrete URL for a route pattern; fails loudly for a dynamic segment nobody taught it. */
export function concretePath(pattern: string, ids: RouteIds): string {
  const segments = pattern.split("/");
  return segments
    .map((segment, index) => {
      if (!segment.startsWith("[")) return segment;
      const key = substitutions[`${segments[index - 1]}/${segment}`];
      const value = key && ids[key];
      if (!value) throw new Error(`no real id for ${segment} in ${pattern}: see substitutions in e2e/route-tree.ts`);
      return encodeURIComponent(value);
    })
    .join("/");
}
