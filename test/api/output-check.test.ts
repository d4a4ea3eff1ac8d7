import { afterAll, beforeAll, describe, expect, test } from "bun:test";

import { appRouter } from "../../src/api/router.ts";
import { createOutputCheck } from "../../src/api/output-check.ts";
import { restGet } from "../support/api-client.ts";
import { startTestServer, type TestServer } from "../support/api-server.ts";

let server: TestServer;
let order: Record<string, unknown>;
const check = createOutputCheck(appRouter);

beforeAll(async () => {
  server = await startTestServer({ orders: 5 });
  const reply = await restGet<{ order: Record<string, unknown> }>(server.url, `/orders/${server.ids[0]}`);
  order = reply.body.order;
});

afterAll(async () => {
  await server.stop();
});

describe("response check", () => {
  test("accepts a served order", () => {
    expect(() => check("orders.get", { success: true, order })).not.toThrow();
  });

  test("rejects an unlisted field", () => {
    expect(() => check("orders.get", { success: true, order: { ...order, content_hash: "abc" } })).toThrow("differs from its schema's parse");
  });

  test("rejects a missing or mistyped field", () => {
    const { plate: _plate, ...withoutPlate } = order;
    expect(() => check("orders.get", { success: true, order: withoutPlate })).toThrow("does not match its schema");
    expect(() => check("orders.get", { success: true, order: { ...order, version: "3" } })).toThrow("does not match its schema");
  });

  test("rejects an unknown procedure", () => {
    expect(() => check("orders.nothing", {})).toThrow("has no output schema");
  });
});

describe("procedures without runtime output parsing", () => {
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { output?: unknown; middlewares: Array<{ _type?: string }> } }>);

  test("every procedure keeps its output schema", () => {
    expect(procedures.length).toBeGreaterThan(10);
    for (const [path, procedure] of procedures) expect({ path, has: procedure._def.output !== undefined }).toEqual({ path, has: true });
  });

  test("no procedure parses its output", () => {
    for (const [path, procedure] of procedures) {
      const types = procedure._def.middlewares.map((middleware) => middleware._type ?? "use");
      expect({ path, output: types.includes("output") }).toEqual({ path, output: false });
    }
  });
});
