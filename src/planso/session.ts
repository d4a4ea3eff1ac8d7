/**
 * The PlanSo session: login on first use, module calls with retries, and one shared
 * re-login when a call meets an expired session. PlanSo returns the login page (HTTP
 * 200, or a redirect to `/app`) for an expired session, so the body decides, never
 * the status code.
 */
import type { Logger } from "../log.ts";
import type { BackoffOptions } from "./backoff.ts";
import type { CookieJar } from "./cookie-jar.ts";
import { PlansoError, type PlansoErrorKind } from "./errors.ts";
import { isRedirect, performLogin } from "./login.ts";
import { SkippedTask } from "./request-limiter.ts";
import { checkTransientStatus, transientFromTransport, withRetries, type RetryOptions } from "./retry.ts";
import type { Transport, UpstreamRequest, UpstreamResponse } from "./transport.ts";
import type { SessionInfo } from "./types.ts";

/**
 * Re-logins one call may go through while sessions keep running out under it. A
 * renewal after the first needs the expired session to have served other calls, so
 * this cap only bounds a long queue of calls meeting short-lived sessions.
 */
const MAX_RENEWALS = 20;

/** A call of one `/do` module. */
export interface ModuleCall {
  module: string;
  method: "GET" | "POST";
  /** Query parameters after `m`, in order. */
  params: Array<[string, string]>;
  form?: Array<[string, string]>;
  /** For logs and error details. */
  orderId?: string;
  /**
   * `"resend"` (default) retries transient failures. `"no-resend"` is for inserts:
   * only a 429 is sent again, because PlanSo rejects it before doing anything.
   */
  retry?: "resend" | "no-resend";
  /** Called before each resend after a transient failure (not after a re-login). */
  onResend?: () => void;
}

export interface SessionOptions {
  baseUrl: string;
  username: string;
  password: string;
  transport: Transport;
  jar: CookieJar;
  maxRetries: number;
  backoff: BackoffOptions;
  /** A `Retry-After` longer than this fails at once instead of being waited out, in ms. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Monotonic milliseconds, for durations in logs. */
  now: () => number;
  log: Logger;
}

export interface Session {
  /** Logs in now, replacing any current session. */
  login(): Promise<void>;
  /** Ends the session upstream, best effort: a failure is logged, not thrown. */
  logout(): Promise<void>;
  /** Sends one module call and returns its parsed JSON body. */
  call(call: ModuleCall): Promise<unknown>;
  info(): SessionInfo;
}

/** The response was the login page or a redirect to it. */
class SessionExpired extends Error {
  constructor(
    /** The request carried another cookie than the current session's: it was sent before or during a re-login. */
    readonly stale: boolean,
    /** Login generation of the session that expired (meaningful when not stale). */
    readonly generation: number,
    /** Whether that session returned a response to any call before it expired. */
    readonly servedCalls: boolean,
  ) {
    super("session expired");
  }
}

