/**
 * A write while a sync run is in progress: the run read the order before the write
 * and stores it after, so without the write tracker it would put the older state
 * back. Reads of one order are held at a gate to make the interleaving exact.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { eq } from "drizzle-orm";

import { changes, syncRuns } from "../../src/db/schema.ts";
import type { PlansoApi } from "../../src/planso/types.ts";
import { storedOrder } from "../sync/support/simulated.ts";
import { rest, startWriteHarness, type WriteHarness } from "./support/harness.ts";

interface Hold {
  orderId: string;
  reached: Promise<void>;
  release(): void;
}

let h: WriteHarness;
let ids: string[];
let armed: { orderId: string; reached: () => void; released: Promise<void> } | null = null;

/** Holds the next read of `orderId`, after PlanSo returned it, until `release`. */
function holdNextRead(orderId: string): Hold {
  let reached!: () => void;
  let release!: () => void;
  const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  armed = { orderId, reached, released };
  return { orderId, reached: reachedPromise, release };
}

function gated(client: PlansoApi): PlansoApi {
  return {
    ...client,
    async readOrder(id, options) {
      const order = await client.readOrder(id, options);
      const gate = armed;
      if (gate !== null && gate.orderId === id) {
        armed = null;
        gate.reached();
        await gate.released;
      }
      return order;
    },
  };
}

beforeAll(async () => {
  h = await startWriteHarness({ wrapClient: gated });
  ids = h.sim.simulator.control.orderIds();
});

afterAll(async () => {
  await h.stop();
});

function changesOf(orderId: string, afterId: number) {
  return h.db
    .select()
    .from(changes)
    .where(eq(changes.orderId, Number(orderId)))
    .all()
    .filter((row) => row.id > afterId)
    .map((row) => [row.kind, row.source]);
}

const lastChangeId = () => h.db.select().from(changes).all().at(-1)?.id ?? 0;

async function runWhileHeld(hold: Hold, write: () => Promise<void>) {
  const run = await h.sync.trigger({ with_parts: true });
  await hold.reached;
  await write();
  hold.release();
  await h.sync.waitForRun(run.run_id, 10_000);
  return h.db.select().from(syncRuns).where(eq(syncRuns.id, run.run_id)).get()!;
}

test("update during run is kept", async () => {
  const id = ids[10]!;
  const since = lastChangeId();
  const hold = holdNextRead(id);
  const run = await runWhileHeld(hold, async () => {
    const reply = await rest(h.url, "PUT", `/orders/${id}`, { person: "Nach dem Lesen", remarks: "während der Synchronisation" });
    expect(reply.status).toBe(200);
  });
  expect(run.status).toBe("succeeded");

  const truth = h.sim.simulator.control.truthOrder(id, { withParts: true });
  expect(truth.person).toBe("Nach dem Lesen");
  expect(storedOrder(h.db, id)).toEqual(truth);
  expect(changesOf(id, since)).toEqual([["updated", "api"]]);
});

test("create during run stays on board", async () => {
  const since = lastChangeId();
  const hold = holdNextRead(ids[11]!);
  let created = "";
  const run = await runWhileHeld(hold, async () => {
    const reply = await rest(h.url, "POST", "/orders", { vehicle_details: { number_plate: "HH-SY 12" }, person: "Neu im Lauf" });
    expect(reply.status).toBe(201);
    created = reply.body.order_id;
  });
  expect(run.status).toBe("succeeded");
  expect(run.leftBoard).toBe(0);

  const got = await rest(h.url, "GET", `/orders/${created}`);
  expect(got.body.order.on_board).toBe(true);
  expect(changesOf(created, since)).toEqual([["created", "api"]]);
});

test("delete during run stays deleted", async () => {
  const id = ids[12]!;
  const since = lastChangeId();
  const hold = holdNextRead(id);
  let deletedAt: string | null = null;
  await runWhileHeld(hold, async () => {
    const reply = await rest(h.url, "DELETE", `/orders/${id}`);
    expect(reply.status).toBe(200);
    deletedAt = reply.body.order.deleted_at;
  });

  const got = await rest(h.url, "GET", `/orders/${id}`);
  expect(got.body.order.deleted_at).toBe(deletedAt!);
  expect(got.body.order.on_board).toBe(false);
  expect(changesOf(id, since)).toEqual([["deleted", "api"]]);
});

test("updates during slow run are kept", async () => {
  h.sim.simulator.control.configure({ latency: { medianMs: 15, p95Ms: 30 } });
  try {
    const run = await h.sync.trigger({ with_parts: true });
    const targets = [ids[1]!, ids[5]!, ids[20]!, ids[29]!];
    for (const [index, id] of targets.entries()) {
      const reply = await rest(h.url, "PUT", `/orders/${id}`, { remarks: `Änderung ${index + 1} im langsamen Lauf` });
      expect(reply.status).toBe(200);
    }
    expect(h.sync.state().current_run_id).toBe(run.run_id);
    await h.sync.waitForRun(run.run_id, 20_000);
    for (const [index, id] of targets.entries()) {
      expect(storedOrder(h.db, id)!.details.remarks).toBe(`Änderung ${index + 1} im langsamen Lauf`);
      expect(storedOrder(h.db, id)).toEqual(h.sim.simulator.control.truthOrder(id, { withParts: true }));
    }
  } finally {
    h.sim.simulator.control.configure({ latency: "off" });
  }
});
