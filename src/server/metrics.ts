/**
 * Prometheus metrics at `/metrics`. HTTP figures are counted as requests finish.
 * Mirror and sync figures are read from SQLite at scrape time, so they survive
 * restarts and need no bookkeeping in the worker. Upstream figures come from the
 * sync worker's latest state event.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

import type { Db } from "../db/connection.ts";

export interface UpstreamModuleStats {
  requests: number;
  errors: number;
}

export interface MetricsDeps {
  db: Db;
  /** Requests and errors per PlanSo module since the worker started. */
  upstreamStats: () => Record<string, UpstreamModuleStats>;
}

export interface Metrics {
  registry: Registry;
  observeRequest(route: string, method: string, status: number, durationSeconds: number): void;
  render(): Promise<string>;
  contentType: string;
}

export function createMetrics(deps: MetricsDeps): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "reit_" });

  const requests = new Counter({
    name: "reit_http_requests_total",
    help: "HTTP requests by route template, method and status.",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "reit_http_request_duration_seconds",
    help: "HTTP request latency in seconds by route template and method.",
    labelNames: ["route", "method"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const sqlite = deps.db.$client;
  const runsByStatus = sqlite.query<{ status: string; n: number }, []>(
    "SELECT status, count(*) AS n FROM sync_runs GROUP BY status",
  );
  const lastSuccess = sqlite.query<{ at: string | null }, []>(
    "SELECT max(finished_at) AS at FROM sync_runs WHERE status = 'succeeded'",
  );
  const orderCounts = sqlite.query<{ on_board: number; deleted: number; n: number }, []>(
    "SELECT on_board, deleted_at IS NOT NULL AS deleted, count(*) AS n FROM orders GROUP BY 1, 2",
  );
  const partCount = sqlite.query<{ n: number }, []>("SELECT count(*) AS n FROM parts");

  new Gauge({
    name: "reit_sync_runs",
    help: "Sync runs recorded in the mirror, by final status.",
    labelNames: ["status"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const row of runsByStatus.all()) this.set({ status: row.status }, row.n);
    },
  });
  new Gauge({
    name: "reit_sync_last_success_timestamp_seconds",
    help: "Unix time when the last successful sync run finished; 0 if none has.",
    registers: [registry],
    collect() {
      const at = lastSuccess.get()?.at;
      this.set(at ? Date.parse(at) / 1000 : 0);
    },
  });
  new Gauge({
    name: "reit_mirror_orders",
    help: "Orders in the mirror, by board presence and tombstone.",
    labelNames: ["on_board", "deleted"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const row of orderCounts.all()) {
        this.set({ on_board: String(Boolean(row.on_board)), deleted: String(Boolean(row.deleted)) }, row.n);
      }
    },
  });
  new Gauge({
    name: "reit_mirror_parts",
    help: "Parts rows in the mirror.",
    registers: [registry],
    collect() {
      this.set(partCount.get()?.n ?? 0);
    },
  });
  new Gauge({
    name: "reit_upstream_requests",
    help: "PlanSo requests by module since the sync worker started.",
    labelNames: ["module"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [module, stats] of Object.entries(deps.upstreamStats())) this.set({ module }, stats.requests);
    },
  });
  new Gauge({
    name: "reit_upstream_errors",
    help: "Failed PlanSo requests (after the response or timeout) by module since the sync worker started.",
    labelNames: ["module"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [module, stats] of Object.entries(deps.upstreamStats())) this.set({ module }, stats.errors);
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    observeRequest(route, method, status, durationSeconds) {
      requests.inc({ route, method, status: String(status) });
      duration.observe({ route, method }, durationSeconds);
    },
    render: () => registry.metrics(),
  };
}
