/**
 * A faithful PlanSo backend simulator: the upstream surface the connector's client
 * talks to (login on `/app`, modules on `/do`), a deterministic seeded tenant, the
 * quirks of real tenants as switches, and a control surface under `/__sim/` that
 * exists only here. The same seed, configuration, clock and request sequence give
 * byte-identical response bodies.
 */
import { createLogger, type Logger } from "../log.ts";
import { parseIsoInstant } from "./calendar.ts";
import { createClock, type ClockMode } from "./clock.ts";
import type { SimContext } from "./context.ts";
import { createControl, type SimulatorControl } from "./control.ts";
import { createControlHandler } from "./http/control-routes.ts";
import { ConnectionClosedError, htmlResponse } from "./http/responses.ts";
import { handleUpstream } from "./http/upstream.ts";
import { defaultConfig, mergeConfig, validateConfigPatch, type LatencyConfig, type Quirks } from "./options.ts";
import { errorPage } from "./render/pages.ts";
import { createRuntime } from "./runtime.ts";
import { generateTenant } from "./seed/generate-tenant.ts";

export type { SimulatorControl, SimulatorState, ResetOptions, FaultRequest, SessionState } from "./control.ts";
export type { Counters, WriteRecord } from "./http/counters.ts";
export type { ConfigPatch, FaultKind, Quirks, RateQuirk, SimulatorConfig, LatencyConfig } from "./options.ts";
export { DEFAULT_QUIRKS, DEMO_LATENCY } from "./options.ts";
export type { MoveInput, PartInput } from "./tenant-ops.ts";
export { ControlError } from "./tenant-ops.ts";
export { ConnectionClosedError } from "./http/responses.ts";

export const DEFAULT_NOW = "2026-03-02T09:00:00+01:00";

export interface SimulatorOptions {
  /** Default 7. */
  seed?: number;
  /** Current orders on the board; default 120. */
  orders?: number;
  /** Default 40. */
  archived?: number;
  /** Virtual clock start, ISO with offset; default `2026-03-02T09:00:00+01:00`. */
  now?: string;
  /** Logins. Without any, a random password for user `demo` is generated and logged once. */
  users?: Array<{ username: string; password: string }>;
  quirks?: Partial<Quirks>;
  session?: { idleTtlS?: number; maxAgeS?: number };
  latency?: LatencyConfig;
  /** Default `12565`. */
  formTableId?: string;
  /** Serve the `/__sim/` control routes; default true. Off, they return 404. */
  control?: boolean;
  labelVariant?: "primary" | "secondary";
  /** `fixed` (default) stops the virtual clock between changes; `realtime` lets it run. */
  clock?: ClockMode;
  /** Receives the one-time message with a generated login; default JSON lines on stdout. */
  logger?: Logger;
}

export interface Simulator {
  /**
   * Handles one HTTP request (upstream and control surface). A `timeout` fault keeps the
   * request open, then rejects with `ConnectionClosedError`. Over HTTP the connection closes.
   */
  fetch(request: Request): Promise<Response>;
  /** The in-process control API: the same operations as `/__sim/*`. */
  control: SimulatorControl;
  /** The login generated because no users were configured, else null. */
  generatedLogin: { username: string; password: string } | null;
}

export interface RunningSimulator {
  url: string;
  port: number;
  simulator: Simulator;
  stop(): Promise<void>;
}

function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(15));
  return Buffer.from(bytes).toString("base64url");
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const nowText = options.now ?? DEFAULT_NOW;
  const nowMs = parseIsoInstant(nowText);
  if (nowMs === null) throw new Error(`simulator option now must be ISO 8601 with offset, got ${JSON.stringify(nowText)}`);
  const seed = options.seed ?? 7;
  const orders = options.orders ?? 120;
  const archived = options.archived ?? 40;

  const patch = {
    quirks: { ...options.quirks, ...(options.labelVariant ? { labelVariant: options.labelVariant } : {}) },
    session: options.session,
    latency: options.latency,
  };
  const problems = validateConfigPatch(patch);
  if (problems.length > 0) throw new Error(`invalid simulator options: ${problems.join("; ")}`);
  const config = mergeConfig(defaultConfig(options.formTableId ?? "12565"), patch);

  const ctx: SimContext = {
    seed,
    config,
    tenant: generateTenant({ seed, orders, archived, nowUtcMs: nowMs }),
    clock: createClock(nowMs, options.clock ?? "fixed"),
  };

  const users = new Map((options.users ?? []).map((user) => [user.username, user.password] as const));
  let generatedLogin: Simulator["generatedLogin"] = null;
  if (users.size === 0) {
    generatedLogin = { username: "demo", password: generatePassword() };
    users.set(generatedLogin.username, generatedLogin.password);
    // Printed once on purpose: the simulator ships no built-in password.
    (options.logger ?? createLogger()).info("simulator_login_generated", {
      username: generatedLogin.username,
      login: `${generatedLogin.username} / ${generatedLogin.password}`,
    });
  }

  const rt = createRuntime(ctx, { orders, archived, nowMs }, users, options.control !== false);
  const control = createControl(rt);
  const handleControl = createControlHandler(control);

  return {
    control,
    generatedLogin,
    async fetch(request) {
      const url = new URL(request.url);
      if (url.pathname === "/__sim" || url.pathname.startsWith("/__sim/")) {
        return rt.controlEnabled ? handleControl(request, url) : htmlResponse(errorPage(404), 404);
      }
      return handleUpstream(rt, request);
    },
  };
}

/** Serves a simulator over HTTP on 127.0.0.1, port 0 (a free port) unless given. */
export async function startSimulator(options: SimulatorOptions & { port?: number; hostname?: string } = {}): Promise<RunningSimulator> {
  const simulator = createSimulator(options);
  const server = Bun.serve({
    hostname: options.hostname ?? "127.0.0.1",
    port: options.port ?? 0,
    // Latency and timeout faults hold requests for longer than Bun's 10 s default.
    idleTimeout: 0,
    async fetch(request) {
      try {
        return await simulator.fetch(request);
      } catch (error) {
        if (error instanceof ConnectionClosedError) {
          // A body stream that fails before its first chunk makes Bun reset the connection.
          return new Response(new ReadableStream({ start: (controller) => controller.error() }));
        }
        throw error;
      }
    },
    error() {
      return htmlResponse(errorPage(500), 500);
    },
  });
  const port = server.port as number;
  return {
    url: `http://${server.hostname}:${port}`,
    port,
    simulator,
    stop: async () => {
      await server.stop(true);
    },
  };
}
