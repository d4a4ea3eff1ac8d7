/** The PlanSo client the sync side uses, built from the validated configuration. */
import { resolveWritesEnabled, type Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { createPlansoClient, type PlansoClient } from "../planso/client.ts";

export function clientFromConfig(config: Config, log: Logger): PlansoClient {
  return createPlansoClient({
    baseUrl: config.planso.baseUrl,
    username: config.planso.username,
    password: config.planso.password,
    formTableId: config.planso.formTableId,
    labelRules: config.planso.labelRules,
    concurrency: config.planso.concurrency,
    maxRequestsPerSecond: config.planso.maxRequestsPerSecond,
    timeoutMs: config.planso.timeoutMs,
    maxRetries: config.planso.maxRetries,
    writesEnabled: resolveWritesEnabled(config),
    log,
  });
}
