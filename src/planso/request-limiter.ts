/**
 * Limits upstream traffic to `concurrency` requests in flight and at most
 * `maxRequestsPerSecond` request starts in any one-second window, over every call of
 * one client (logins included). Starts are spaced evenly, `1000 / maxRequestsPerSecond`
 * ms apart, so no burst can exceed the rate.
 */
export interface RequestLimiter {
  /**
   * Runs `task` once a concurrency slot and a start time are free. When `skipIf`
   * returns true at the moment the slot is free, the slot is given back, no start
   * time is reserved and the call rejects with `SkippedTask`.
   */
  run<T>(task: () => Promise<T>, skipIf?: () => boolean): Promise<T>;
}

/** The task did not run because its `skipIf` condition held when its turn came. */
export class SkippedTask extends Error {
  override readonly name = "SkippedTask";
}

export interface RequestLimiterOptions {
  concurrency: number;
  maxRequestsPerSecond: number;
  /** Milliseconds since an arbitrary epoch. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export function createRequestLimiter(options: RequestLimiterOptions): RequestLimiter {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const intervalMs = 1000 / Math.max(0.001, options.maxRequestsPerSecond);

  let active = 0;
  const waiting: Array<() => void> = [];
  let nextStartAt = -Infinity;

  const acquireSlot = async () => {
    if (active < concurrency) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };

  const releaseSlot = () => {
    const next = waiting.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next) next();
    else active--;
  };

  /**
   * Reserves the next free start time and waits for it. Reserving instead of polling
   * keeps the order of callers and never loops, even with a sleep that returns at once.
   */
  const waitForStart = async () => {
    const now = options.now();
    const startAt = Math.max(now, nextStartAt);
    nextStartAt = startAt + intervalMs;
    if (startAt > now) await options.sleep(startAt - now);
  };

  return {
    async run(task, skipIf) {
      await acquireSlot();
      try {
        if (skipIf?.()) throw new SkippedTask("skipped before sending");
        await waitForStart();
        return await task();
      } finally {
        releaseSlot();
      }
    },
  };
}
