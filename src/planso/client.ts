/**
 * The PlanSo client: one session, one cookie jar, one request limiter and the
 * parsers, behind the `PlansoApi` interface that the sync engine and the write
 * executor use.
 */
import { Temporal } from "temporal-polyfill";

import packageJson from "../../package.json" with { type: "json" };
import { DEFAULT_TIME_ZONE } from "../domain/dates.ts";
import type { Logger } from "../log.ts";
import { createCookieJar } from "./cookie-jar.ts";
import { centerContent } from "./envelope.ts";
import { PlansoError } from "./errors.ts";
import type { LabelRule } from "./labels.ts";
import { boardCall, DEFAULT_EXTENDED_TABS, employeesCall, EXTENDED_TABS } from "./modules.ts";
import { BoardParseError, parseBoard } from "./parse-board.ts";
import { parseEmployees } from "./parse-employees.ts";
import { readOrder, type OrderReaderContext } from "./read-order.ts";
import { createRequestLimiter } from "./request-limiter.ts";
import { createSession } from "./session.ts";
import { createTransport } from "./transport.ts";
import type { BoardItem, PlansoApi } from "./types.ts";
import type { PartAction } from "./write-contract.ts";
import { createOrder, deleteOrder, setPartStatus, updateOrder, type WriterContext } from "./write-order.ts";

export interface PlansoClientOptions {
  /** Tenant URL without a trailing slash, e.g. `https://beispiel.planso.de`. */
  baseUrl: string;
  username: string;
  password: string;
  /** `tableID` of the order form, which differs per tenant. */
  formTableId: string;
  labelRules: LabelRule[];
  /** Requests in flight at once, over all calls; default 2. */
  concurrency: number;
  /** Request starts per second, over all calls. */
  maxRequestsPerSecond: number;
  /** Per request, in ms; default 30000. */
  timeoutMs: number;
  /** Resends after a 5xx, timeout, network error, 429 or 503; default 3. */
  maxRetries: number;
  /** First backoff delay in ms; default 500. */
  retryBaseMs?: number;
  /** Backoff cap in ms; default 10000. */
  retryMaxMs?: number;
  /** A `Retry-After` longer than this (ms) fails at once instead of being waited out; default 60000. */
  maxRetryAfterMs?: number;
  writesEnabled: boolean;
  log: Logger;
  fetch?: typeof fetch;
  /** Waits for backoff and `Retry-After`; tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Default `reit/<package version>`. */
  userAgent?: string;
  /** Zone of PlanSo's wall-clock times; default Europe/Berlin. */
  timeZone?: string;
  /** Extended tabs read when `withExtended` is set; default all but `documents` and `images`. */
  extendedTabs?: readonly string[];
  /** Clock for the rental car booking month; default now. */
  now?: () => Date;
}

export type { ExtendedTab } from "./parse-extended.ts";
export { PART_ACTIONS, type PartAction } from "./write-contract.ts";

export type PlansoClient = PlansoApi & {
  /** Ticks or clears one checkbox of a parts row (`data-id` → `rowId`). */
  setPartStatus(orderId: string, rowId: string, action: PartAction, checked: boolean): Promise<void>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPlansoClient(options: PlansoClientOptions): PlansoClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const log = options.log.child({ component: "planso" });
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const jar = createCookieJar();
  const monotonic = () => performance.now();

  // The limiter paces real traffic, so it always waits on real timers, even when a
  // test replaces the backoff sleep.
  const limiter = createRequestLimiter({
    concurrency: options.concurrency,
    maxRequestsPerSecond: options.maxRequestsPerSecond,
    now: monotonic,
    sleep: realSleep,
  });
  const transport = createTransport({
    baseUrl,
    timeoutMs: options.timeoutMs,
    userAgent: options.userAgent ?? `reit/${packageJson.version}`,
    jar,
    limiter,
    fetch: options.fetch ?? fetch,
    now: monotonic,
  });
  const session = createSession({
    baseUrl,
    username: options.username,
    password: options.password,
    transport,
    jar,
    maxRetries: options.maxRetries,
    backoff: {
      baseMs: options.retryBaseMs ?? 500,
      maxMs: options.retryMaxMs ?? 10_000,
      random: options.random ?? Math.random,
    },
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    sleep: options.sleep ?? realSleep,
    now: monotonic,
    log,
  });

  const extendedTabs = options.extendedTabs ?? DEFAULT_EXTENDED_TABS;
  const unknownTabs = extendedTabs.filter((name) => !(name in EXTENDED_TABS));
  if (unknownTabs.length > 0) {
    throw new Error(`unknown PlanSo extended tabs: ${unknownTabs.join(", ")}; known tabs are ${Object.keys(EXTENDED_TABS).join(", ")}`);
  }

  const reader: OrderReaderContext = {
    call: (call) => session.call(call),
    formTableId: options.formTableId,
    rules: options.labelRules,
    timeZone,
    extendedTabs,
    log,
    loggedUnknownLabels: new Set(),
    loggedUnparsedLabels: new Set(),
    tenantLabels: new Map(),
    today: () =>
      Temporal.Instant.fromEpochMilliseconds((options.now?.() ?? new Date()).getTime())
        .toZonedDateTimeISO(timeZone)
        .toPlainDate(),
  };

  const readBoard = async (): Promise<BoardItem[]> => {
    const body = await session.call(boardCall());
    try {
      return parseBoard(body, log);
    } catch (error) {
      if (error instanceof BoardParseError) {
        throw new PlansoError("parse_error", error.message, { module: boardCall().module });
      }
      throw error;
    }
  };

  const writer: WriterContext = {
    reader,
    call: (call) => session.call(call),
    readBoard,
    writesEnabled: options.writesEnabled,
    baseUrl,
    log,
  };

  return {
    login: () => session.login(),
    logout: () => session.logout(),
    readBoard,

    async readEmployees(orderId) {
      const call = employeesCall(orderId);
      const content = centerContent(await session.call(call));
      if (content === undefined || content.trim() === "") {
        throw new PlansoError("parse_error", `order ${orderId}: the employee options response has no center.content`, {
          module: call.module,
          orderId,
        });
      }
      return parseEmployees(content);
    },

    readOrder: (id, readOptions) => readOrder(reader, id, readOptions),
    createOrder: (fields) => createOrder(writer, fields),
    updateOrder: (id, fields) => updateOrder(writer, id, fields),
    deleteOrder: (id) => deleteOrder(writer, id),
    setPartStatus: (orderId, rowId, action, checked) => setPartStatus(writer, orderId, rowId, action, checked),
    requestCount: () => transport.count(),
    moduleStats: () => transport.moduleStats(),
    session: () => session.info(),
  };
}
