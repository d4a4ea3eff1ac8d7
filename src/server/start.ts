/** Starts an app on a host and port (0 picks a free one) and returns its URL and a stop function. */
import type { App } from "./app.ts";

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8102` */
  url: string;
  port: number;
  /** Stops accepting connections; open requests finish unless `force`. */
  stop(force?: boolean): Promise<void>;
}

export function startServer(options: { app: App; host: string; port: number }): RunningServer {
  // Elysia turns on Bun's development mode unless NODE_ENV=production. That mode is
  // for error pages while coding, and it cost about 10 % of throughput in the query benchmark.
  const server = options.app.listen({ hostname: options.host, port: options.port, development: false }).server;
  if (server === null) throw new Error(`Server did not start on ${options.host}:${options.port}`);
  const host = options.host.includes(":") && !options.host.startsWith("[") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${server.port}`,
    port: server.port ?? options.port,
    stop: async (force = false) => {
      await options.app.stop(force);
    },
  };
}
