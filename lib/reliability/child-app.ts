import { startAppProcess, type AppProcess } from "@/lib/reliability/app-process";
import { startTcpProxy, type TcpProxy } from "@/lib/reliability/tcp-proxy";

/**
 * The app in a child process, reached through two proxies the test holds: a front door whose
 * address (APP_URL) stays the same while the process behind it is killed and restarted, as a
 * load balancer would, and a proxy between the process and PostgreSQL that the test can cut
 * or freeze. The test's own database connection bypasses both.
 */
export interface ChildApp {
  /** The app's address for providers and for the test (the front door). */
  readonly url: string;
  /** Between the app process and PostgreSQL. */
  readonly database: TcpProxy;
  /** Starts the app process (again) behind the front door. */
  start(): Promise<void>;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
  /** The app process's recent stderr. */
  log(): string;
  close(): Promise<void>;
}

export async function openChildApp(databaseUrl: string): Promise<ChildApp> {
  const direct = new URL(databaseUrl);
  const database = await startTcpProxy({ targetHost: direct.hostname, targetPort: Number(direct.port || 5432) });
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(database.port);
  const front = await startTcpProxy();
  const url = `http://127.0.0.1:${front.port}`;
  let current: AppProcess | null = null;
  let lastLog = "";

  const kill = async () => {
    if (!current) return;
    const killed = current;
    current = null;
    await killed.kill();
    lastLog = killed.log();
  };

  return {
    url,
    database,
    async start() {
      if (current) throw new Error("the app process is already running");
      current = await startAppProcess({ databaseUrl: proxied.toString(), appUrl: url });
      front.retarget(Number(new URL(current.url).port));
    },
    kill,
    log: () => current?.log() ?? lastLog,
    async close() {
      try {
        await current?.stop();
        current = null;
      } finally {
        await front.close();
        await database.close();
      }
    },
  };
}
