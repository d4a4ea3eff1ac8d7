/** Upstream request counters and the log of received writes. Control requests are never counted. */
import type { FaultKind } from "../options.ts";

export interface Counters {
  /** Module → method → status (`200`, `302`, `timeout`) → count. `/app` counts as `app`, `/do` without `m` as `do`. */
  requests: Record<string, Record<string, Record<string, number>>>;
  total: number;
  logins: number;
  failedLogins: number;
  logouts: number;
  /** `/do` requests that met a missing or expired session. */
  expiries: number;
  /** Write requests received, whatever their outcome. */
  writes: number;
  faults: Partial<Record<FaultKind, number>>;
  rateLimited: number;
  maintenance: number;
}

export function emptyCounters(): Counters {
  return { requests: {}, total: 0, logins: 0, failedLogins: 0, logouts: 0, expiries: 0, writes: 0, faults: {}, rateLimited: 0, maintenance: 0 };
}

export function countRequest(counters: Counters, module: string, method: string, status: string): void {
  const byMethod = (counters.requests[module] ??= {});
  const byStatus = (byMethod[method] ??= {});
  byStatus[status] = (byStatus[status] ?? 0) + 1;
  counters.total++;
}

export type WriteOutcome = "applied" | "rejected" | "not_found" | "expired" | "fault";

export interface WriteRecord {
  /** Upstream request sequence number. */
  seq: number;
  /** Virtual time of receipt, ISO with the Berlin offset. */
  at: string;
  module: string;
  /** Query parameters except `m`. */
  params: Record<string, string>;
  /** The decoded `fields` body of a form save; null for other writes. */
  fields: Record<string, unknown> | null;
  outcome: WriteOutcome;
  /** The JSON body sent back, or null when none was (expiry, fault before processing). */
  response: unknown;
}
