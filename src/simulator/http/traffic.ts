/**
 * Steps a request goes through before a module handles it: maintenance windows, per-session
 * rate limits, queued one-shot faults, seeded fault rates and seeded latency.
 */
import { SECONDS_PER_DAY, utcMsToBerlinLocal } from "../calendar.ts";
import type { FaultKind, LatencyProfile, MaintenanceConfig, SimulatorConfig } from "../options.ts";
import { createRandom, logNormalSigma } from "../random.ts";

export interface QueuedFault {
  /** Module name, `app` for `/app`, or `*` for any upstream request. */
  module: string;
  kind: FaultKind;
  remaining: number;
  /** Apply the fault after the request was processed, so a write is saved but its response is lost. */
  after: boolean;
}

export interface FaultDecision {
  kind: FaultKind;
  after: boolean;
}

/** Takes one fault from the queue for this module, if any. */
export function takeQueuedFault(queue: QueuedFault[], module: string): FaultDecision | null {
  const index = queue.findIndex((fault) => fault.remaining > 0 && (fault.module === module || fault.module === "*"));
  if (index < 0) return null;
  const fault = queue[index] as QueuedFault;
  fault.remaining--;
  if (fault.remaining === 0) queue.splice(index, 1);
  return { kind: fault.kind, after: fault.after };
}

/** Draws a seeded fault against the configured rates. Per-module rates replace global ones. */
export function drawFault(config: SimulatorConfig, seed: number, seq: number, module: string): FaultDecision | null {
  const rates = { ...config.errors.rates, ...config.errors.perModule[module] };
  const entries = Object.entries(rates).filter(([, rate]) => (rate ?? 0) > 0) as [FaultKind, number][];
  if (entries.length === 0) return null;
  let roll = createRandom(seed, "fault", seq).next();
  for (const [kind, rate] of entries) {
    roll -= rate;
    if (roll < 0) return { kind, after: false };
  }
  return null;
}

/** Seeded log-normal delay in milliseconds; 0 when latency is off. */
export function latencyMs(config: SimulatorConfig, seed: number, seq: number, module: string): number {
  const profile: LatencyProfile = config.latency.perModule?.[module] ?? config.latency;
  if (profile.medianMs <= 0) return 0;
  const sigma = logNormalSigma(profile.medianMs, profile.p95Ms);
  return Math.round(createRandom(seed, "latency", seq).logNormal(profile.medianMs, sigma));
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Seconds until maintenance ends, or null when there is none. Windows are Berlin
 * local times on the virtual clock and may span midnight.
 */
export function maintenanceRetryAfter(maintenance: MaintenanceConfig, nowUtcMs: number): number | null {
  if (maintenance.active) return maintenance.retryAfterS;
  const local = utcMsToBerlinLocal(nowUtcMs);
  const secondOfDay = local - Math.floor(local / SECONDS_PER_DAY) * SECONDS_PER_DAY;
  for (const window of maintenance.windows) {
    const from = minutesOf(window.from) * 60;
    const to = minutesOf(window.to) * 60;
    if (from === to) continue;
    const inside = from < to ? secondOfDay >= from && secondOfDay < to : secondOfDay >= from || secondOfDay < to;
    if (inside) return Math.max(1, (to - secondOfDay + SECONDS_PER_DAY) % SECONDS_PER_DAY || SECONDS_PER_DAY);
  }
  return null;
}

/** Per-session limits on real time: a sliding one-second window and a count of requests in flight. */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();

  /** Admits a request and returns a release function, or null when a limit is exceeded. */
  admit(key: string, maxPerSecond: number | null, maxConcurrent: number | null): (() => void) | null {
    const now = performance.now();
    const stamps = (this.recent.get(key) ?? []).filter((t) => now - t < 1000);
    const running = this.inFlight.get(key) ?? 0;
    if (maxPerSecond !== null && stamps.length >= maxPerSecond) {
      this.recent.set(key, stamps);
      return null;
    }
    if (maxConcurrent !== null && running >= maxConcurrent) return null;
    stamps.push(now);
    this.recent.set(key, stamps);
    this.inFlight.set(key, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    };
  }

  reset(): void {
    this.recent.clear();
    this.inFlight.clear();
  }
}
