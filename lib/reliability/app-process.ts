import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The line the runner prints once it serves, followed by its URL. */
export const readyLine = "app-runner listening on ";

const runnerPath = fileURLToPath(new URL("./app-runner.ts", import.meta.url));
const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const startTimeoutMs = 30_000;
const stopTimeoutMs = 5_000;
const keptLogChars = 16_000;

/** The app in a child process (lib/reliability/app-runner.ts). */
export interface AppProcess {
  /** Where the child's server listens. */
  readonly url: string;
  /** SIGKILL: no shutdown code runs, its sockets drop as in a crash. Waits until it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, SIGKILL if it lingers; waits until it is gone. */
  stop(): Promise<void>;
  /** The end of the child's stderr, for failure messages. */
  log(): string;
}

export interface AppProcessOptions {
  databaseUrl: string;
  /** Where providers reach the app: notify URLs and the sandbox gateway URL use it. */
  appUrl: string;
}

/**
 * Starts the runner under tsx's loader inside the node process itself (`node --import tsx`,
 * which honours the tsconfig paths), not through the tsx CLI: the CLI runs the script in a
 * grandchild, and a SIGKILL sent to the CLI would leave the real app running.
 */
export async function startAppProcess({ databaseUrl, appUrl }: AppProcessOptions): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", runnerPath], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, APP_URL: appUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // If the test runner exits first, the app must not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let log = "";
  const append = (text: string) => {
    log = (log + text).slice(-keptLogChars);
  };
  child.stderr.setEncoding("utf8").on("data", append);
  child.on("error", (error) => append(`\nspawn failed: ${error.message}\n`));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve())).finally(() =>
    process.off("exit", killOnExit),
  );

  const gone = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  let output: string | null = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`app runner did not start in ${startTimeoutMs} ms\n${log}`)),
      startTimeoutMs,
    );
    // Keeps reading after the ready line so a chatty child never blocks on a full pipe.
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      if (output === null) return;
      output += text;
      const line = output.split("\n").find((candidate) => candidate.startsWith(readyLine));
      if (line) {
        output = null;
        clearTimeout(timer);
        resolve(line.slice(readyLine.length).trim());
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`app runner exited before serving\n${log}`));
    });
  }).catch(async (error: unknown) => {
    await gone("SIGKILL");
    throw error;
  });

  return {
    url,
    kill: () => gone("SIGKILL"),
    async stop() {
      const timer = setTimeout(() => child.kill("SIGKILL"), stopTimeoutMs);
      await gone("SIGTERM");
      clearTimeout(timer);
    },
    log: () => log,
  };
}
