/**
 * Simulator configuration: quirk switches, session lifetime, latency, error rates,
 * rate limits and maintenance windows. Everything can be set at start and changed
 * later through the control surface, which deep-merges a partial configuration.
 */

/**
 * A quirk that affects a seeded share of values: `false` is off, `true` is on at its
 * default rate, a number in (0, 1] is on at that rate.
 */
export type RateQuirk = boolean | number;

export interface Quirks {
  /** The board object carries `"execution_time": <float>`. */
  executionTimeKey: boolean;
  /** `ID`, `employeeID` and `theorder` are digit strings; off sends integers. */
  stringIds: boolean;
  /** The board is a JSON array instead of an object keyed `"0"`, `"1"`, …. */
  boardAsArray: boolean;
  /** JSON bodies are sent with `Content-Type: text/html`. */
  jsonAsTextHtml: boolean;
  /** Umlauts and `&` in values are written as named entities (`&uuml;`, `&amp;`). */
  entityEscapedValues: boolean;
  /** Some values are escaped twice (`&amp;uuml;`). Default rate 2 %. */
  doubleEscapedValues: RateQuirk;
  /** Some text values arrive as UTF-8 read as Latin-1 (`MÃ¼ller`). Default rate 1 %. */
  mojibake: RateQuirk;
  /** The word `Array` appears in parts date cells. Default rate 2 %. */
  arrayInDateCells: RateQuirk;
  /** Empty parts cells contain `&nbsp;`. */
  nbspInCells: boolean;
  /** Some form dates are ISO `YYYY-MM-DD`. Default rate 5 %. */
  isoDatesMixedIn: RateQuirk;
  /** Some datetimes are `DD.MM.YYYY HH:MM`. Default rate 20 %. */
  datetimeWithoutSeconds: RateQuirk;
  /** Some unset dates are `00.00.0000`. Default rate 2 %. */
  zeroDates: RateQuirk;
  /** `secondary` renders `Halter`, `Telefonnummer`, `E-Mail`, `Fahrzeugeingang (Ist)`. */
  labelVariant: "primary" | "secondary";
  /** Renames labels, e.g. `{"Sollstunden Lack":"Soll Lack"}`. */
  renamedLabels: Record<string, string>;
  /** One label appears twice in the form; `true` duplicates `Telefon`, a string names the label. */
  duplicateLabel: boolean | string;
  /** A hidden input precedes the visible control of the `Kategorie` select. */
  hiddenInputFirst: boolean;
  /** Some stations read `<n>@paused`. Default rate 2 %. */
  unknownStationState: RateQuirk;
  /** The parts table has a second header row. */
  extraHeaderRow: boolean;
  /** `E-Teile Status` and the parts tab text stop following the parts. */
  partsStatusDrift: boolean;
  /** `delivered` and `ruckstand` both checked on some delivered or back-ordered parts. Default rate 5 %. */
  inconsistentPartFlags: RateQuirk;
  /** One part (same number and description) appears twice in each parts table with parts. */
  duplicateParts: boolean;
  /** Two current orders share a plate. */
  duplicateOpenOrders: boolean;
  /** All extended tabs use `{"html":{"<block>":{"content":"…"}}}`. */
  htmlBlocksObject: boolean;
  /** The parts tab's `js` names a parts availability module, and the simulator serves it. */
  partsFollowUps: boolean;
  /** `/do` calls without `X-Requested-With` get the application shell. */
  requireXhrHeader: boolean;
  /** Expiry responds `302 Location: /app` instead of the login page. */
  expiryAsRedirect: boolean;
  /** A successful login responds `302 Location: /app`. */
  loginRedirect: boolean;
  /** Login issues a new `PHPSESSID`. */
  rotateSessionOnLogin: boolean;
  /** Requests of one session run one at a time, as with PHP file sessions. */
  sessionLock: boolean;
  /** A logged-in session expires after this many `/do` requests; `false` or 0 is off. */
  expireAfterRequests: false | number;
  /** Unknown labels in a write's `fields` reject the save. */
  strictWrites: boolean;
  /** An unknown id gets empty content; off returns 404. */
  emptyFormForUnknownId: boolean;
}

export const DEFAULT_QUIRKS: Quirks = {
  executionTimeKey: true,
  stringIds: true,
  boardAsArray: false,
  jsonAsTextHtml: false,
  entityEscapedValues: true,
  doubleEscapedValues: false,
  mojibake: false,
  arrayInDateCells: true,
  nbspInCells: true,
  isoDatesMixedIn: true,
  datetimeWithoutSeconds: false,
  zeroDates: false,
  labelVariant: "primary",
  renamedLabels: {},
  duplicateLabel: false,
  hiddenInputFirst: false,
  unknownStationState: false,
  extraHeaderRow: false,
  partsStatusDrift: false,
  inconsistentPartFlags: false,
  duplicateParts: false,
  duplicateOpenOrders: false,
  htmlBlocksObject: false,
  partsFollowUps: false,
  requireXhrHeader: false,
  expiryAsRedirect: false,
  loginRedirect: false,
  rotateSessionOnLogin: false,
  sessionLock: false,
  expireAfterRequests: false,
  strictWrites: false,
  emptyFormForUnknownId: true,
};

