/** State of a running simulator: tenant context, sessions, counters, queued faults, writes and logins. */
import type { SimContext } from "./context.ts";
import { emptyCounters, type Counters, type WriteRecord } from "./http/counters.ts";
import { SessionStore } from "./http/sessions.ts";
import { RateLimiter, type QueuedFault } from "./http/traffic.ts";

export interface GenerationSettings {
  orders: number;
  archived: number;
  /** Epoch milliseconds of the clock at generation. */
  nowMs: number;
}

export interface Runtime {
  ctx: SimContext;
  generation: GenerationSettings;
  sessions: SessionStore;
  counters: Counters;
  faults: QueuedFault[];
  writes: WriteRecord[];
  /** Username → password. */
  users: Map<string, string>;
  limiter: RateLimiter;
  /** Upstream request sequence number; seeds latency, faults and `execution_time`. */
  seq: number;
  controlEnabled: boolean;
}

export function createRuntime(ctx: SimContext, generation: GenerationSettings, users: Map<string, string>, controlEnabled: boolean): Runtime {
  return {
    ctx,
    generation,
    sessions: new SessionStore(ctx.seed),
    counters: emptyCounters(),
    faults: [],
    writes: [],
    users,
    limiter: new RateLimiter(),
    seq: 0,
    controlEnabled,
  };
}
