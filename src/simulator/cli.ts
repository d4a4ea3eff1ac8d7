/**
 * `reit simulate`: serves a simulated PlanSo tenant on 127.0.0.1 until SIGINT or
 * SIGTERM. The virtual clock runs in real time unless `--clock fixed` is given.
 */
import { parseArgs } from "node:util";

import { silentLogger } from "../log.ts";
import { DEFAULT_NOW, startSimulator, type SimulatorOptions } from "./index.ts";
import { DEMO_LATENCY } from "./options.ts";

export const SIMULATE_USAGE = `Usage: reit simulate [options]

Serves a simulated PlanSo tenant on 127.0.0.1 until interrupted.

  --port N            TCP port (default 8110; 0 picks a free port)
  --orders N          current orders on the board (default 120)
  --archived N        archived orders (default 40)
  --seed N            seed of the generated tenant (default 7)
  --user NAME:PASS    a login; repeatable. Without one, a password for "demo" is generated and printed once
  --latency demo|off  per-request delay: demo is a 300 ms median and a 3 s p95 (default off)
  --now ISO           virtual clock start, with offset (default ${DEFAULT_NOW})
  --clock realtime|fixed  whether the virtual clock runs (default realtime)
  --form-table-id ID  form table id (default 12565)
  --label-variant primary|secondary  label set of the form (default primary)
  --no-control        turn off the /__sim/ control routes
  --help              show this text`;

export interface SimulateIo {
  /** Output lines; default stdout. */
  write?: (line: string) => void;
  /** Stops the simulator when aborted; default SIGINT and SIGTERM. */
  signal?: AbortSignal;
  /** Called once the server listens, with its URL. */
  onListening?: (url: string) => void;
}

function wholeNumber(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${option} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

export function parseSimulateArgs(argv: string[]): (SimulatorOptions & { port: number }) | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      orders: { type: "string" },
      archived: { type: "string" },
      seed: { type: "string" },
      user: { type: "string", multiple: true },
      latency: { type: "string" },
      now: { type: "string" },
      clock: { type: "string" },
      "form-table-id": { type: "string" },
      "label-variant": { type: "string" },
      "no-control": { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return "help";

  const users = (values.user ?? []).map((entry) => {
    const colon = entry.indexOf(":");
    if (colon <= 0 || colon === entry.length - 1) throw new Error(`--user must be NAME:PASSWORD, got ${JSON.stringify(entry.slice(0, colon > 0 ? colon : entry.length))}:…`);
    return { username: entry.slice(0, colon), password: entry.slice(colon + 1) };
  });
  if (values.latency !== undefined && values.latency !== "demo" && values.latency !== "off") {
    throw new Error(`--latency must be demo or off, got ${JSON.stringify(values.latency)}`);
  }
  if (values.clock !== undefined && values.clock !== "realtime" && values.clock !== "fixed") {
    throw new Error(`--clock must be realtime or fixed, got ${JSON.stringify(values.clock)}`);
  }
  const variant = values["label-variant"];
  if (variant !== undefined && variant !== "primary" && variant !== "secondary") {
    throw new Error(`--label-variant must be primary or secondary, got ${JSON.stringify(variant)}`);
  }
  const port = wholeNumber(values.port, "port", 8110);
  if (port > 65535) throw new Error(`--port must be at most 65535, got ${port}`);

  return {
    port,
    orders: wholeNumber(values.orders, "orders", 120),
    archived: wholeNumber(values.archived, "archived", 40),
    seed: wholeNumber(values.seed, "seed", 7),
    users,
    latency: values.latency === "demo" ? { ...DEMO_LATENCY } : undefined,
    now: values.now,
    clock: (values.clock as "realtime" | "fixed" | undefined) ?? "realtime",
    formTableId: values["form-table-id"],
    labelVariant: variant as "primary" | "secondary" | undefined,
    control: !values["no-control"],
  };
}

export async function runSimulateCommand(argv: string[], io: SimulateIo = {}): Promise<void> {
  const write = io.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const options = parseSimulateArgs(argv);
  if (options === "help") {
    write(SIMULATE_USAGE);
    return;
  }

  const running = await startSimulator({ ...options, hostname: "127.0.0.1", logger: silentLogger });
  const state = running.simulator.control.state();
  write(`PlanSo simulator listening on ${running.url}`);
  write(`tenant: seed ${state.seed}, ${state.orders.current} current and ${state.orders.archived} archived orders, ${state.parts} parts, clock ${state.now} (${state.clockMode})`);
  const generated = running.simulator.generatedLogin;
  if (generated) write(`login: ${generated.username} / ${generated.password} (generated; shown only now)`);
  else write(`logins: ${state.users.join(", ")}`);
  write(options.control === false ? "control surface: off" : `control surface: ${running.url}/__sim/state`);
  io.onListening?.(running.url);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    if (io.signal) {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener("abort", stop, { once: true });
      return;
    }
    const onSignal = () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      stop();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
  await running.stop();
  write("PlanSo simulator stopped");
}
