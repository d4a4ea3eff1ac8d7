import { describe, expect, test } from "bun:test";

import { parseSimulateArgs, runSimulateCommand } from "../../src/simulator/cli.ts";

describe("reit simulate", () => {
  test("parses options", () => {
    expect(parseSimulateArgs(["--port", "0", "--orders", "300", "--seed", "7", "--archived", "3", "--user", "anna:geheim:mit:doppelpunkt", "--latency", "demo", "--no-control"])).toMatchObject({
      port: 0,
      orders: 300,
      seed: 7,
      archived: 3,
      users: [{ username: "anna", password: "geheim:mit:doppelpunkt" }],
      latency: { medianMs: 300, p95Ms: 3000 },
      control: false,
      clock: "realtime",
    });
  });

  test("rejects bad values with the option name", () => {
    expect(() => parseSimulateArgs(["--orders", "viele"])).toThrow("--orders must be a whole number");
    expect(() => parseSimulateArgs(["--user", "nocolon"])).toThrow("--user must be NAME:PASSWORD");
    expect(() => parseSimulateArgs(["--latency", "slow"])).toThrow("--latency must be demo or off");
    expect(() => parseSimulateArgs(["--bogus"])).toThrow();
  });

  test("serves until stopped, login printed once", async () => {
    const lines: string[] = [];
    const controller = new AbortController();
    let url = "";
    const done = runSimulateCommand(["--port", "0", "--orders", "5", "--archived", "0"], {
      write: (line) => lines.push(line),
      signal: controller.signal,
      onListening: (listening) => {
        url = listening;
      },
    });
    while (url === "") await Bun.sleep(5);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const state = (await (await fetch(`${url}/__sim/state`)).json()) as { orders: { current: number } };
    expect(state.orders.current).toBe(5);
    controller.abort();
    await done;
    expect(lines[0]).toBe(`PlanSo simulator listening on ${url}`);
    expect(lines.filter((line) => line.startsWith("login: demo / ")).length).toBe(1);
    expect(lines[lines.length - 1]).toBe("PlanSo simulator stopped");
    await expect(fetch(`${url}/__sim/state`)).rejects.toThrow();
  });

  test("--help prints the usage", async () => {
    const lines: string[] = [];
    await runSimulateCommand(["--help"], { write: (line) => lines.push(line) });
    expect(lines[0]).toStartWith("Usage: reit simulate");
  });
});
