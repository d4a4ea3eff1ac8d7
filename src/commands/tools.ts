/** The small commands: `migrate`, `openapi`, `ready` and `version`. */
import { parseArgs } from "node:util";

import packageJson from "../../package.json";
import type { Config } from "../config.ts";
import { appliedMigrationCount, migrateDb, openDb } from "../db/connection.ts";
import { appRouter } from "../api/router.ts";
import { buildOpenApiDocument } from "../server/openapi.ts";

export const VERSION: string = packageJson.version;

export function runMigrate(config: Config): number {
  const db = openDb(config.databasePath);
  try {
    migrateDb(db);
    process.stdout.write(`${config.databasePath}: ${appliedMigrationCount(db)} migrations applied\n`);
    return 0;
  } finally {
    db.$client.close();
  }
}

export function runOpenApi(): number {
  process.stdout.write(`${JSON.stringify(buildOpenApiDocument(appRouter), null, 2)}\n`);
  return 0;
}

/**
 * Calls `/ready` of the server described by HOST and PORT (or `--url`). A server that
 * listens on all interfaces is asked on loopback.
 */
export async function runReady(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { url: { type: "string" } }, strict: true });
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  const base = values.url ?? `http://${host.includes(":") ? `[${host}]` : host}:${config.port}`;
  try {
    const response = await fetch(`${base.replace(/\/+$/, "")}/ready`, { signal: AbortSignal.timeout(3000) });
    const body = await response.text();
    process.stdout.write(`${response.status} ${body}\n`);
    return response.status === 200 ? 0 : 1;
  } catch (error) {
    process.stdout.write(`${base}/ready failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

export function runVersion(): number {
  process.stdout.write(`reit ${VERSION} (Bun ${Bun.version})\n`);
  return 0;
}
