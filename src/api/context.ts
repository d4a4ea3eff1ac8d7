/** What every procedure receives. The server builds one context per request. */
import type { Config } from "../config.ts";
import type { Db } from "../db/connection.ts";
import type { Logger } from "../log.ts";
import type { SyncControl } from "../sync/control.ts";

export type Scope = "read" | "write" | "admin";

/** The caller, as authenticated by the server (src/server/auth.ts). */
export interface Principal {
  /** API key name, or `local` when no keys are configured (loopback only). */
  id: string;
  scope: Scope;
}

export interface ApiContext {
  db: Db;
  config: Config;
  sync: SyncControl;
  /** Logger bound to this request's id. */
  log: Logger;
  requestId: string;
  /** Null when the request carried no key or an unknown one; see `authProblem`. */
  principal: Principal | null;
  /** Why `principal` is null, for the 401 message. */
  authProblem?: "missing" | "unknown" | "malformed";
  /** Request headers, for `Idempotency-Key` and `If-Match` on order writes. */
  headers: Headers;
  /**
   * The request body as read within the size limit; null for methods without one.
   * REST merges path parameters over body fields, so only the raw body shows a body
   * `order_id` that differs from the path.
   */
  rawBody: Uint8Array | null;
  /**
   * Checks a procedure's output against its output schema and throws on a mismatch.
   * Tests set it, because the procedures do not parse their output at run time (router.ts).
   */
  checkOutput?: (path: string, output: unknown) => void;
}