export function createSession(options: SessionOptions): Session {
  const { transport, log } = options;
  const retryOptions: RetryOptions = options;

  let loggedIn = false;
  /** Incremented by every successful login, so waiters can tell that one happened. */
  let generation = 0;
  /** Calls that succeeded on the current session, to tell a dead session from one that ran out. */
  let successesInGeneration = 0;
  let loginInFlight: Promise<void> | null = null;
  /** `Cookie` header of the logged-in session. */
  let sessionCookie: string | undefined;
  let lastLoginAt: string | null = null;
  let logins = 0;
  let expiries = 0;

  /**
   * Sends one request and checks its status for transient failures. Module calls
   * (`gated`) are held back while a login runs, because they would go out without
   * the new session's cookie.
   */
  const sendOnce = async (request: UpstreamRequest, gated = false): Promise<UpstreamResponse> => {
    for (;;) {
      try {
        const response = await transport.send(request, gated ? () => loginInFlight !== null : undefined);
        return checkTransientStatus(response);
      } catch (error) {
        if (!(error instanceof SkippedTask)) transientFromTransport(error);
        await loginInFlight?.catch(() => undefined);
      }
    }
  };

  /** Starts a login, or joins the one already running. */
  const sharedLogin = (reason: "initial" | "explicit" | "expired"): Promise<void> => {
    if (loginInFlight) return loginInFlight;
    loggedIn = false;
    if (reason === "expired") expiries++;
    const started = options.now();
    const logFields = { reason, base_url: options.baseUrl, username: options.username };
    const attempt = () => performLogin({ ...options, send: (request) => sendOnce(request) });

    loginInFlight = withRetries(retryOptions, { module: "login", allowResend: () => true, attempt })
      .then(() => {
        loggedIn = true;
        generation++;
        successesInGeneration = 0;
        sessionCookie = options.jar.header();
        logins++;
        lastLoginAt = new Date().toISOString();
        log.info("planso.login", { ...logFields, duration_ms: Math.round(options.now() - started) });
      })
      .catch((error: unknown) => {
        log.error("planso.login_failed", { ...logFields, error });
        throw error;
      })
      .finally(() => {
        loginInFlight = null;
      });
    return loginInFlight;
  };

  const ensureLoggedIn = async () => {
    if (loginInFlight) await loginInFlight;
    else if (!loggedIn) await sharedLogin("initial");
  };

  /** Re-logs in after the session of login generation `expiredGeneration` expired. */
  const relogin = async (expiredGeneration: number) => {
    if (loginInFlight) return loginInFlight;
    // Another call already logged in again after this session expired.
    if (generation !== expiredGeneration && loggedIn) return;
    await sharedLogin("expired");
  };

  const callOnce = async (call: ModuleCall): Promise<unknown> => {
    const response = await sendOnce({ method: call.method, path: "/do", query: [["m", call.module], ...call.params], form: call.form }, true);
    const stale = response.sentCookie !== sessionCookie;
    const expired = () => new SessionExpired(stale, generation, successesInGeneration > 0);
    const details = { module: call.module, orderId: call.orderId, status: response.status };

    if (isRedirect(response)) {
      const target = response.location === null ? null : new URL(response.location);
      if (target !== null && target.pathname.replace(/\/+$/, "") === "/app") throw expired();
      throw new PlansoError("upstream_error", `${call.module}: unexpected redirect (HTTP ${response.status})`, details);
    }
    if (response.status === 404) throw new PlansoError("not_found", `${call.module}: PlanSo returned HTTP 404`, details);
    if (response.status !== 200) throw new PlansoError("upstream_error", `${call.module}: PlanSo returned HTTP ${response.status}`, details);

    // JSON is decided by parsing, because tenants send JSON as text/html too.
    let body: unknown;
    try {
      body = JSON.parse(response.body) as unknown;
    } catch {
      if (response.body.includes("system_login_username")) throw expired();
      throw new PlansoError("upstream_error", `${call.module}: PlanSo returned a body that is not JSON`, details);
    }

    // A session may be given a new id on any call. Cookies on expired responses are
    // not stored, because they name a fresh session that is not logged in.
    if (!stale && response.setCookies.length > 0) {
      options.jar.store(response.setCookies);
      sessionCookie = options.jar.header();
    }
    if (!stale) successesInGeneration++;
    return body;
  };

  return {
    async login() {
      await sharedLogin("explicit");
    },

    async logout() {
      if (!loggedIn) return;
      try {
        await transport.send({ method: "GET", path: "/do", query: [["m", "logout"]] });
      } catch (error) {
        log.warn("planso.logout_failed", { error });
      }
      loggedIn = false;
      options.jar.clear();
    },

    async call(call) {
      const allowResend = (kind: PlansoErrorKind) => call.retry !== "no-resend" || kind === "rate_limited";
      const request = { module: call.module, orderId: call.orderId, allowResend, attempt: () => callOnce(call), onResend: call.onResend };
      let renewals = 0;
      let staleRetries = 0;
      for (;;) {
        await ensureLoggedIn();
        try {
          return await withRetries(retryOptions, request);
        } catch (error) {
          if (!(error instanceof SessionExpired)) throw error;
          // The request went out with an older session's cookie: retry it on the current one.
          if (error.stale && staleRetries < MAX_RENEWALS) {
            staleRetries++;
            continue;
          }
          // A session that served nothing before it expired means logins give dead
          // sessions. One that served other calls just ran out, so it is renewed again.
          if (error.stale || renewals >= MAX_RENEWALS || (renewals > 0 && !error.servedCalls)) {
            if (!error.stale && error.generation === generation) loggedIn = false;
            log.error("planso.session_expired_again", { module: call.module, order_id: call.orderId, renewals });
            throw new PlansoError("session_expired", `${call.module}: the PlanSo session expired again right after a new login`, {
              module: call.module,
              orderId: call.orderId,
            });
          }
          log.info("planso.session_expired", { module: call.module, order_id: call.orderId });
          renewals++;
          await relogin(error.generation);
        }
      }
    },

    info: () => ({
      logged_in: loggedIn,
      base_url: options.baseUrl,
      username: options.username,
      last_login_at: lastLoginAt,
      logins,
      expiries,
    }),
  };
}
