/**
 * Child processes for end-to-end and operations tests: spawn with a minimal
 * environment, collect stdout and stderr as they arrive, wait for a log event, and
 * stop by PID. Every process started here is tracked, so `stopAll` in `afterAll`
 * ends whatever a failed test left running.
 */
import { createServer } from "node:net";
import { constants as osConstants } from "node:os";

import type { Subprocess } from "bun";

export interface Collected {
  pid: number;
  /** Resolves with the exit code (128 + signal number when a signal ended it). */
  exited: Promise<number>;
  stdout(): string;
  stderr(): string;
  /** Stdout and stderr of the process so far. */
  output(): string;
  /** Parsed JSON log lines from stdout; other lines are skipped. */
  logLines(): Record<string, unknown>[];
  /** Resolves with the first log line whose `event` matches, or rejects after `timeoutMs`. */
  waitForEvent(event: string, timeoutMs: number): Promise<Record<string, unknown>>;
  /** Sends SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number>;
}

const running = new Set<Subprocess>();

/**
 * Environment variables a child inherits from the test run: enough for Bun to find
 * itself and write temporary files, nothing that configures reit.
 */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "TMPDIR", "LANG"]) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

export function spawnCollected(cmd: string[], options: { cwd: string; env: Record<string, string> }): Collected {
  const proc = Bun.spawn(cmd, { cwd: options.cwd, env: options.env, stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  running.add(proc);
  let out = "";
  let err = "";
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const pump = async (stream: ReadableStream<Uint8Array>, append: (text: string) => void) => {
    const decoder = new TextDecoder();
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      append(decoder.decode(value, { stream: true }));
      notify();
    }
  };
  const pumped = Promise.all([
    pump(proc.stdout, (text) => (out += text)),
    pump(proc.stderr, (text) => (err += text)),
  ]);
  const exited = proc.exited.then(async (code) => {
    running.delete(proc);
    await pumped;
    notify();
    const signal = proc.signalCode;
    if (signal === null) return code;
    return 128 + (typeof signal === "number" ? signal : osConstants.signals[signal]);
  });

  const logLines = () =>
    out.split("\n").flatMap((line) => {
      if (!line.startsWith("{")) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });

  const waitForEvent = (event: string, timeoutMs: number) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      let settled = false;
      const check = () => {
        if (settled) return;
        const line = logLines().find((entry) => entry.event === event);
        if (line !== undefined) finish(() => resolve(line));
        else if (proc.exitCode !== null || proc.signalCode !== null) {
          finish(() => reject(new Error(`process ${proc.pid} exited before logging ${event}:\n${out}${err}`)));
        }
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`process ${proc.pid} did not log ${event} within ${timeoutMs} ms:\n${out}${err}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        settled = true;
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  const stop = async (graceMs = 10_000) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    pid: proc.pid,
    exited,
    stdout: () => out,
    stderr: () => err,
    output: () => out + err,
    logLines,
    waitForEvent,
    stop,
  };
}

/** Runs a command to completion; kills it by PID after `timeoutMs`. */
export async function runToEnd(
  cmd: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawnCollected(cmd, options);
  const timer = setTimeout(() => void child.stop(1000), options.timeoutMs ?? 20_000);
  try {
    const code = await child.exited;
    return { code, stdout: child.stdout(), stderr: child.stderr() };
  } finally {
    clearTimeout(timer);
  }
}

/** Kills every process spawned through this module that is still running. */
export async function stopAll(): Promise<void> {
  const left = [...running];
  for (const proc of left) proc.kill("SIGKILL");
  await Promise.all(left.map((proc) => proc.exited));
}

/**
 * Finds a TCP port on 127.0.0.1 that was free a moment ago by binding port 0 and
 * releasing it. Another process may take it in between, so use it only for an
 * address nothing should listen on, never for a server to start on.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
