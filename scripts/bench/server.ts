/**
 * The server under test: the production build served by scripts/server.mjs, in its own process, on a free
 * loopback port. Start-up (migrations, seed, sandbox configs) happens inside it, as in production.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";

export interface ServerOptions {
  root: string;
  env: Record<string, string>;
  /** Extra flags for node itself, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Port to listen on; default: a free one. */
  port?: number;
  log: (line: string) => void;
}

export interface RunningServer {
  pid: number;
  port: number;
  baseUrl: string;
  /** Error and warning lines the server logged so far (its JSON logs go to stderr at warn+). */
  problems(): string[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (!address || typeof address === "string") throw new Error("could not find a free port");
  return address.port;
}

const readyTimeoutMs = 90_000;
const stopTimeoutMs = 15_000;

async function waitUntilReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited during start-up (code ${child.exitCode})`);
    try {
      // The baseline route answers only once instrumentation (migrations, seed) has finished.
      const response = await fetch(`${baseUrl}/api/bench/echo`, { method: "POST", body: "ready?" });
      if (response.ok) return;
      if (response.status === 404) throw new Error("the server answers 404 on /api/bench/echo: BENCH_ENABLED not seen");
    } catch (error) {
      if (error instanceof Error && error.message.includes("BENCH_ENABLED")) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not ready within ${readyTimeoutMs / 1000}s`);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = options.port || (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeFlags ?? []),
      // As `npm start` serves (scripts/start.mjs).
      path.join(options.root, "scripts", "server.mjs"),
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: options.root,
      // A clean environment: only what the server needs, so the machine's settings cannot skew a run.
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        ...options.env,
        APP_URL: baseUrl,
        NEXTAUTH_URL: baseUrl,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start the server");

  // Bounded: a misbehaving run must not grow the harness's own memory without limit.
  const problems: string[] = [];
  const keep = (line: string) => {
    if (problems.length < 1_000) problems.push(line);
  };
  let pending = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) keep(line);
  });
  child.stdout?.setEncoding("utf8").on("data", () => undefined);

  try {
    await waitUntilReady(baseUrl, child);
  } catch (error) {
    child.kill("SIGKILL");
    options.log(problems.slice(-20).join("\n"));
    throw error;
  }

  return {
    pid,
    port,
    baseUrl,
    problems: () => [...problems],
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const timer = setTimeout(() => {
        options.log("server did not stop after SIGTERM; sending SIGKILL");
        child.kill("SIGKILL");
      }, stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
