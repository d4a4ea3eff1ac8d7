/**
 * The simulator's virtual clock. In `fixed` mode time is stopped until a test sets
 * or advances it, which keeps responses byte-identical between runs. In `realtime`
 * mode it runs on from the last set point with the process's monotonic clock, as a
 * demo tenant should.
 */
export type ClockMode = "fixed" | "realtime";

export interface VirtualClock {
  readonly mode: ClockMode;
  /** Epoch milliseconds. */
  now(): number;
  set(epochMs: number): void;
  advance(ms: number): void;
}

export function createClock(startMs: number, mode: ClockMode): VirtualClock {
  let base = startMs;
  let realStart = performance.now();
  const now = () => (mode === "fixed" ? base : base + Math.floor(performance.now() - realStart));
  return {
    mode,
    now,
    set(epochMs) {
      base = epochMs;
      realStart = performance.now();
    },
    advance(ms) {
      base = now() + ms;
      realStart = performance.now();
    },
  };
}