/** Default rates of the rate quirks when switched on with `true`. */
export const DEFAULT_RATES = {
  doubleEscapedValues: 0.02,
  mojibake: 0.01,
  arrayInDateCells: 0.02,
  isoDatesMixedIn: 0.05,
  datetimeWithoutSeconds: 0.2,
  zeroDates: 0.02,
  unknownStationState: 0.02,
  inconsistentPartFlags: 0.05,
} as const;

export type RateQuirkName = keyof typeof DEFAULT_RATES;

/** Returns the effective rate of a rate quirk, 0 when it is off. */
export function quirkRate(quirks: Quirks, name: RateQuirkName): number {
  const value = quirks[name];
  if (value === false) return 0;
  if (value === true) return DEFAULT_RATES[name];
  return Math.min(1, Math.max(0, value));
}

export type FaultKind = "500" | "502" | "timeout" | "loginPage" | "emptyContent" | "429";
export const FAULT_KINDS: readonly FaultKind[] = ["500", "502", "timeout", "loginPage", "emptyContent", "429"];

export interface LatencyProfile {
  medianMs: number;
  p95Ms: number;
}

export interface LatencyConfig extends LatencyProfile {
  perModule?: Record<string, LatencyProfile>;
}

/** Assumed figures, not measured on a tenant. */
export const DEMO_LATENCY: LatencyConfig = { medianMs: 300, p95Ms: 3000 };

export interface SessionConfig {
  /** Idle lifetime in seconds of virtual time; PHP's default `session.gc_maxlifetime`. */
  idleTtlS: number;
  /** Maximum session age in seconds of virtual time; null for none. */
  maxAgeS: number | null;
}

export interface ErrorsConfig {
  /** Share of upstream requests that meet each fault kind, in [0, 1]. */
  rates: Partial<Record<FaultKind, number>>;
  /** Per-module rates; they replace the global rate of the same kind for that module. */
  perModule: Record<string, Partial<Record<FaultKind, number>>>;
  /** How long a `timeout` fault keeps the request open before closing the connection. */
  timeoutMs: number;
  /** `Retry-After` seconds on a 429 fault. */
  retryAfterS: number;
}

export interface RateLimitConfig {
  /** Requests per second and session (sliding one-second window of real time); null for none. */
  maxRequestsPerSecond: number | null;
  /** Requests in flight per session; null for none. */
  maxConcurrentPerSession: number | null;
  retryAfterS: number;
}

export interface MaintenanceWindow {
  /** Berlin local time `HH:MM` on the virtual clock; a window may span midnight. */
  from: string;
  to: string;
}

export interface MaintenanceConfig {
  /** Maintenance now, regardless of the windows. */
  active: boolean;
  windows: MaintenanceWindow[];
  /** `Retry-After` seconds while `active`; inside a window it is the time to the window's end. */
  retryAfterS: number;
}

export interface SimulatorConfig {
  quirks: Quirks;
  session: SessionConfig;
  latency: LatencyConfig;
  errors: ErrorsConfig;
  rateLimit: RateLimitConfig;
  maintenance: MaintenanceConfig;
  formTableId: string;
}

export interface ConfigPatch {
  quirks?: Partial<Quirks>;
  session?: Partial<SessionConfig>;
  latency?: Partial<LatencyConfig> | "demo" | "off";
  errors?: Partial<ErrorsConfig>;
  rateLimit?: Partial<RateLimitConfig>;
  maintenance?: Partial<MaintenanceConfig>;
}

export function defaultConfig(formTableId: string): SimulatorConfig {
  return {
    quirks: { ...DEFAULT_QUIRKS, renamedLabels: {} },
    session: { idleTtlS: 1440, maxAgeS: null },
    latency: { medianMs: 0, p95Ms: 0 },
    errors: { rates: {}, perModule: {}, timeoutMs: 35_000, retryAfterS: 5 },
    rateLimit: { maxRequestsPerSecond: null, maxConcurrentPerSession: null, retryAfterS: 1 },
    maintenance: { active: false, windows: [], retryAfterS: 600 },
    formTableId,
  };
}

