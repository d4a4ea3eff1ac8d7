/** Retry timing for upstream calls: capped exponential backoff and `Retry-After`. */

export interface BackoffOptions {
  /** Delay before the first retry, in ms. */
  baseMs: number;
  /** Upper bound of any computed delay, in ms. */
  maxMs: number;
  /** Uniform [0, 1). */
  random: () => number;
}

/**
 * Delay before retry number `attempt` (0 for the first retry): `baseMs · 2^attempt`,
 * capped at `maxMs`, then scaled by a random factor in [0.5, 1) so that parallel
 * workers do not retry in lockstep.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return Math.round(exponential * (0.5 + options.random() * 0.5));
}

/**
 * Parses a `Retry-After` header, either delay seconds or an HTTP date, into
 * milliseconds. Returns undefined when the header is missing or unreadable.
 */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
