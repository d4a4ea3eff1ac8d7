/**
 * The engine against the simulator over loopback: real client, real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { asc, gt, sql } from "drizzle-orm";

import { changes, orders, parts } from "../../src/db/schema.ts";
import { silentLogger } from "../../src/log.ts";
import type { RunningSimulator } from "../../src/simulator/index.ts";
import { createInProcessSync, type InProcessSync } from "../../src/sync/in-process.ts";
import { clientFor, expectMirrorEqualsSimulator, startTestSimulator, storedOrder, truthSnapshot } from "./support/simulated.ts";
import { tempMirror, testConfig, type TempMirror } from "./support/setup.ts";

describe("sync against the simulator", () => {
  let sim: RunningSimulator;
  let mirror: TempMirror;
  let sync: InProcessSync;

  beforeAll(async () => {
    sim = await startTestSimulator();
    mirror = tempMirror();
    sync = createInProcessSync({
      db: mirror.db,
      client: clientFor(sim),
      config: testConfig({ PLANSO_BASE_URL: sim.url, PLANSO_CONCURRENCY: "4" }),
      log: silentLogger,
      schedule: false,
    });
  });

  afterAll(async () => {
    await sync.stop({ deadlineMs: 2000 });
    mirror.cleanup();
    await sim.stop();
  });

  const versionSum = () => mirror.db.select({ n: sql<number>`sum(version)` }).from(orders).get()!.n;
  const changeCount = () => mirror.db.select({ n: sql<number>`count(*)` }).from(changes).get()!.n;

  test("first sync makes the mirror equal the simulator", async () => {
    const summary = await sync.runOnce({ with_parts: true });
    expect(summary.status).toBe("succeeded");
    expect(summary.counts.added).toBe(150);
    expect(summary.counts.failed).toBe(0);
    // One board call, then form and parts per order; the login is two more.
    expect(summary.counts.requests).toBe(2 + 1 + 150 * 2);
    expectMirrorEqualsSimulator(mirror.db, sim);
    const partTotal = sim.simulator.control.orderIds().reduce((n, id) => n + sim.simulator.control.truthOrder(id, { withParts: true }).parts!.length, 0);
    expect(summary.counts.parts_written).toBe(partTotal);
    expect(changeCount()).toBe(150);
  });

  test("second sync without upstream changes writes nothing", async () => {
    const versions = versionSum();
    const before = changeCount();
    const summary = await sync.runOnce({ with_parts: true });
    expect(summary.status).toBe("succeeded");
    expect([summary.rowsWritten, summary.counts.unchanged, summary.counts.parts_written]).toEqual([0, 150, 0]);
    expect(changeCount()).toBe(before);
    expect(versionSum()).toBe(versions);
  });

  test("upstream edits are synced and logged exactly", async () => {
    const control = sim.simulator.control;
    const ids = control.orderIds();
    const [edited, moved, archived, deleted] = [ids[3]!, ids[20]!, ids[40]!, ids[60]!];
    const delivery = ids.find((id) => control.truthOrder(id, { withParts: true }).parts!.some((p) => p.status_code === "1"))!;
    const before = truthSnapshot(sim);
    const storedArchived = storedOrder(mirror.db, archived);
    const storedDeleted = storedOrder(mirror.db, deleted);
    const lastChange = mirror.db.select({ n: sql<number>`max(id)` }).from(changes).get()!.n;

    control.editOrder(edited, { Fahrername: "Jürgen Weiß-Öztürk" });
    control.moveOrder(moved, { station: 6, state: "active", position: 1 });
    control.archiveOrder(archived, true);
    const ordered = control.truthOrder(delivery, { withParts: true }).parts!.find((p) => p.status_code === "1")!;
    control.editPart(delivery, ordered.row_id, { status: "2" });
    control.deleteOrder(deleted);

    const summary = await sync.runOnce({ with_parts: true });
    expect(summary.status).toBe("succeeded");
    expectMirrorEqualsSimulator(mirror.db, sim);
    expect(storedOrder(mirror.db, archived)).toEqual(storedArchived);
    expect(storedOrder(mirror.db, deleted)).toEqual(storedDeleted);

    // Every order whose truth changed has exactly one change row; no other order has one.
    const after = truthSnapshot(sim);
    const touched = [...after].filter(([id, truth]) => before.get(id) !== truth).map(([id]) => Number(id));
    const logged = mirror.db.select().from(changes).where(gt(changes.id, lastChange)).orderBy(asc(changes.id)).all();
    const updated = logged.filter((c) => c.kind === "updated").map((c) => c.orderId);
    expect(updated.sort((a, b) => a - b)).toEqual(touched.sort((a, b) => a - b));
    expect(logged.filter((c) => c.kind !== "updated").map((c) => [c.orderId, c.kind, c.changedFields])).toEqual(
      [
        [Number(archived), "left_board", ["on_board"]],
        [Number(deleted), "left_board", ["on_board"]],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(logged.every((c) => c.source === "sync" && c.runId === summary.runId)).toBe(true);

    const byOrder = new Map(logged.map((c) => [String(c.orderId), c.changedFields]));
    expect(byOrder.get(edited)).toEqual(["fields", "person"]);
    expect(byOrder.get(moved)).toContain("station_id");
    expect(byOrder.get(delivery)).toContain("parts");
    expect(summary.counts.left_board).toBe(2);
    expect(summary.counts.updated).toBe(touched.length);
  });

  test("part rows stay unique per order and row id", () => {
    const duplicates = mirror.db
      .select({ n: sql<number>`count(*)` })
      .from(parts)
      .groupBy(parts.orderId, parts.rowId)
      .having(sql`count(*) > 1`)
      .all();
    expect(duplicates).toEqual([]);
  });
});
