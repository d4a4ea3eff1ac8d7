/**
 * `reit sync`: migrate the mirror, run one sync on this thread, print a summary line
 * and exit. Exit codes: 0 succeeded, 2 partial (stored, but some orders failed or
 * PlanSo throttled the run), 1 failed or interrupted. Runs left `running` by a
 * stopped process are marked interrupted first.
 *
 * NOTE: a server syncing the same file at that moment has its run marked interrupted
 * too. That run still finishes and then stores its real status.
 */
import type { Config } from "../config.ts";
import { migrateDb, openDb } from "../db/connection.ts";
import type { Logger } from "../log.ts";
import type { PlansoApi } from "../planso/types.ts";
import { clientFromConfig } from "./client-from-config.ts";
import type { RunSummary } from "./engine.ts";
import { createInProcessSync } from "./in-process.ts";

export const EXIT_CODE: Record<RunSummary["status"], number> = { succeeded: 0, partial: 2, failed: 1, interrupted: 1 };

export function formatSummary(summary: RunSummary): string {
  const c = summary.counts;
  const line =
    `sync run ${summary.runId} ${summary.status}: ${c.seen} orders seen, ${c.added} added, ${c.updated} updated, ` +
    `${c.unchanged} unchanged, ${c.left_board} left the board, ${c.returned_to_board} returned, ${c.failed} failed; ` +
    `${c.parts_written} part rows written, ${c.requests} PlanSo requests`;
  const failed = Object.entries(summary.failedOrders).map(([id, why]) => `\n  order ${id}: ${why}`).join("");
  return summary.error ? `${line}\n  ${summary.error}${failed}` : `${line}${failed}`;
}

export interface SyncCommandDeps {
  /** The PlanSo client; built from the configuration when absent. */
  client?: PlansoApi;
  /** Output for the summary; stdout when absent. */
  print?: (text: string) => void;
}

export async function runSyncCommand(config: Config, log: Logger, deps: SyncCommandDeps = {}): Promise<number> {
  const print = deps.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const db = openDb(config.databasePath);
  try {
    migrateDb(db);
    const client = deps.client ?? clientFromConfig(config, log);
    const sync = createInProcessSync({ db, client, config, log, schedule: false });
    const summary = await sync.runOnce({ trigger: "cli" });
    await sync.stop();
    await client.logout().catch((error: unknown) => log.warn("planso_logout_failed", { error }));
    print(formatSummary(summary));
    return EXIT_CODE[summary.status];
  } finally {
    db.$client.close();
  }
}
