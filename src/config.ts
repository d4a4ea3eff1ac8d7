/**
 * Configuration, the only reader of `process.env`. Every setting is parsed once with
 * zod. An invalid value stops startup with one line per problem that names the
 * variable, the value and what is allowed. Secret values are shown as `(hidden)`.
 */
import { z } from "zod";

import { DEFAULT_LABEL_RULES, type LabelRule } from "./planso/labels.ts";

const SECRET_VARIABLES = new Set(["PLANSO_PASSWORD", "API_KEYS"]);

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1" || value === "yes");

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .default(String(fallback))
    .transform((value, ctx) => {
      const parsed = Number(value);
      if (!/^\d+$/.test(value.trim()) || parsed < min || parsed > max) {
        ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return parsed;
    });

const clockTime = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), "must be a time HH:MM, for example 07:00");

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** `mon,tue,wed` or `mon-fri` → ISO weekday numbers (Monday 1 … Sunday 7). */
const weekdays = z
  .string()
  .default("mon-fri")
  .transform((value, ctx) => {
    const days = new Set<number>();
    for (const part of value.toLowerCase().split(",").map((p) => p.trim()).filter(Boolean)) {
      const [from, to] = part.split("-") as [string, string | undefined];
      const start = WEEKDAYS.indexOf(from as (typeof WEEKDAYS)[number]);
      const end = to === undefined ? start : WEEKDAYS.indexOf(to as (typeof WEEKDAYS)[number]);
      if (start < 0 || end < 0 || end < start) {
        ctx.addIssue({ code: "custom", message: "must list weekdays like mon-fri or mon,tue,sat" });
        return z.NEVER;
      }
      for (let day = start; day <= end; day++) days.add(day + 1);
    }
    return [...days].sort();
  });

const timeZone = z
  .string()
  .default("Europe/Berlin")
  .refine((value) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as Europe/Berlin");

export type ApiScope = "read" | "write" | "admin";
export interface ApiKey {
  /** Short id for logs and idempotency: the key's name, never the secret. */
  id: string;
  secret: string;
  scope: ApiScope;
}

/** `name:scope:secret` entries separated by commas, e.g. `crm:read:3f9…,ops:admin:77a…`. */
const apiKeys = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const keys: ApiKey[] = [];
    for (const entry of value.split(",").map((e) => e.trim()).filter(Boolean)) {
      const [id, scope, ...rest] = entry.split(":");
      const secret = rest.join(":");
      if (!id || !["read", "write", "admin"].includes(scope ?? "") || secret.length < 16) {
        ctx.addIssue({
          code: "custom",
          message: "each entry must be name:scope:secret with scope read, write or admin and a secret of at least 16 characters",
        });
        return z.NEVER;
      }
      keys.push({ id, scope: scope as ApiScope, secret });
    }
    return keys;
  });

const labelOverrides = z
  .string()
  .default("")
  .transform((value, ctx) => {
    if (value.trim() === "") return {} as Record<string, string[]>;
    try {
      const parsed = z.record(z.string(), z.array(z.string()).min(1)).parse(JSON.parse(value));
      return parsed;
    } catch {
      ctx.addIssue({
        code: "custom",
        message: 'must be a JSON object of field → labels, e.g. {"person":["Kunde","Halter"]}',
      });
      return z.NEVER;
    }
  });

