import { logger } from "@/lib/log/logger";

export interface RunningJob {
  /** Stops scheduling and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `work` every `intervalMs`, one run at a time. A failing run is logged and the next one
 * still happens. Jobs must be safe with several app instances (they claim rows with
 * SKIP LOCKED), so each instance simply runs its own loop.
 */
export function startJob(name: string, intervalMs: number, work: () => Promise<unknown>): RunningJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = () => {
    current = (async () => {
      try {
        await work();
      } catch (error) {
        logger.error("job run failed", { job: name, error });
      }
    })();
    void current.then(() => {
      if (!stopped) {
        timer = setTimeout(tick, intervalMs);
        timer.unref();
      }
    });
  };
  timer = setTimeout(tick, intervalMs);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
