/**
 * The control API: the simulator-only operations that tests, demos and developers use
 * to steer the fake tenant and to read its ground truth. `/__sim/*` routes call the
 * same functions.
 */
import type { BoardItem, Employee, UpstreamOrder } from "../planso/types.ts";
import { berlinLocalToIso, parseIsoDuration, parseIsoInstant, utcMsToBerlinLocal } from "./calendar.ts";
import { applyChanges, checkFields } from "./form/apply-fields.ts";
import { emptyCounters, type Counters, type WriteRecord } from "./http/counters.ts";
import { currentIds } from "./http/upstream.ts";
import { FAULT_KINDS, mergeConfig, validateConfigPatch, type ConfigPatch, type FaultKind, type SimulatorConfig } from "./options.ts";
import type { Runtime } from "./runtime.ts";
import { generateTenant } from "./seed/generate-tenant.ts";
import {
  ControlError,
  addPart,
  archiveOrder,
  deleteOrder,
  editPart,
  insertOrder,
  moveOrder,
  removeParts,
  requireOrder,
  type MoveInput,
  type PartInput,
} from "./tenant-ops.ts";
import { TruthError, truthBoard, truthOrder } from "./truth/truth-order.ts";

export interface ResetOptions {
  seed?: number;
  orders?: number;
  archived?: number;
  /** ISO 8601 with offset, e.g. `2026-03-02T09:00:00+01:00`. */
  now?: string;
}

export interface SessionState {
  cookie: string;
  user: string | null;
  /** Seconds of virtual time since the last request. */
  idleS: number;
  ageS: number;
  requests: number;
}

export interface SimulatorState {
  seed: number;
  /** Virtual now, ISO with the Berlin offset. */
  now: string;
  clockMode: "fixed" | "realtime";
  orders: { current: number; archived: number };
  parts: number;
  employees: number;
  sessions: SessionState[];
  users: string[];
  /** Upstream requests handled since the last reset. */
  requests: number;
  queuedFaults: { module: string; kind: FaultKind; remaining: number; after: boolean }[];
  config: SimulatorConfig;
}

export interface FaultRequest {
  /** Module name, `app` for `/app`; omitted or `*` for any upstream request. */
  module?: string;
  /** How many requests meet the fault; default 1. */
  count?: number;
  kind: FaultKind;
  /** Apply after processing, so a write is saved but its response is lost; default false. */
  after?: boolean;
}

export interface SimulatorControl {
  reset(options?: ResetOptions): void;
  state(): SimulatorState;
  /** Sets or advances the virtual clock; returns the new now. */
  setClock(change: { set: string } | { advance: string }): string;
  configure(patch: ConfigPatch): SimulatorConfig;
  addUser(username: string, password: string): void;
  /** Expires every session, or the one with this cookie value; returns how many. */
  expireSessions(cookie?: string): number;
  /** Creates an order from form labels and write-format values; returns its id. */
  createOrder(fields: Record<string, string>): string;
  editOrder(id: string, fields: Record<string, string>): void;
  moveOrder(id: string, move: MoveInput): void;
  archiveOrder(id: string, archived: boolean): void;
  deleteOrder(id: string): void;
  addPart(id: string, part: PartInput): string;
  editPart(id: string, rowId: string, patch: PartInput): void;
  removeParts(id: string): number;
  queueFaults(fault: FaultRequest): void;
  counters(): Counters;
  resetCounters(): void;
  writes(): WriteRecord[];
  truthOrder(id: string, options: { withParts: boolean }): UpstreamOrder;
  truthBoard(): BoardItem[];
  /** Current orders (on the board), in id order. */
  orderIds(): string[];
  archivedIds(): string[];
  employees(): Employee[];
  /** Virtual now, ISO with the Berlin offset. */
  now(): string;
}

const nowIso = (rt: Runtime) => berlinLocalToIso(utcMsToBerlinLocal(rt.ctx.clock.now()));

function checkedChanges(rt: Runtime, id: string | null, fields: Record<string, string>) {
  if (typeof fields !== "object" || fields === null) throw new ControlError(400, "fields must be an object of labels to strings");
  const order = id === null ? null : requireOrder(rt.ctx, id);
  const check = checkFields(rt.ctx, order, fields, { anyLabel: true });
  if (Object.keys(check.errors).length > 0) throw new ControlError(400, "invalid field values", { errors: check.errors });
  return { order, check };
}

function wholeNumber(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new ControlError(400, `${name} must be a whole number from 0`);
  return value;
}