const EnvSchema = z.object({
  PORT: int(8102, 0, 65535),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1, "must not be empty").default("./reit.db"),
  PLANSO_BASE_URL: z
    .string()
    .default("")
    .refine((value) => value === "" || /^https?:\/\/[^\s/]+/.test(value), "must be an http(s) URL such as https://beispiel.planso.de"),
  PLANSO_USERNAME: z.string().default(""),
  PLANSO_PASSWORD: z.string().default(""),
  PLANSO_FORM_TABLE_ID: z.string().default("12565").refine((v) => /^\d+$/.test(v), "must be a number such as 12565"),
  PLANSO_LABELS: labelOverrides,
  PLANSO_CONCURRENCY: int(2, 1, 32),
  PLANSO_MAX_REQUESTS_PER_SECOND: int(10, 1, 1000),
  PLANSO_TIMEOUT_MS: int(30000, 100, 600000),
  PLANSO_MAX_RETRIES: int(3, 0, 10),
  PLANSO_WRITES_ENABLED: z.enum(["auto", "true", "false"], { error: "must be auto, true or false" }).default("auto"),
  AUTO_SYNC_ENABLED: bool(true),
  SYNC_ON_STARTUP: bool(true),
  SYNC_INTERVAL_SECONDS: int(3600, 60, 7 * 24 * 3600),
  SYNC_WITH_PARTS: bool(true),
  SYNC_WITH_EXTENDED_DATA: bool(false),
  SYNC_BUSINESS_HOURS_ENABLED: bool(true),
  SYNC_BUSINESS_HOURS_START: clockTime("07:00"),
  SYNC_BUSINESS_HOURS_END: clockTime("19:00"),
  SYNC_BUSINESS_DAYS: weekdays,
  SYNC_TIME_ZONE: timeZone,
  API_KEYS: apiKeys,
  ALLOW_UNAUTHENTICATED: bool(false),
  MAX_BODY_BYTES: int(1_048_576, 1024, 64 * 1_048_576),
  SHUTDOWN_TIMEOUT_MS: int(10000, 100, 120000),
  WRITE_TIMEOUT_MS: int(60000, 1000, 600000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"], { error: "must be debug, info, warn, error or silent" }).default("info"),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  planso: {
    baseUrl: string;
    username: string;
    password: string;
    formTableId: string;
    labelRules: LabelRule[];
    concurrency: number;
    maxRequestsPerSecond: number;
    timeoutMs: number;
    maxRetries: number;
    /** Writes use an assumed upstream contract; see `resolveWritesEnabled`. */
    writesEnabled: "auto" | boolean;
  };
  sync: {
    autoEnabled: boolean;
    onStartup: boolean;
    intervalSeconds: number;
    withParts: boolean;
    withExtended: boolean;
    businessHours: { enabled: boolean; start: string; end: string; days: number[]; timeZone: string };
  };
  apiKeys: ApiKey[];
  allowUnauthenticated: boolean;
  maxBodyBytes: number;
  shutdownTimeoutMs: number;
  writeTimeoutMs: number;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

/** Parses configuration from an environment map (`process.env` unless given). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [key, env[key] === "" && key !== "PLANSO_BASE_URL" ? undefined : env[key]]),
  );
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = String(issue.path[0]);
      const shown = SECRET_VARIABLES.has(variable) ? "(hidden)" : JSON.stringify(env[variable]);
      return `${variable}=${shown}: ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    planso: {
      baseUrl: e.PLANSO_BASE_URL.replace(/\/+$/, ""),
      username: e.PLANSO_USERNAME,
      password: e.PLANSO_PASSWORD,
      formTableId: e.PLANSO_FORM_TABLE_ID,
      labelRules: applyLabelOverrides(e.PLANSO_LABELS),
      concurrency: e.PLANSO_CONCURRENCY,
      maxRequestsPerSecond: e.PLANSO_MAX_REQUESTS_PER_SECOND,
      timeoutMs: e.PLANSO_TIMEOUT_MS,
      maxRetries: e.PLANSO_MAX_RETRIES,
      writesEnabled: e.PLANSO_WRITES_ENABLED === "auto" ? "auto" : e.PLANSO_WRITES_ENABLED === "true",
    },
    sync: {
      autoEnabled: e.AUTO_SYNC_ENABLED,
      onStartup: e.SYNC_ON_STARTUP,
      intervalSeconds: e.SYNC_INTERVAL_SECONDS,
      withParts: e.SYNC_WITH_PARTS,
      withExtended: e.SYNC_WITH_EXTENDED_DATA,
      businessHours: {
        enabled: e.SYNC_BUSINESS_HOURS_ENABLED,
        start: e.SYNC_BUSINESS_HOURS_START,
        end: e.SYNC_BUSINESS_HOURS_END,
        days: e.SYNC_BUSINESS_DAYS,
        timeZone: e.SYNC_TIME_ZONE,
      },
    },
    apiKeys: e.API_KEYS,
    allowUnauthenticated: e.ALLOW_UNAUTHENTICATED,
    maxBodyBytes: e.MAX_BODY_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    writeTimeoutMs: e.WRITE_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
  };
}

function applyLabelOverrides(overrides: Record<string, string[]>): LabelRule[] {
  return DEFAULT_LABEL_RULES.map((rule) => {
    const labels = overrides[rule.field];
    return labels ? { ...rule, labels } : { ...rule };
  });
}

/**
 * Whether writes go upstream. `auto` enables them only for a simulator (a loopback
 * base URL), because the upstream write protocol is an assumption that has not been
 * checked against a real tenant yet.
 */
export function resolveWritesEnabled(config: Config): boolean {
  if (config.planso.writesEnabled !== "auto") return config.planso.writesEnabled;
  try {
    const host = new URL(config.planso.baseUrl).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  } catch {
    return false;
  }
}
