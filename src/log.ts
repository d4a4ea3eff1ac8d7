/**
 * JSON-lines logger on stdout: one object per line with `time`, `level`, `event` and
 * ids (`request_id`, `run_id`, `order_id`). No transports, because pino-style
 * transport workers cannot resolve modules inside a compiled binary. Values of keys
 * that look like secrets are replaced before writing.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
type Fields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|api_?key/i;

export interface Logger {
  debug(event: string, fields?: Fields): void;
  info(event: string, fields?: Fields): void;
  warn(event: string, fields?: Fields): void;
  error(event: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Line sink; stdout unless a test collects the lines. */
  write?: (line: string) => void;
  bindings?: Fields;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = RANK[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stdout.write(line + "\n"));
  const bindings = options.bindings ?? {};

  const emit = (level: LogLevel, event: string, fields?: Fields) => {
    if (RANK[level] < threshold) return;
    const record = { time: new Date().toISOString(), level, event, ...bindings, ...redact(fields ?? {}) };
    write(JSON.stringify(record, errorReplacer));
  };

  return {
    debug: (event, fields) => emit("debug", event, fields),
    info: (event, fields) => emit("info", event, fields),
    warn: (event, fields) => emit("warn", event, fields),
    error: (event, fields) => emit("error", event, fields),
    child: (more) => createLogger({ ...options, bindings: { ...bindings, ...more } }),
  };
}

/** A logger that drops everything, for tests that do not read logs. */
export const silentLogger: Logger = createLogger({ level: "silent" });

function redact(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = SECRET_KEY.test(key) ? "[redacted]" : value;
  }
  return out;
}

/** Errors become `{ name, message }`; stacks stay out of logs that clients might see. */
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}
