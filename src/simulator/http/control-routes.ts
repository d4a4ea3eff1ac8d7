/**
 * The control surface under `/__sim/`: JSON in and out, no session, never counted in
 * the upstream counters. Besides the operations of the control API it serves the
 * ground truth (`GET /__sim/truth/board`, `GET /__sim/truth/orders/{id}?parts=true`)
 * and the order ids (`GET /__sim/orders`) for tests that run in another process.
 */
import type { SimulatorControl } from "../control.ts";
import { ControlError } from "../tenant-ops.ts";
import { controlJson } from "./responses.ts";

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new ControlError(400, "request body must be a JSON object");
}

type Handler = (match: string[], request: Request, url: URL) => Promise<unknown> | unknown;

interface Route {
  method: string;
  pattern: RegExp;
  handle: Handler;
}

function routes(control: SimulatorControl): Route[] {
  const body = (request: Request) => readJson(request);
  const id = (match: string[]) => decodeURIComponent(match[1] as string);
  return [
    { method: "POST", pattern: /^\/__sim\/reset$/, handle: async (_, r) => (control.reset(await body(r)), control.state()) },
    { method: "GET", pattern: /^\/__sim\/state$/, handle: () => control.state() },
    { method: "POST", pattern: /^\/__sim\/clock$/, handle: async (_, r) => ({ now: control.setClock((await body(r)) as never) }) },
    { method: "PUT", pattern: /^\/__sim\/config$/, handle: async (_, r) => control.configure(await body(r)) },
    {
      method: "POST",
      pattern: /^\/__sim\/users$/,
      handle: async (_, r) => {
        const input = await body(r);
        control.addUser(input.username as string, input.password as string);
        return { username: input.username };
      },
    },
    {
      method: "POST",
      pattern: /^\/__sim\/sessions\/expire$/,
      handle: async (_, r) => ({ expired: control.expireSessions(((await body(r)).cookie as string | undefined) ?? undefined) }),
    },
    { method: "GET", pattern: /^\/__sim\/orders$/, handle: () => ({ current: control.orderIds(), archived: control.archivedIds() }) },
    {
      method: "POST",
      pattern: /^\/__sim\/orders$/,
      handle: async (_, r) => ({ id: control.createOrder(((await body(r)).fields ?? {}) as Record<string, string>) }),
    },
    {
      method: "PATCH",
      pattern: /^\/__sim\/orders\/([^/]+)$/,
      handle: async (m, r) => (control.editOrder(id(m), ((await body(r)).fields ?? {}) as Record<string, string>), { id: id(m) }),
    },
    { method: "DELETE", pattern: /^\/__sim\/orders\/([^/]+)$/, handle: (m) => (control.deleteOrder(id(m)), { id: id(m) }) },
    {
      method: "POST",
      pattern: /^\/__sim\/orders\/([^/]+)\/move$/,
      handle: async (m, r) => (control.moveOrder(id(m), (await body(r)) as never), { id: id(m) }),
    },
    {
      method: "POST",
      pattern: /^\/__sim\/orders\/([^/]+)\/archive$/,
      handle: async (m, r) => (control.archiveOrder(id(m), (await body(r)).archived !== false), { id: id(m) }),
    },
    { method: "POST", pattern: /^\/__sim\/orders\/([^/]+)\/parts$/, handle: async (m, r) => ({ rowId: control.addPart(id(m), (await body(r)) as never) }) },
    { method: "DELETE", pattern: /^\/__sim\/orders\/([^/]+)\/parts$/, handle: (m) => ({ removed: control.removeParts(id(m)) }) },
    {
      method: "PATCH",
      pattern: /^\/__sim\/orders\/([^/]+)\/parts\/([^/]+)$/,
      handle: async (m, r) => {
        const rowId = decodeURIComponent(m[2] as string);
        control.editPart(id(m), rowId, (await body(r)) as never);
        return { rowId };
      },
    },
    { method: "POST", pattern: /^\/__sim\/faults$/, handle: async (_, r) => (control.queueFaults((await body(r)) as never), control.state().queuedFaults) },
    { method: "GET", pattern: /^\/__sim\/counters$/, handle: () => control.counters() },
    { method: "DELETE", pattern: /^\/__sim\/counters$/, handle: () => (control.resetCounters(), control.counters()) },
    { method: "GET", pattern: /^\/__sim\/writes$/, handle: () => control.writes() },
    { method: "GET", pattern: /^\/__sim\/truth\/board$/, handle: () => control.truthBoard() },
    {
      method: "GET",
      pattern: /^\/__sim\/truth\/orders\/([^/]+)$/,
      handle: (m, _, url) => control.truthOrder(id(m), { withParts: ["1", "true"].includes(url.searchParams.get("parts") ?? "") }),
    },
  ];
}

export function createControlHandler(control: SimulatorControl): (request: Request, url: URL) => Promise<Response> {
  const table = routes(control);
  return async (request, url) => {
    const candidates = table.filter((route) => route.pattern.test(url.pathname));
    if (candidates.length === 0) return controlJson({ error: `no control route ${url.pathname}` }, 404);
    const route = candidates.find((r) => r.method === request.method);
    if (!route) return controlJson({ error: `method ${request.method} not allowed on ${url.pathname}` }, 405);
    try {
      const match = route.pattern.exec(url.pathname) as RegExpExecArray;
      return controlJson(await route.handle([...match], request, url));
    } catch (error) {
      if (error instanceof ControlError) return controlJson({ error: error.message, ...error.details }, error.status);
      throw error;
    }
  };
}
