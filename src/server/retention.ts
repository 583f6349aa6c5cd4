/**
 * With MUSEUM_RAW_HISTORY_DAYS set, raw readings older than that are pruned at start and every hour (unset: all kept). The hourly and
 * daily rollups and the lux-hours stay for good, so year charts and light budgets are unchanged (history.md).
 */
import type { HistoryStore } from './history/index';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface RawRetention {
  /** The prune in flight, if any (tests wait on it). */
  readonly running: Promise<void> | undefined;
  /** Stops the hourly prune and waits for one in flight. */
  stop(): Promise<void>;
}

export function startRawRetention(o: {
  history: HistoryStore;
  days: number;
  now?: () => Date;
  everyMs?: number;
  log?: (line: string) => void;
  onError?: (message: string, e: unknown) => void;
}): RawRetention {
  const now = o.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  const prune = (): void => {
    if (running) return;
    const before = new Date(now().getTime() - o.days * DAY_MS);
    running = o.history
      .pruneRaw(before)
      .then((n) => {
        if (n > 0) o.log?.(`History: ${n} raw readings from before ${before.toISOString()} pruned (rollups kept)`);
      })
      .catch((e: unknown) => o.onError?.('Raw readings could not be pruned', e))
      .finally(() => (running = undefined));
  };
  prune();
  const timer = setInterval(prune, o.everyMs ?? HOUR_MS);
  timer.unref();
  return {
    get running() {
      return running;
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
