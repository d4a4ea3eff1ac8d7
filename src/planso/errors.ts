/**
 * Failures of the PlanSo client. `kind` is a closed list so the sync engine and the
 * API can map each one to a run status or an HTTP status without string matching.
 */
export type PlansoErrorKind =
  /** Credentials rejected: PlanSo showed the login form again. Never retried. */
  | "login_failed"
  /** The session expired and a fresh login did not help. */
  | "session_expired"
  /** No response within the request timeout, after retries. */
  | "timeout"
  /** HTTP 429 beyond the retry budget. */
  | "rate_limited"
  /** HTTP 503 maintenance page beyond the retry budget. */
  | "maintenance"
  /** 5xx, network error or a non-JSON body that is not the login page. */
  | "upstream_error"
  /** PlanSo returned `success: false` for the write. */
  | "rejected"
  /** Unknown order id (empty form content or "Datensatz nicht gefunden"). */
  | "not_found"
  /** The response arrived but could not be read (empty form, missing envelope). */
  | "parse_error"
  /** An insert may or may not have been saved; the client did not resend it. */
  | "unknown_outcome"
  /** Writes are disabled for this base URL. */
  | "writes_disabled";

export class PlansoError extends Error {
  override readonly name = "PlansoError";

  constructor(
    readonly kind: PlansoErrorKind,
    message: string,
    readonly details: {
      module?: string;
      orderId?: string;
      status?: number;
      /** Seconds PlanSo asked to wait (`Retry-After`). */
      retryAfterS?: number;
      /** Per-label reasons PlanSo gave for a rejected write. */
      fieldErrors?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }
}