export function createControl(rt: Runtime): SimulatorControl {
  const ctx = rt.ctx;
  const truth = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof TruthError) throw new ControlError(404, error.message);
      throw error;
    }
  };

  return {
    reset(options = {}) {
      const seed = wholeNumber(options.seed, "seed") ?? ctx.seed;
      const orders = wholeNumber(options.orders, "orders") ?? rt.generation.orders;
      const archived = wholeNumber(options.archived, "archived") ?? rt.generation.archived;
      let nowMs = rt.generation.nowMs;
      if (options.now !== undefined) {
        const parsed = parseIsoInstant(options.now);
        if (parsed === null) throw new ControlError(400, `now must be ISO 8601 with offset, got ${JSON.stringify(options.now)}`);
        nowMs = parsed;
      }
      ctx.seed = seed;
      ctx.clock.set(nowMs);
      ctx.tenant = generateTenant({ seed, orders, archived, nowUtcMs: nowMs });
      rt.generation = { orders, archived, nowMs };
      rt.sessions.reset(seed);
      rt.counters = emptyCounters();
      rt.faults = [];
      rt.writes = [];
      rt.limiter.reset();
      rt.seq = 0;
    },

    state() {
      const now = ctx.clock.now();
      let parts = 0;
      let archived = 0;
      for (const order of ctx.tenant.orders.values()) {
        parts += order.parts.length;
        if (order.archived) archived++;
      }
      return {
        seed: ctx.seed,
        now: nowIso(rt),
        clockMode: ctx.clock.mode,
        orders: { current: ctx.tenant.orders.size - archived, archived },
        parts,
        employees: ctx.tenant.employees.length,
        sessions: rt.sessions.list().map((s) => ({
          cookie: s.token,
          user: s.user,
          idleS: Math.round((now - s.lastSeen) / 1000),
          ageS: Math.round((now - s.createdAt) / 1000),
          requests: s.requests,
        })),
        users: [...rt.users.keys()],
        requests: rt.seq,
        queuedFaults: rt.faults.map((f) => ({ ...f })),
        config: structuredClone(ctx.config),
      };
    },

    setClock(change) {
      if ("set" in change && typeof change.set === "string") {
        const parsed = parseIsoInstant(change.set);
        if (parsed === null) throw new ControlError(400, `set must be ISO 8601 with offset, got ${JSON.stringify(change.set)}`);
        ctx.clock.set(parsed);
      } else if ("advance" in change && typeof change.advance === "string") {
        const ms = parseIsoDuration(change.advance);
        if (ms === null) throw new ControlError(400, `advance must be an ISO 8601 duration such as PT2H, got ${JSON.stringify(change.advance)}`);
        ctx.clock.advance(ms);
      } else {
        throw new ControlError(400, 'clock change must be {"set": "<ISO datetime>"} or {"advance": "<ISO duration>"}');
      }
      return nowIso(rt);
    },

    configure(patch) {
      const problems = validateConfigPatch(patch ?? {});
      if (problems.length > 0) throw new ControlError(400, problems.join("; "));
      ctx.config = mergeConfig(ctx.config, patch ?? {});
      return structuredClone(ctx.config);
    },

    addUser(username, password) {
      if (typeof username !== "string" || username === "" || typeof password !== "string" || password === "") {
        throw new ControlError(400, "username and password must be non-empty strings");
      }
      rt.users.set(username, password);
    },

    expireSessions(cookie) {
      if (cookie === undefined) return rt.sessions.clear();
      return rt.sessions.delete(cookie) ? 1 : 0;
    },

    createOrder(fields) {
      const { check } = checkedChanges(rt, null, fields);
      return insertOrder(ctx, check.changes).id;
    },

    editOrder(id, fields) {
      const { order, check } = checkedChanges(rt, id, fields);
      if (order) applyChanges(order, check.changes);
    },

    moveOrder: (id, move) => moveOrder(ctx, id, move),
    archiveOrder: (id, archived) => archiveOrder(ctx, id, archived),
    deleteOrder: (id) => deleteOrder(ctx, id),
    addPart: (id, part) => addPart(ctx, id, part),
    editPart: (id, rowId, patch) => editPart(ctx, id, rowId, patch),
    removeParts: (id) => removeParts(ctx, id),

    queueFaults(fault) {
      if (!FAULT_KINDS.includes(fault?.kind)) throw new ControlError(400, `kind must be one of ${FAULT_KINDS.join(", ")}`);
      const count = wholeNumber(fault.count, "count") ?? 1;
      if (count === 0) return;
      rt.faults.push({ module: fault.module || "*", kind: fault.kind, remaining: count, after: fault.after === true });
    },

    counters: () => structuredClone(rt.counters),
    resetCounters() {
      rt.counters = emptyCounters();
    },
    writes: () => structuredClone(rt.writes),

    truthOrder: (id, options) => truth(() => truthOrder(ctx, id, options)),
    truthBoard: () => truthBoard(ctx),
    orderIds: () => currentIds(rt),
    archivedIds: () =>
      [...ctx.tenant.orders.values()]
        .filter((order) => order.archived)
        .map((order) => order.id)
        .sort((a, b) => Number(a) - Number(b)),
    employees: () => ctx.tenant.employees.map((e) => ({ id: e.id, name: e.name })),
    now: () => nowIso(rt),
  };
}
