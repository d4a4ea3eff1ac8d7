import { describe, expect, test } from "bun:test";

import { backoffDelayMs, parseRetryAfterMs } from "../../src/planso/backoff.ts";
import { createCookieJar } from "../../src/planso/cookie-jar.ts";
import { createRequestLimiter, SkippedTask } from "../../src/planso/request-limiter.ts";

describe("createRequestLimiter", () => {
  test("starts are spaced on a fake clock", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = createRequestLimiter({
      concurrency: 10,
      maxRequestsPerSecond: 4,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    for (let i = 0; i < 4; i++) await limiter.run(async () => i);
    // One start every 250 ms, reserved in call order while the fake clock does not advance.
    expect(waits).toEqual([250, 500, 750]);
    now = 10_000;
    await limiter.run(async () => 0);
    expect(waits).toHaveLength(3);
    now = 10_100;
    await limiter.run(async () => 0);
    expect(waits).toEqual([250, 500, 750, 150]);
  });

  test("parallel starts follow the rate on a real clock", async () => {
    const limiter = createRequestLimiter({ concurrency: 4, maxRequestsPerSecond: 50, now: () => performance.now(), sleep: Bun.sleep });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 30 }, () => limiter.run(async () => void starts.push(performance.now()))));
    // 30 starts at 50 per second span at least 29 intervals of 20 ms; timers may fire a millisecond early.
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(29 * 20 - 1);
  });

  test("skipped task takes no start time", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = createRequestLimiter({ concurrency: 1, maxRequestsPerSecond: 1, now: () => now, sleep: async (ms) => void waits.push(ms) });
    await expect(limiter.run(async () => 1, () => true)).rejects.toThrow(SkippedTask);
    await limiter.run(async () => 1);
    expect(waits).toEqual([]);
  });

  test("concurrency slots pass to waiters in order", async () => {
    const limiter = createRequestLimiter({ concurrency: 2, maxRequestsPerSecond: 1000, now: () => performance.now(), sleep: Bun.sleep });
    let active = 0;
    let maxActive = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        limiter.run(async () => {
          active++;
          maxActive = Math.max(maxActive, active);
          await Bun.sleep(5);
          order.push(i);
          active--;
        }),
      ),
    );
    expect(maxActive).toBe(2);
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("a failing task releases its slot", async () => {
    const limiter = createRequestLimiter({ concurrency: 1, maxRequestsPerSecond: 1000, now: () => performance.now(), sleep: Bun.sleep });
    await expect(limiter.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limiter.run(async () => "next")).toBe("next");
  });
});

describe("backoff", () => {
  test("doubles from the base, capped, scaled by jitter", () => {
    const options = { baseMs: 500, maxMs: 3000, random: () => 0 };
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, options))).toEqual([250, 500, 1000, 1500, 1500]);
    expect(backoffDelayMs(0, { ...options, random: () => 0.999 })).toBe(500);
  });

  test("Retry-After in seconds or as an HTTP date", () => {
    const now = Date.parse("2026-03-16T12:00:00Z");
    expect(parseRetryAfterMs("2", now)).toBe(2000);
    expect(parseRetryAfterMs("Mon, 16 Mar 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfterMs("soon", now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});

describe("createCookieJar", () => {
  test("keeps the latest value per name and drops deleted cookies", () => {
    const jar = createCookieJar();
    expect(jar.header()).toBeUndefined();
    jar.store(["PHPSESSID=abc; path=/", "lang=de; Path=/; HttpOnly"]);
    jar.store(["PHPSESSID=def; path=/"]);
    expect(jar.header()).toBe("PHPSESSID=def; lang=de");
    jar.store(["lang=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0"]);
    expect(jar.header()).toBe("PHPSESSID=def");
    jar.clear();
    expect(jar.has("PHPSESSID")).toBe(false);
  });
});
