/**
 * The API's one error type. Every failure a caller can see has a code from the
 * closed list below, and each code has exactly one tRPC code and one HTTP status,
 * so both transports agree. The error formatter (trpc.ts) turns anything thrown
 * into this shape; only `INTERNAL` means a bug, and it is the only one logged as an
 * error.
 */
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

import { QueryInputError } from "../db/queries/errors.ts";
import type { PlansoErrorKind } from "../planso/errors.ts";

export const APP_ERRORS = {
  BAD_REQUEST: { trpc: "BAD_REQUEST", status: 400 },
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", status: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", status: 403 },
  WRITES_DISABLED: { trpc: "FORBIDDEN", status: 403 },
  NOT_FOUND: { trpc: "NOT_FOUND", status: 404 },
  METHOD_NOT_ALLOWED: { trpc: "METHOD_NOT_SUPPORTED", status: 405 },
  CONFLICT: { trpc: "CONFLICT", status: 409 },
  PRECONDITION_FAILED: { trpc: "PRECONDITION_FAILED", status: 412 },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { trpc: "UNSUPPORTED_MEDIA_TYPE", status: 415 },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", status: 429 },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", status: 500 },
  UPSTREAM_FAILED: { trpc: "BAD_GATEWAY", status: 502 },
  NOT_READY: { trpc: "SERVICE_UNAVAILABLE", status: 503 },
  UPSTREAM_TIMEOUT: { trpc: "GATEWAY_TIMEOUT", status: 504 },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; status: number }>;

export type AppErrorCode = keyof typeof APP_ERRORS;
export const APP_ERROR_CODES = Object.keys(APP_ERRORS) as AppErrorCode[];

/** One invalid input field: its dotted path (`vehicle_details.vin`) and what is wrong. */
export interface Issue {
  path: string;
  message: string;
}

/** The error body on every REST route, and `error.data` over tRPC. */
export interface ErrorBody {
  success: false;
  code: AppErrorCode;
  message: string;
  issues?: Issue[];
}

export class AppError extends Error {
  override readonly name = "AppError";

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extra: {
      issues?: Issue[];
      /** Seconds until a retry may succeed; sent as `Retry-After`. */
      retryAfterS?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: extra.cause });
  }

  get status(): number {
    return APP_ERRORS[this.code].status;
  }

  /** Wraps the error in a TRPCError with the mapped code, for throwing out of procedures and middleware. */
  toTRPCError(): TRPCError {
    return new TRPCError({ code: APP_ERRORS[this.code].trpc, message: this.message, cause: this });
  }
}

/** The 404 for an order id the mirror does not contain. */
export function orderNotFound(orderId: number): AppError {
  return new AppError("NOT_FOUND", `Order ${orderId} was not found in the mirror; check the id, or start a sync if it was created in PlanSo just now`);
}

/** tRPC codes that tRPC itself or its adapters raise, mapped to the closest app code. */
const FROM_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, AppErrorCode>> = {
  PARSE_ERROR: "BAD_REQUEST",
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_ALLOWED",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  BAD_GATEWAY: "UPSTREAM_FAILED",
  SERVICE_UNAVAILABLE: "NOT_READY",
  GATEWAY_TIMEOUT: "UPSTREAM_TIMEOUT",
  TIMEOUT: "UPSTREAM_TIMEOUT",
  UNPROCESSABLE_CONTENT: "BAD_REQUEST",
  CLIENT_CLOSED_REQUEST: "BAD_REQUEST",
};

/** Messages shown in place of the real one, which may contain a stack or SQL text. */
const GENERIC_MESSAGE: Partial<Record<AppErrorCode, string>> = {
  INTERNAL: "Internal error; the server log has the details under this request id",
};

/**
 * Any thrown value → AppError. Input validation (zod) becomes BAD_REQUEST with one
 * issue per field; a tRPC error keeps its code; anything unknown is INTERNAL.
 */
