/**
 * Sends a write command to the sync worker and turns its outcome into the API's
 * response. The worker is the only PlanSo caller and mirror writer. This side waits
 * with the `WRITE_TIMEOUT_MS` deadline and maps every failure to an AppError.
 */
import { resolveWritesEnabled } from "../../config.ts";
import type { OrderDetail } from "../../db/order-row.ts";
import type { LabelRule } from "../../planso/labels.ts";
import type { WriteCommand, WriteOutcome } from "../../sync/write-messages.ts";
import type { ApiContext } from "../context.ts";
import { APP_ERRORS, AppError, toAppError, type AppErrorCode } from "../errors.ts";

export interface WriteAnswer {
  success: true;
  message: string;
  order_id: string;
  order: OrderDetail | null;
}

/** Throws 403 WRITES_DISABLED, before anything is sent, when writes are off for this PlanSo base URL. */
export function assertWritesEnabled(ctx: ApiContext): void {
  if (resolveWritesEnabled(ctx.config)) return;
  const setting = ctx.config.planso.writesEnabled === "auto" ? "auto (on only for a simulator on loopback)" : "false";
  throw new AppError(
    "WRITES_DISABLED",
    `Writes to PlanSo are disabled: PLANSO_WRITES_ENABLED is ${setting}. The PlanSo write protocol is an assumption not yet verified against a real tenant; set PLANSO_WRITES_ENABLED=true once it is.`,
  );
}

/** Sends the command, waits at most `WRITE_TIMEOUT_MS`, and returns the response body or throws an AppError. */
export async function sendWrite(ctx: ApiContext, command: WriteCommand): Promise<WriteAnswer> {
  let outcome: WriteOutcome;
  try {
    outcome = (await withDeadline(ctx.sync.write(command), ctx.config.writeTimeoutMs)) as WriteOutcome;
  } catch (error) {
    throw writeFailure(ctx, error);
  }
  return answerOf(outcome);
}

function answerOf(outcome: WriteOutcome): WriteAnswer {
  switch (outcome.status) {
    case "ok":
      return { success: true, message: outcome.message, order_id: outcome.order_id, order: outcome.order };
    case "saved_not_mirrored":
      throw new AppError("UPSTREAM_FAILED", outcome.message);
    case "precondition_failed":
      throw new AppError("PRECONDITION_FAILED", outcome.message);
    case "conflict":
      throw new AppError("CONFLICT", outcome.message);
    case "replayed":
      return replayed(outcome.http_status, outcome.response);
  }
}

/** Returns the stored first response of an idempotent create again, or throws its error again. */
function replayed(status: number, response: unknown): WriteAnswer {
  if (status < 400) return response as WriteAnswer;
  const stored = response as { code?: string; message?: string };
  const code = stored.code !== undefined && stored.code in APP_ERRORS ? (stored.code as AppErrorCode) : "UPSTREAM_FAILED";
  throw new AppError(code, stored.message ?? "The first request with this Idempotency-Key failed");
}

class DeadlineExceeded extends Error {
  override readonly name = "DeadlineExceeded";
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Maps a failed write: deadline, unavailable worker, and PlanSo failures with the caller's field names. */
function writeFailure(ctx: ApiContext, error: unknown): AppError {
  const name = error instanceof Error ? error.name : "";
  if (name === "DeadlineExceeded" || (name === "WorkerRequestError" && (error as { reason?: string }).reason === "timeout")) {
    return new AppError(
      "UPSTREAM_TIMEOUT",
      `The write did not finish within ${ctx.config.writeTimeoutMs} ms (WRITE_TIMEOUT_MS). It may still complete in PlanSo and in the mirror; read the order before you repeat it.`,
      { cause: error },
    );
  }
  if (name === "WorkerRequestError") {
    return new AppError("NOT_READY", `The sync worker cannot take the write now (${(error as Error).message}); retry shortly`, { cause: error });
  }
  if (name !== "PlansoError") return toAppError(error);

  const planso = error as Error & { kind: string; details?: { fieldErrors?: Record<string, string> } };
  if (planso.kind === "unknown_outcome") {
    return new AppError(
      "UPSTREAM_FAILED",
      `PlanSo: ${planso.message}. The order may have been created: search for the plate (orders.list, or a sync first) before you retry.`,
      { cause: error },
    );
  }
  const app = toAppError(error);
  const fieldErrors = planso.details?.fieldErrors;
  if (fieldErrors === undefined || Object.keys(fieldErrors).length === 0) return app;
  // PlanSo names German labels; the caller sent body fields.
  const issues = Object.entries(fieldErrors).map(([label, reason]) => ({
    path: bodyFieldOf(label, ctx.config.planso.labelRules),
    message: `${label}: ${reason}`,
  }));
  return new AppError(app.code, app.message, { issues, retryAfterS: app.extra.retryAfterS, cause: error });
}

/** Returns the write body field that a PlanSo label is written from, or the label itself when no rule names it. */
function bodyFieldOf(label: string, rules: readonly LabelRule[]): string {
  if (label.startsWith("vehicle_details.") || rules.some((rule) => rule.write === label)) return label;
  return rules.find((rule) => rule.write !== undefined && rule.labels.includes(label))?.write ?? label;
}
