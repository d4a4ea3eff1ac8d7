/**
 * Messages between the main thread and the sync worker: one discriminated union per
 * direction, each validated with zod on receipt, so a malformed message is reported
 * instead of half-handled. Commands that expect a reply carry a `requestId` that
 * the reply repeats.
 */
import { z } from "zod";

const RunTrigger = z.enum(["manual", "schedule", "startup", "cli"]);
const RunStatus = z.enum(["running", "succeeded", "partial", "failed", "interrupted"]);

export const TriggerOptionsSchema = z.object({
  with_parts: z.boolean().optional(),
  with_extended: z.boolean().optional(),
  order_ids: z.array(z.string()).optional(),
  trigger: RunTrigger.optional(),
});

const SessionSchema = z.object({
  logged_in: z.boolean(),
  base_url: z.string(),
  username: z.string(),
  last_login_at: z.string().nullable(),
});

const Progress = z.object({ done: z.number().int(), total: z.number().int() });

/** Live state the worker reports about itself; the main thread adds `worker_alive`. */
export const WorkerStateSchema = z.object({
  running: z.boolean(),
  current_run_id: z.number().int().nullable(),
  progress: Progress.nullable(),
  next_run_at: z.string().nullable(),
  inside_window_now: z.boolean(),
  session: SessionSchema,
  /** PlanSo requests and failures per module since the worker started. */
  upstream: z.record(z.string(), z.object({ requests: z.number(), errors: z.number() })).optional(),
});
export type WorkerState = z.infer<typeof WorkerStateSchema>;

const RunCountsSchema = z.object({
  seen: z.number(),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  left_board: z.number(),
  returned_to_board: z.number(),
  failed: z.number(),
  parts_written: z.number(),
  requests: z.number(),
});

/** A failure carried across the thread boundary; `kind` is a PlansoErrorKind when PlanSo failed. */
const ErrorPayload = z.object({
  message: z.string(),
  kind: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

export const CommandSchema = z.discriminatedUnion("type", [
  /** First message: the worker's configuration (already validated by `loadConfig`). */
  z.object({ type: z.literal("init"), config: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal("trigger"), requestId: z.string(), options: TriggerOptionsSchema }),
  /** Stops the schedule and ends the current run after the orders in flight; the worker stays up. */
  z.object({ type: z.literal("stop"), requestId: z.string() }),
  z.object({ type: z.literal("login"), requestId: z.string() }),
  /** An order write for the write executor; the payload is validated there. */
  z.object({ type: z.literal("write"), requestId: z.string(), payload: z.unknown() }),
  /** Stop, log out of PlanSo and close the database; the reply is `stopped`. */
  z.object({ type: z.literal("shutdown"), requestId: z.string() }),
]);
export type Command = z.infer<typeof CommandSchema>;

export const EventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), state: WorkerStateSchema }),
  z.object({
    type: z.literal("run_started"),
    runId: z.number().int(),
    trigger: RunTrigger,
    options: z.object({ with_parts: z.boolean(), with_extended: z.boolean(), order_ids: z.array(z.string()).nullable() }),
  }),
  z.object({ type: z.literal("progress"), runId: z.number().int(), done: z.number().int(), total: z.number().int() }),
  z.object({
    type: z.literal("run_finished"),
    runId: z.number().int(),
    status: RunStatus,
    error: z.string().nullable(),
    counts: RunCountsSchema,
    rows_written: z.number().int(),
  }),
  /** The reply to `trigger`. */
  z.object({
    type: z.literal("triggered"),
    requestId: z.string(),
    result: z.object({ run_id: z.number().int(), status: z.string(), already_running: z.boolean() }),
  }),
  z.object({ type: z.literal("login_result"), requestId: z.string(), session: SessionSchema }),
  z.object({ type: z.literal("write_result"), requestId: z.string(), ok: z.literal(true), result: z.unknown() }),
  /** A failed command (with its `requestId`) or a failure of the worker itself (without). */
  z.object({ type: z.literal("error"), requestId: z.string().optional(), error: ErrorPayload }),
  z.object({ type: z.literal("state"), state: WorkerStateSchema }),
  /** The reply to `stop` and `shutdown`. */
  z.object({ type: z.literal("stopped"), requestId: z.string() }),
]);
export type SyncEvent = z.infer<typeof EventSchema>;

/** Parses a received command; throws a readable error for anything else. */
export function parseCommand(data: unknown): Command {
  const parsed = CommandSchema.safeParse(data);
  if (!parsed.success) throw new Error(`Invalid sync command: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function parseEvent(data: unknown): SyncEvent {
  const parsed = EventSchema.safeParse(data);
  if (!parsed.success) throw new Error(`Invalid sync event: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
