/**
 * Time as the scheduler and the engine see it. Production uses the system clock;
 * tests pass a manual clock and move it, so schedules are checked without waiting.
 */
import { Temporal } from "temporal-polyfill";

export interface Clock {
  now(): Temporal.Instant;
  /** Calls `fn` once `now()` has reached `at`; returns a function that cancels it. */
  setTimer(at: Temporal.Instant, fn: () => void): () => void;
}

/**
 * Maximum single `setTimeout` delay (ms). Re-checking every minute keeps a timer correct
 * after the machine slept or its clock was set, and stays below the 2^31 ms limit.
 */
const MAX_TIMER_STEP_MS = 60_000;

export const systemClock: Clock = {
  now: () => Temporal.Now.instant(),
  setTimer(at, fn) {
    let handle: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const arm = () => {
      if (cancelled) return;
      const remaining = at.epochMilliseconds - Date.now();
      if (remaining <= 0) {
        fn();
        return;
      }
      handle = setTimeout(arm, Math.min(remaining, MAX_TIMER_STEP_MS));
    };
    arm();
    return () => {
      cancelled = true;
      if (handle !== undefined) clearTimeout(handle);
    };
  },
};

export interface ManualClock extends Clock {
  /** Moves time forward to `to`, firing due timers in time order on the way. */
  advanceTo(to: Temporal.Instant): void;
  /** Number of armed timers, for tests that check the scheduler cleaned up. */
  pendingTimers(): number;
}

/** Creates a clock that moves only through `advanceTo`, where due timers fire synchronously. */
export function createManualClock(start: Temporal.Instant): ManualClock {
  let current = start;
  let nextId = 0;
  const timers = new Map<number, { at: Temporal.Instant; fn: () => void }>();

  const dueTimer = (limit: Temporal.Instant) => {
    let best: [number, { at: Temporal.Instant; fn: () => void }] | undefined;
    for (const entry of timers) {
      if (Temporal.Instant.compare(entry[1].at, limit) > 0) continue;
      if (!best || Temporal.Instant.compare(entry[1].at, best[1].at) < 0) best = entry;
    }
    return best;
  };

  return {
    now: () => current,
    setTimer(at, fn) {
      const id = nextId++;
      timers.set(id, { at, fn });
      return () => void timers.delete(id);
    },
    advanceTo(to) {
      for (let due = dueTimer(to); due; due = dueTimer(to)) {
        timers.delete(due[0]);
        if (Temporal.Instant.compare(due[1].at, current) > 0) current = due[1].at;
        due[1].fn();
      }
      if (Temporal.Instant.compare(to, current) > 0) current = to;
    },
    pendingTimers: () => timers.size,
  };
}
