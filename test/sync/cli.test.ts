import { afterEach, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { openDb } from "../../src/db/connection.ts";
import { syncRuns } from "../../src/db/schema.ts";
import { silentLogger } from "../../src/log.ts";
import { runSyncCommand } from "../../src/sync/cli.ts";
import { makeOrder } from "../support/make-order.ts";
import { createFakePlanso } from "./support/fake-planso.ts";
import { testConfig } from "./support/setup.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "reit-cli-"));
  dirs.push(dir);
  const config = testConfig({ DATABASE_PATH: join(dir, "neu.db") });
  const planso = createFakePlanso([makeOrder({ id: "1", person: "Ümit Gül", parts: [] }), makeOrder({ id: "2", parts: [] })]);
  const printed: string[] = [];
  return { config, planso, printed, print: (text: string) => printed.push(text) };
}

test("reit sync creates the database, syncs and exits 0", async () => {
  const { config, planso, printed, print } = setup();
  expect(await runSyncCommand(config, silentLogger, { client: planso, print })).toBe(0);
  expect(printed).toEqual([
    "sync run 1 succeeded: 2 orders seen, 2 added, 0 updated, 0 unchanged, 0 left the board, 0 returned, 0 failed; 0 part rows written, 7 PlanSo requests",
  ]);
  const db = openDb(config.databasePath, { readonly: true });
  expect(db.select().from(syncRuns).all().map((run) => [run.trigger, run.status])).toEqual([["cli", "succeeded"]]);
  db.$client.close();
});

test("a partial run exits 2 and names the failed order", async () => {
  const { config, planso, printed, print } = setup();
  planso.failReads.set("2", "parse_error");
  expect(await runSyncCommand(config, silentLogger, { client: planso, print })).toBe(2);
  expect(printed[0]!.split("\n").slice(1)).toEqual([
    "  1 orders failed; they keep their last data and are retried next run",
    "  order 2: parse_error: order 2: parse_error",
  ]);
});

test("a failed run exits 1 with the reason", async () => {
  const { config, planso, printed, print } = setup();
  planso.failLogin = true;
  expect(await runSyncCommand(config, silentLogger, { client: planso, print })).toBe(1);
  expect(printed[0]!.split("\n")[1]).toBe("  login failed: login_failed: PlanSo showed the login form again");
});
