/** Help text of every command, printed by `reit <command> --help`. */
export const COMMANDS: Record<string, { summary: string; usage: string; details: string }> = {
  serve: {
    summary: "serve the mirror over HTTP and sync it in the background (default)",
    usage: "reit serve",
    details: `Opens DATABASE_PATH (creating or upgrading it), starts the sync worker and
serves tRPC on /trpc, REST on /api, /openapi.json, /docs, /live, /ready and
/metrics on HOST:PORT. All settings come from environment variables; see the README.`,
  },
  sync: {
    summary: "run one sync now and exit",
    usage: "reit sync",
    details: `Runs one sync against PLANSO_BASE_URL in this process and exits with 0 when it
succeeded, 2 when some orders failed or PlanSo throttled the run (partial), and 1
when it failed. Like every command, it exits with 78 on invalid configuration and
64 on invalid arguments.`,
  },
  demo: {
    summary: "start a simulated PlanSo tenant and the connector against it",
    usage: "reit demo [--orders N] [--seed N] [--port N] [--database PATH]",
    details: `Starts the PlanSo simulator on a free loopback port with a seeded tenant
(default 300 orders, seed 7), points the connector at it, runs the first sync and
serves on 127.0.0.1:PORT (default 8102). Stops on Ctrl-C.

  --orders N         orders on the simulated board (default 300)
  --seed N           seed of the simulated tenant (default 7)
  --port N           connector port (default PORT or 8102)
  --database PATH    mirror file (default ./reit-demo.db, replaced at start)`,
  },
  simulate: {
    summary: "start only the PlanSo simulator",
    usage: "reit simulate [--port N] [--orders N] [--seed N] [--archived N] [--user NAME:PASSWORD] [--latency demo] [--no-control]",
    details: `Serves a simulated PlanSo backend on 127.0.0.1. Without --user it generates a
password and prints it once.`,
  },
  migrate: {
    summary: "create or upgrade the database and exit",
    usage: "reit migrate",
    details: "Applies the embedded migrations to DATABASE_PATH and prints how many are applied.",
  },
  openapi: {
    summary: "print the OpenAPI 3.1 document",
    usage: "reit openapi",
    details: "Prints the OpenAPI document of the REST API as JSON on stdout.",
  },
  ready: {
    summary: "exit 0 when the server on HOST:PORT is ready, else 1",
    usage: "reit ready [--url http://127.0.0.1:8102]",
    details: `Calls /ready of a running server, for container health checks. Exit code 0 when
it answers 200 within 3 seconds, 1 otherwise.`,
  },
  version: {
    summary: "print the version",
    usage: "reit version",
    details: "Prints the program name and version.",
  },
};

export function generalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `reit: PlanSo connector with a local SQLite mirror, tRPC and REST

Usage: reit [command] [options]

Commands:
${lines.join("\n")}

Run "reit <command> --help" for the options of one command.`;
}

export function commandHelp(name: string): string {
  const command = COMMANDS[name];
  if (!command) return generalHelp();
  return `${command.usage}\n\n${command.summary}.\n\n${command.details}`;
}
