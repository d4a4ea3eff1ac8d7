/**
 * A simulator on loopback with a real PlanSo client pointed at it, and a comparison
 * of the mirror against the simulator's ground truth.
 */
import { expect } from "bun:test";
import { asc, eq } from "drizzle-orm";

import type { Db } from "../../../src/db/connection.ts";
import { rowToOrder, rowToPart } from "../../../src/db/order-row.ts";
import { orders, parts } from "../../../src/db/schema.ts";
import { silentLogger } from "../../../src/log.ts";
import { createPlansoClient, type PlansoClient, type PlansoClientOptions } from "../../../src/planso/client.ts";
import { DEFAULT_LABEL_RULES } from "../../../src/planso/labels.ts";
import type { UpstreamOrder } from "../../../src/planso/types.ts";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../../src/simulator/index.ts";

export const USER = { username: "werkstatt", password: "nur-für-tests-7" };

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ seed: 11, orders: 150, archived: 10, users: [USER], logger: silentLogger, ...options });
}

export function clientFor(sim: RunningSimulator, options: Partial<PlansoClientOptions> = {}): PlansoClient {
  return createPlansoClient({
    baseUrl: sim.url,
    username: USER.username,
    password: USER.password,
    formTableId: "12565",
    labelRules: [...DEFAULT_LABEL_RULES],
    concurrency: 4,
    maxRequestsPerSecond: 1000,
    timeoutMs: 5000,
    maxRetries: 3,
    writesEnabled: true,
    log: silentLogger,
    ...options,
  });
}

/** Reads a stored order back in the client's record shape, parts in table order. */
export function storedOrder(db: Db, id: string): UpstreamOrder | null {
  const row = db.select().from(orders).where(eq(orders.id, Number(id))).get();
  if (!row) return null;
  const partRows = db.select().from(parts).where(eq(parts.orderId, row.id)).orderBy(asc(parts.position)).all();
  const order = rowToOrder(row, partRows);
  const { on_board, version, first_seen_at, updated_at, last_synced_at, deleted_at, parts_summary, ...rest } = order;
  return {
    ...rest,
    parts: partRows.map(rowToPart).map(({ id: _id, order_id, position, ...part }) => part),
  };
}

/** Asserts that every order on the simulator's board is stored exactly as its truth, on the board. */
export function expectMirrorEqualsSimulator(db: Db, sim: RunningSimulator): void {
  const control = sim.simulator.control;
  const ids = control.orderIds();
  for (const id of ids) {
    const truth = control.truthOrder(id, { withParts: true });
    expect({ id, order: storedOrder(db, id) }).toEqual({ id, order: truth });
  }
  const onBoard = db.select({ id: orders.id }).from(orders).where(eq(orders.onBoard, true)).all().map((row) => String(row.id));
  expect(onBoard.sort()).toEqual([...ids].sort());
}

/** Truth of every current order, to find out afterwards which orders a change touched. */
export function truthSnapshot(sim: RunningSimulator): Map<string, string> {
  const control = sim.simulator.control;
  return new Map(control.orderIds().map((id) => [id, JSON.stringify(control.truthOrder(id, { withParts: true }))]));
}