export function toAppError(error: unknown): AppError {
  const cause = error instanceof TRPCError && error.cause !== undefined ? error.cause : error;
  if (cause instanceof AppError) return cause;
  if (cause instanceof QueryInputError) {
    return new AppError("BAD_REQUEST", cause.message, { issues: [{ path: cause.field, message: cause.message }] });
  }
  const upstream = fromPlansoError(cause);
  if (upstream !== null) return upstream;
  const issues = zodIssues(cause);
  if (issues !== null) {
    const names = [...new Set(issues.map((i) => i.path || "(input)"))].join(", ");
    return new AppError("BAD_REQUEST", `Invalid input: ${names}`, { issues });
  }
  if (error instanceof TRPCError) {
    const code = FROM_TRPC[error.code] ?? "INTERNAL";
    if (code === "INTERNAL") return new AppError("INTERNAL", GENERIC_MESSAGE.INTERNAL!, { cause: error });
    // The adapters' own text for this one is garbled ("Unsupported content-type \"text/plain").
    if (code === "UNSUPPORTED_MEDIA_TYPE") return new AppError(code, "Content-Type must be application/json");
    return new AppError(code, error.message);
  }
  return new AppError("INTERNAL", GENERIC_MESSAGE.INTERNAL!, { cause: error });
}

const FROM_PLANSO: Record<PlansoErrorKind, AppErrorCode> = {
  login_failed: "UPSTREAM_FAILED",
  session_expired: "UPSTREAM_FAILED",
  timeout: "UPSTREAM_TIMEOUT",
  rate_limited: "RATE_LIMITED",
  maintenance: "UPSTREAM_FAILED",
  upstream_error: "UPSTREAM_FAILED",
  rejected: "UPSTREAM_FAILED",
  not_found: "NOT_FOUND",
  parse_error: "UPSTREAM_FAILED",
  unknown_outcome: "UPSTREAM_FAILED",
  writes_disabled: "WRITES_DISABLED",
};

/**
 * Converts a PlanSo client failure (src/planso/errors.ts) to an AppError with
 * PlanSo's reason. It is matched by name and `kind`, so a failure rebuilt from a
 * sync-worker message is recognised too.
 */
function fromPlansoError(error: unknown): AppError | null {
  if (!(error instanceof Error) || error.name !== "PlansoError") return null;
  const { kind, details } = error as Error & { kind?: string; details?: { retryAfterS?: number; fieldErrors?: Record<string, string> } };
  const code = FROM_PLANSO[kind as PlansoErrorKind];
  if (code === undefined) return null;
  const issues = Object.entries(details?.fieldErrors ?? {}).map(([path, message]) => ({ path, message }));
  return new AppError(code, `PlanSo: ${error.message}`, {
    issues: issues.length > 0 ? issues : undefined,
    retryAfterS: details?.retryAfterS,
    cause: error,
  });
}

/** zod (v4) validation issues as `{ path, message }`, or null when `error` is not a ZodError. */
function zodIssues(error: unknown): Issue[] | null {
  if (!(error instanceof Error) || error.name !== "ZodError") return null;
  const raw = (error as Error & { issues?: Array<{ path: PropertyKey[]; message: string; code?: string; keys?: string[] }> }).issues;
  if (!Array.isArray(raw)) return null;
  return raw.flatMap((issue) => {
    const path = issue.path.map(String).join(".");
    // One issue per unknown field, named by its own path.
    if (issue.code === "unrecognized_keys" && Array.isArray(issue.keys)) {
      return issue.keys.map((key) => ({ path: path === "" ? key : `${path}.${key}`, message: "unknown field" }));
    }
    return [{ path, message: issue.message }];
  });
}

export function errorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { success: false, code: error.code, message: error.message };
  if (error.extra.issues !== undefined && error.extra.issues.length > 0) body.issues = error.extra.issues;
  return body;
}

/** Returns the response headers that belong to an error (`Retry-After` on 429). */
export function errorHeaders(error: AppError): Record<string, string> {
  return error.extra.retryAfterS === undefined ? {} : { "Retry-After": String(Math.ceil(error.extra.retryAfterS)) };
}