/** Merges a patch into a configuration; nested groups merge key by key. */
export function mergeConfig(config: SimulatorConfig, patch: ConfigPatch): SimulatorConfig {
  const latency =
    patch.latency === "demo"
      ? { ...DEMO_LATENCY }
      : patch.latency === "off"
        ? { medianMs: 0, p95Ms: 0 }
        : { ...config.latency, ...patch.latency };
  return {
    ...config,
    quirks: {
      ...config.quirks,
      ...patch.quirks,
      renamedLabels: { ...(patch.quirks?.renamedLabels ?? config.quirks.renamedLabels) },
    },
    session: { ...config.session, ...patch.session },
    latency,
    errors: {
      ...config.errors,
      ...patch.errors,
      rates: { ...config.errors.rates, ...patch.errors?.rates },
      perModule: { ...config.errors.perModule, ...patch.errors?.perModule },
    },
    rateLimit: { ...config.rateLimit, ...patch.rateLimit },
    maintenance: {
      ...config.maintenance,
      ...patch.maintenance,
      windows: [...(patch.maintenance?.windows ?? config.maintenance.windows)],
    },
  };
}

/** Lists the problems of a patch: unknown quirks and fault kinds, values of the wrong type or range. */
export function validateConfigPatch(patch: ConfigPatch): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(patch.quirks ?? {})) {
    if (!(name in DEFAULT_QUIRKS)) {
      problems.push(`unknown quirk "${name}"`);
      continue;
    }
    const fallback = DEFAULT_QUIRKS[name as keyof Quirks];
    if (name in DEFAULT_RATES) {
      if (typeof value !== "boolean" && (typeof value !== "number" || value < 0 || value > 1)) {
        problems.push(`quirk "${name}" must be true, false or a rate from 0 to 1`);
      }
    } else if (name === "labelVariant") {
      if (value !== "primary" && value !== "secondary") problems.push(`quirk "labelVariant" must be primary or secondary`);
    } else if (name === "renamedLabels") {
      if (typeof value !== "object" || value === null || Object.values(value).some((v) => typeof v !== "string")) {
        problems.push(`quirk "renamedLabels" must map labels to strings`);
      }
    } else if (name === "duplicateLabel") {
      if (typeof value !== "boolean" && typeof value !== "string") problems.push(`quirk "duplicateLabel" must be a boolean or a label`);
    } else if (name === "expireAfterRequests") {
      if (value !== false && (typeof value !== "number" || !Number.isInteger(value) || value < 0)) {
        problems.push(`quirk "expireAfterRequests" must be false or a whole number`);
      }
    } else if (typeof value !== typeof fallback) {
      problems.push(`quirk "${name}" must be a ${typeof fallback}`);
    }
  }
  checkFaultRates(problems, "errors.rates", patch.errors?.rates ?? {});
  for (const [module, rates] of Object.entries(patch.errors?.perModule ?? {})) {
    checkFaultRates(problems, `errors.perModule.${module}`, rates ?? {});
  }
  const nonNegative = (value: unknown, name: string, nullable = false) => {
    if (value === undefined || (nullable && value === null)) return;
    if (typeof value !== "number" || !(value >= 0)) problems.push(`${name} must be a number from 0${nullable ? " or null" : ""}`);
  };
  nonNegative(patch.session?.idleTtlS, "session.idleTtlS");
  nonNegative(patch.session?.maxAgeS, "session.maxAgeS", true);
  if (typeof patch.latency === "object") {
    nonNegative(patch.latency.medianMs, "latency.medianMs");
    nonNegative(patch.latency.p95Ms, "latency.p95Ms");
  } else if (patch.latency !== undefined && patch.latency !== "demo" && patch.latency !== "off") {
    problems.push("latency must be an object, demo or off");
  }
  nonNegative(patch.errors?.timeoutMs, "errors.timeoutMs");
  nonNegative(patch.errors?.retryAfterS, "errors.retryAfterS");
  nonNegative(patch.rateLimit?.maxRequestsPerSecond, "rateLimit.maxRequestsPerSecond", true);
  nonNegative(patch.rateLimit?.maxConcurrentPerSession, "rateLimit.maxConcurrentPerSession", true);
  nonNegative(patch.rateLimit?.retryAfterS, "rateLimit.retryAfterS");
  nonNegative(patch.maintenance?.retryAfterS, "maintenance.retryAfterS");
  for (const window of patch.maintenance?.windows ?? []) {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(window.from) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(window.to)) {
      problems.push(`maintenance window ${JSON.stringify(window)} must use HH:MM times`);
    }
  }
  return problems;
}

function checkFaultRates(problems: string[], group: string, rates: Record<string, unknown>): void {
  for (const [kind, rate] of Object.entries(rates)) {
    if (!FAULT_KINDS.includes(kind as FaultKind)) problems.push(`unknown fault kind "${kind}" in ${group}`);
    else if (typeof rate !== "number" || rate < 0 || rate > 1) problems.push(`${group}.${kind} must be a rate from 0 to 1`);
  }
}
