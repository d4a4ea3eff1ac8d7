import { expect, test } from "bun:test";

import { PlansoError } from "../../src/planso/errors.ts";
import { fromErrorPayload } from "../../src/sync/handle.ts";
import { toErrorPayload } from "../../src/sync/host.ts";
import { parseCommand, parseEvent } from "../../src/sync/messages.ts";

test("commands are validated on receipt", () => {
  expect(parseCommand({ type: "trigger", requestId: "r1", options: { with_parts: false, order_ids: ["17"] } })).toEqual({
    type: "trigger",
    requestId: "r1",
    options: { with_parts: false, order_ids: ["17"] },
  });
  expect(parseCommand({ type: "write", requestId: "r2", payload: { op: "update", id: "17" } }).type).toBe("write");
  expect(() => parseCommand({ type: "trigger", requestId: "r1", options: { order_ids: [17] } })).toThrow("Invalid sync command");
  expect(() => parseCommand({ type: "reboot" })).toThrow("Invalid sync command");
  expect(() => parseCommand({ type: "login" })).toThrow("Invalid sync command");
});

test("events are validated on receipt", () => {
  expect(parseEvent({ type: "progress", runId: 3, done: 10, total: 150 })).toEqual({ type: "progress", runId: 3, done: 10, total: 150 });
  expect(() => parseEvent({ type: "progress", runId: "3", done: 10, total: 150 })).toThrow("Invalid sync event");
});

test("a PlanSo failure crosses the thread boundary with its kind", () => {
  const original = new PlansoError("rejected", "Pflichtfeld fehlt: Kennzeichen", { fieldErrors: { Kennzeichen: "leer" } });
  const payload = toErrorPayload(original);
  const rebuilt = fromErrorPayload(payload);
  expect(rebuilt).toBeInstanceOf(PlansoError);
  expect([(rebuilt as PlansoError).kind, rebuilt.message, (rebuilt as PlansoError).details]).toEqual([
    "rejected",
    "Pflichtfeld fehlt: Kennzeichen",
    { fieldErrors: { Kennzeichen: "leer" } },
  ]);
  const plain = fromErrorPayload(toErrorPayload(new Error("writes are not implemented yet")));
  expect([plain instanceof PlansoError, plain.message]).toEqual([false, "writes are not implemented yet"]);
});
