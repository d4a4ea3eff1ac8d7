#!/usr/bin/env bun
/**
 * Entry point and command dispatch. The worker URL is built here because inside a
 * compiled binary only the entry file's `import.meta.url` resolves bundled files.
 */
import { commandHelp, COMMANDS, generalHelp } from "./commands/usage.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { createLogger } from "./log.ts";

const WORKER_URL = new URL("./sync/worker.ts", import.meta.url);

/**
 * Exit codes of sysexits.h for usage and configuration errors, so a scheduler can tell
 * them apart from `reit sync`'s own 1 (failed) and 2 (partial).
 */
const EXIT_USAGE = 64;
const EXIT_CONFIG = 78;

async function main(argv: string[]): Promise<number | undefined> {
  const [first, ...rest] = argv;
  if (first === "--help" || first === "-h" || first === "help") {
    process.stdout.write(`${generalHelp()}\n`);
    return 0;
  }
  if (first === "--version") return main(["version"]);
  const command = first === undefined || first.startsWith("-") ? "serve" : first;
  const args = first === undefined || first.startsWith("-") ? argv : rest;
  if (!(command in COMMANDS)) {
    process.stderr.write(`Unknown command "${command}".\n\n${generalHelp()}\n`);
    return EXIT_USAGE;
  }
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return 0;
  }

  switch (command) {
    case "version": {
      const { runVersion } = await import("./commands/tools.ts");
      return runVersion();
    }
    case "simulate": {
      const { runSimulateCommand } = await import("./simulator/cli.ts");
      await runSimulateCommand(args);
      return undefined;
    }
    case "demo": {
      const { runDemo } = await import("./commands/demo.ts");
      await runDemo(args, WORKER_URL);
      return undefined;
    }
    case "openapi": {
      const { runOpenApi } = await import("./commands/tools.ts");
      return runOpenApi();
    }
  }

  const config: Config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  switch (command) {
    case "serve": {
      requirePlanso(config);
      const { runServe } = await import("./commands/serve.ts");
      await runServe(config, log, WORKER_URL);
      return undefined;
    }
    case "sync": {
      requirePlanso(config);
      const { runSyncCommand } = await import("./sync/cli.ts");
      return runSyncCommand(config, log);
    }
    case "migrate": {
      const { runMigrate } = await import("./commands/tools.ts");
      return runMigrate(config);
    }
    case "ready": {
      const { runReady } = await import("./commands/tools.ts");
      return runReady(config, args);
    }
  }
  return EXIT_USAGE;
}

function requirePlanso(config: Config): void {
  const missing = [
    ["PLANSO_BASE_URL", config.planso.baseUrl],
    ["PLANSO_USERNAME", config.planso.username],
    ["PLANSO_PASSWORD", config.planso.password],
  ]
    .filter(([, value]) => value === "")
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((name) => `${name} is missing: set it to reach PlanSo (or run "reit demo" to try reit against a simulator)`),
    );
  }
}

try {
  const code = await main(process.argv.slice(2));
  // exitCode instead of exit(): exit() can cut off a large write to a pipe (`reit openapi | jq`).
  if (code !== undefined) process.exitCode = code;
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_CONFIG);
  }
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`${error.message}\nRun "reit --help" for usage.\n`);
    process.exit(EXIT_USAGE);
  }
  process.stderr.write(`reit failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
