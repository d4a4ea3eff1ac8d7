/**
 * One HTTP exchange with PlanSo: builds the URL, sends the headers every upstream
 * request carries with the jar's cookies, enforces the per-request timeout and never
 * follows redirects. The session layer decides what a redirect means, which cookies
 * to keep, when to retry and how to read a body.
 */
import type { CookieJar } from "./cookie-jar.ts";
import type { RequestLimiter } from "./request-limiter.ts";

/** `Accept` that PlanSo's own page sends on `/do` calls. */
const DO_ACCEPT = "application/json, text/javascript, */*; q=0.01";

export interface UpstreamRequest {
  method: "GET" | "POST";
  /** `/do` or `/app`. */
  path: string;
  /** Query parameters in order; values may be empty strings. */
  query?: Array<[string, string]>;
  /** Form-urlencoded body. A POST without it sends an empty body and no `Content-Type`. */
  form?: Array<[string, string]>;
  /** Headers beyond the ones every request carries. */
  headers?: Record<string, string>;
}

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  body: string;
  /** `Location` of a redirect, resolved against the base URL; otherwise null. */
  location: string | null;
  durationMs: number;
  /** The `Cookie` header the request carried. */
  sentCookie: string | undefined;
  /** `Set-Cookie` headers of the response, which the session layer stores or ignores. */
  setCookies: string[];
}

/** The exchange produced no HTTP response. */
export class TransportFailure extends Error {
  override readonly name = "TransportFailure";
  constructor(
    readonly kind: "timeout" | "network",
    message: string,
  ) {
    super(message);
  }
}

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  userAgent: string;
  jar: CookieJar;
  limiter: RequestLimiter;
  fetch: typeof fetch;
  now: () => number;
}

export interface Transport {
  /** Sends `request`; rejects with `SkippedTask` when `skipIf` returns true once the request's turn comes. */
  send(request: UpstreamRequest, skipIf?: () => boolean): Promise<UpstreamResponse>;
  /** HTTP requests sent so far, failed ones included. */
  count(): number;
  /** Requests and failures (no response, or HTTP status 400 and above) per module. */
  moduleStats(): Record<string, ModuleStats>;
}

export interface ModuleStats {
  requests: number;
  errors: number;
}

export function createTransport(options: TransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, "");
  let sent = 0;
  const stats: Record<string, ModuleStats> = {};
  const statsOf = (request: UpstreamRequest): ModuleStats => {
    const module = request.path === "/do" ? (request.query?.find(([key]) => key === "m")?.[1] ?? "do") : request.path;
    return (stats[module] ??= { requests: 0, errors: 0 });
  };

  const exchange = async (request: UpstreamRequest): Promise<UpstreamResponse> => {
    const url = new URL(base + request.path);
    for (const [key, value] of request.query ?? []) url.searchParams.append(key, value);

    const headers: Record<string, string> = {
      "X-Requested-With": "XMLHttpRequest",
      "User-Agent": options.userAgent,
      ...(request.path === "/do" ? { Accept: DO_ACCEPT } : {}),
      ...request.headers,
    };
    const cookie = options.jar.header();
    if (cookie !== undefined) headers.Cookie = cookie;

    let body: string | undefined;
    if (request.form !== undefined) {
      body = new URLSearchParams(request.form).toString();
      headers["Content-Type"] ??= "application/x-www-form-urlencoded; charset=UTF-8";
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const started = options.now();
    sent++;
    const moduleStats = statsOf(request);
    moduleStats.requests++;
    try {
      const response = await options.fetch(url, {
        method: request.method,
        headers,
        body,
        redirect: "manual",
        signal: controller.signal,
      });
      // The body is read under the same timeout: a server may stall mid-body.
      const text = await response.text();
      if (response.status >= 400) moduleStats.errors++;
      const location = response.headers.get("location");
      return {
        status: response.status,
        headers: response.headers,
        body: text,
        location: location === null ? null : new URL(location, base + "/").toString(),
        durationMs: options.now() - started,
        sentCookie: cookie,
        setCookies: response.headers.getSetCookie(),
      };
    } catch (error) {
      moduleStats.errors++;
      if (controller.signal.aborted) {
        throw new TransportFailure("timeout", `no response within ${options.timeoutMs} ms`);
      }
      throw new TransportFailure("network", error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    send: (request, skipIf) => options.limiter.run(() => exchange(request), skipIf),
    count: () => sent,
    moduleStats: () => structuredClone(stats),
  };
}
