/**
 * Transient failures and the retry loop around one upstream request. After a 5xx,
 * 429, 503, timeout or network error the request is sent again, after a backoff or
 * the server's `Retry-After`, until the retry budget is spent. Any other failure
 * ends the request at once.
 */
import type { Logger } from "../log.ts";
import { backoffDelayMs, parseRetryAfterMs, type BackoffOptions } from "./backoff.ts";
import { PlansoError, type PlansoErrorKind } from "./errors.ts";
import { TransportFailure, type UpstreamResponse } from "./transport.ts";

/** A failure that may go away when the request is sent again. */
export class TransientFailure extends Error {
  override readonly name = "TransientFailure";
  constructor(
    readonly kind: PlansoErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Throws `TransientFailure` for a 429, a 503 or another 5xx; returns other responses. */
export function checkTransientStatus(response: UpstreamResponse): UpstreamResponse {
  const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"), Date.now());
  if (response.status === 429) {
    throw new TransientFailure("rate_limited", "PlanSo rate limit reached (HTTP 429)", 429, retryAfterMs);
  }
  if (response.status === 503) {
    throw new TransientFailure("maintenance", "PlanSo is unavailable, probably for maintenance (HTTP 503)", 503, retryAfterMs);
  }
  if (response.status >= 500) {
    throw new TransientFailure("upstream_error", `PlanSo failed with HTTP ${response.status}`, response.status);
  }
  return response;
}

/** Turns a transport failure (timeout, network error) into a `TransientFailure`; rethrows anything else. */
export function transientFromTransport(error: unknown): never {
  if (error instanceof TransportFailure) {
    throw new TransientFailure(error.kind === "timeout" ? "timeout" : "upstream_error", error.message);
  }
  throw error;
}

export interface RetryOptions {
  maxRetries: number;
  backoff: BackoffOptions;
  /** A `Retry-After` longer than this fails at once instead of being waited out, in ms. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  log: Logger;
}

export interface RetryRequest<T> {
  module: string;
  orderId?: string;
  /** Whether a failure of this kind may be sent again. */
  allowResend: (kind: PlansoErrorKind) => boolean;
  attempt: () => Promise<T>;
  /** Called before each resend. */
  onResend?: () => void;
}

/**
 * Runs `request.attempt`, resending after each `TransientFailure` within the budget.
 * A failure beyond it becomes a `PlansoError` of the failure's kind.
 */
export async function withRetries<T>(options: RetryOptions, request: RetryRequest<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request.attempt();
    } catch (error) {
      if (!(error instanceof TransientFailure)) throw error;
      const details = {
        module: request.module,
        orderId: request.orderId,
        status: error.status,
        retryAfterS: error.retryAfterMs === undefined ? undefined : error.retryAfterMs / 1000,
      };
      const logFields = { module: request.module, order_id: request.orderId, status: error.status, kind: error.kind };
      const waitTooLong = error.retryAfterMs !== undefined && error.retryAfterMs > options.maxRetryAfterMs;
      if (attempt >= options.maxRetries || !request.allowResend(error.kind) || waitTooLong) {
        options.log.warn("planso.request_failed", { ...logFields, attempts: attempt + 1 });
        throw new PlansoError(error.kind, `${request.module}: ${error.message}`, details);
      }

      const waitMs = error.retryAfterMs ?? backoffDelayMs(attempt, options.backoff);
      options.log.warn("planso.retry", { ...logFields, attempt: attempt + 1, wait_ms: waitMs });
      await options.sleep(waitMs);
      request.onResend?.();
    }
  }
}
