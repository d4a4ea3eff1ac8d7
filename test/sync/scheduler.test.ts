import { afterEach, describe, expect, test } from "bun:test";
import { Temporal } from "temporal-polyfill";

import { syncRuns } from "../../src/db/schema.ts";
import { silentLogger } from "../../src/log.ts";
import { createManualClock } from "../../src/sync/clock.ts";
import { createInProcessSync } from "../../src/sync/in-process.ts";
import {
  createScheduler,
  insideWindow,
  nextRunAt,
  scheduleFromConfig,
  shouldRunAtStartup,
  type Schedule,
} from "../../src/sync/scheduler.ts";
import { makeOrder } from "../support/make-order.ts";
import { createFakePlanso } from "./support/fake-planso.ts";
import { tempMirror, testConfig } from "./support/setup.ts";

const ZONE = "Europe/Berlin";
/** Berlin wall time → instant (times in the tests never fall in a DST gap). */
const berlin = (wall: string) => Temporal.PlainDateTime.from(wall).toZonedDateTime(ZONE).toInstant();
const wall = (instant: Temporal.Instant | null) => instant?.toZonedDateTimeISO(ZONE).toPlainDateTime().toString() ?? null;

const weekdays = scheduleFromConfig(testConfig({ AUTO_SYNC_ENABLED: "true" }));
const everyDay: Schedule = { ...weekdays, businessHours: { ...weekdays.businessHours, days: [1, 2, 3, 4, 5, 6, 7] } };
const allHours: Schedule = { ...weekdays, businessHours: { ...weekdays.businessHours, enabled: false } };

describe("nextRunAt", () => {
  test("default schedule is hourly on weekdays", () => {
    expect(weekdays).toEqual({
      enabled: true,
      intervalSeconds: 3600,
      businessHours: { enabled: true, start: "07:00", end: "19:00", days: [1, 2, 3, 4, 5], timeZone: ZONE },
    });
  });

  test.each([
    ["2026-03-16T06:59:00", "2026-03-16T07:00:00"],
    ["2026-03-16T07:00:00", "2026-03-16T08:00:00"],
    ["2026-03-16T07:00:00.001", "2026-03-16T08:00:00"],
    ["2026-03-16T18:59:59", "2026-03-16T19:00:00"],
    ["2026-03-16T19:00:00", "2026-03-17T07:00:00"],
    ["2026-03-16T19:01:00", "2026-03-17T07:00:00"],
    ["2026-03-16T00:00:00", "2026-03-16T07:00:00"],
    ["2026-03-20T19:01:00", "2026-03-23T07:00:00"],
    ["2026-03-21T12:00:00", "2026-03-23T07:00:00"],
    ["2026-03-22T23:59:59", "2026-03-23T07:00:00"],
  ])("after %s the next run is at %s", (after, expected) => {
    expect(wall(nextRunAt(berlin(after), weekdays))).toBe(expected);
  });

  test("uneven interval restarts next day", () => {
    const odd: Schedule = { ...weekdays, intervalSeconds: 5 * 3600 };
    const slots: string[] = [];
    let at = berlin("2026-03-16T00:00:00");
    for (let i = 0; i < 4; i++) {
      at = nextRunAt(at, odd)!;
      slots.push(wall(at)!);
    }
    expect(slots).toEqual(["2026-03-16T07:00:00", "2026-03-16T12:00:00", "2026-03-16T17:00:00", "2026-03-17T07:00:00"]);
  });

  test("a window over midnight belongs to the day it starts on", () => {
    const night: Schedule = { ...weekdays, businessHours: { ...weekdays.businessHours, start: "22:00", end: "02:00", days: [5] } };
    expect(wall(nextRunAt(berlin("2026-03-20T23:30:00"), night))).toBe("2026-03-21T00:00:00");
    expect(wall(nextRunAt(berlin("2026-03-21T02:00:00"), night))).toBe("2026-03-27T22:00:00");
    expect(insideWindow(berlin("2026-03-21T01:30:00"), night)).toBe(true);
    expect(insideWindow(berlin("2026-03-21T22:30:00"), night)).toBe(false);
  });

  test("disabled schedule has no next run", () => {
    expect(nextRunAt(berlin("2026-03-16T06:00:00"), { ...weekdays, enabled: false })).toBeNull();
    expect(nextRunAt(berlin("2026-03-16T06:00:00"), { ...weekdays, businessHours: { ...weekdays.businessHours, days: [] } })).toBeNull();
  });
});

describe("insideWindow", () => {
  test.each([
    ["2026-03-16T06:59:00", false],
    ["2026-03-16T07:00:00", true],
    ["2026-03-16T12:34:56", true],
    ["2026-03-16T19:00:00", true],
    ["2026-03-16T19:01:00", false],
    ["2026-03-21T12:00:00", false],
    ["2026-03-22T12:00:00", false],
  ])("%s inside: %p", (at, expected) => {
    expect(insideWindow(berlin(at), weekdays)).toBe(expected);
  });

  test("without business hours every moment is inside", () => {
    expect(insideWindow(berlin("2026-03-22T03:00:00"), allHours)).toBe(true);
  });
});

/** Runs the timer loop over [from, to) with a manual clock and returns the fired slots. */
function fireBetween(schedule: Schedule, from: Temporal.Instant, to: Temporal.Instant): Temporal.Instant[] {
  const clock = createManualClock(from);
  const fired: Temporal.Instant[] = [];
  const scheduler = createScheduler({ clock, schedule, log: silentLogger, onDue: (slot) => fired.push(slot) });
  scheduler.start();
  clock.advanceTo(to);
  scheduler.stop();
  expect(clock.pendingTimers()).toBe(0);
  return fired;
}

describe("daylight saving days", () => {
  const hours = (list: Temporal.Instant[]) => list.map((at) => wall(at)!.slice(11, 16));
  const window = ["07:00", "08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00"];

  test("spring change day runs each slot once", () => {
    const fired = fireBetween(everyDay, Temporal.Instant.from("2026-03-28T23:00:00Z"), Temporal.Instant.from("2026-03-29T22:00:00Z"));
    expect(hours(fired)).toEqual(window);
    expect(fired[0]!.toString()).toBe("2026-03-29T05:00:00Z");
    expect(fired.at(-1)!.toString()).toBe("2026-03-29T17:00:00Z");
  });

  test("autumn change day runs each slot once", () => {
    const fired = fireBetween(everyDay, Temporal.Instant.from("2026-10-24T22:00:00Z"), Temporal.Instant.from("2026-10-25T23:00:00Z"));
    expect(hours(fired)).toEqual(window);
    expect(fired[0]!.toString()).toBe("2026-10-25T06:00:00Z");
    expect(fired.at(-1)!.toString()).toBe("2026-10-25T18:00:00Z");
  });

  test("missing spring 02:00 runs at 03:00", () => {
    const fired = fireBetween(allHours, Temporal.Instant.from("2026-03-28T22:59:00Z"), Temporal.Instant.from("2026-03-29T21:59:00Z"));
    expect(fired).toHaveLength(23);
    expect(hours(fired).slice(0, 4)).toEqual(["00:00", "01:00", "03:00", "04:00"]);
    expect(new Set(fired.map(String)).size).toBe(23);
  });

  test("repeated autumn 02:00 runs once", () => {
    const fired = fireBetween(allHours, Temporal.Instant.from("2026-10-24T21:59:00Z"), Temporal.Instant.from("2026-10-25T22:59:00Z"));
    expect(fired).toHaveLength(24);
    expect(hours(fired).slice(0, 5)).toEqual(["00:00", "01:00", "02:00", "03:00", "04:00"]);
    // 02:00 summer time is 00:00Z; 02:00 winter time (01:00Z) does not run again.
    expect(fired.map(String).slice(1, 4)).toEqual(["2026-10-24T23:00:00Z", "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z"]);
  });

  test("Sunday change days have no weekday run", () => {
    expect(fireBetween(weekdays, Temporal.Instant.from("2026-03-28T23:00:00Z"), Temporal.Instant.from("2026-03-29T22:00:00Z"))).toEqual([]);
  });
});

describe("timer loop", () => {
  test("late timer runs once, then resumes", () => {
    let now = berlin("2026-03-16T06:30:00");
    const timers: Array<{ at: Temporal.Instant; fn: () => void }> = [];
    const clock = {
      now: () => now,
      setTimer: (at: Temporal.Instant, fn: () => void) => {
        timers.push({ at, fn });
        return () => {};
      },
    };
    const fired: string[] = [];
    const scheduler = createScheduler({ clock, schedule: weekdays, log: silentLogger, onDue: (slot) => fired.push(wall(slot)!) });
    scheduler.start();
    expect(timers.map((t) => wall(t.at))).toEqual(["2026-03-16T07:00:00"]);
    now = berlin("2026-03-16T10:30:00");
    timers[0]!.fn();
    expect(fired).toEqual(["2026-03-16T07:00:00"]);
    expect(timers.map((t) => wall(t.at))).toEqual(["2026-03-16T07:00:00", "2026-03-16T11:00:00"]);
    scheduler.stop();
    expect(scheduler.nextRunAt()).toBeNull();
  });

  test("early timer never repeats a slot", () => {
    const clock = createManualClock(berlin("2026-03-16T06:30:00"));
    const fired: string[] = [];
    const scheduler = createScheduler({ clock, schedule: weekdays, log: silentLogger, onDue: (slot) => fired.push(wall(slot)!) });
    scheduler.start();
    clock.advanceTo(berlin("2026-03-16T09:30:00"));
    expect(fired).toEqual(["2026-03-16T07:00:00", "2026-03-16T08:00:00", "2026-03-16T09:00:00"]);
    expect(wall(scheduler.nextRunAt())).toBe("2026-03-16T10:00:00");
    scheduler.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  test("startup run rules", () => {
    const inside = berlin("2026-03-16T10:00:00");
    const night = berlin("2026-03-16T23:00:00");
    expect(shouldRunAtStartup({ onStartup: true, schedule: weekdays, now: inside, hasCompletedRun: true })).toBe(true);
    expect(shouldRunAtStartup({ onStartup: true, schedule: weekdays, now: night, hasCompletedRun: true })).toBe(false);
    expect(shouldRunAtStartup({ onStartup: true, schedule: weekdays, now: night, hasCompletedRun: false })).toBe(true);
    expect(shouldRunAtStartup({ onStartup: false, schedule: weekdays, now: inside, hasCompletedRun: false })).toBe(false);
  });
});

describe("schedule and manual trigger together", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  test("manual trigger during scheduled run", async () => {
    const mirror = tempMirror();
    cleanups.push(() => mirror.cleanup());
    const planso = createFakePlanso([makeOrder({ id: "7", person: "Jörg Weiß" })]);
    let release!: () => void;
    planso.gate = new Promise<void>((resolve) => (release = resolve));
    const clock = createManualClock(berlin("2026-03-16T06:30:00"));
    const sync = createInProcessSync({
      db: mirror.db,
      client: planso,
      config: testConfig({ AUTO_SYNC_ENABLED: "true" }),
      clock,
      log: silentLogger,
    });
    cleanups.push(() => sync.stop({ deadlineMs: 1000 }));
    expect(sync.state()).toMatchObject({ running: false, next_run_at: "2026-03-16T06:00:00Z", inside_window_now: false });

    clock.advanceTo(berlin("2026-03-16T07:00:00"));
    const scheduled = sync.state();
    expect(scheduled.running).toBe(true);
    const manual = await sync.trigger({ trigger: "manual" });
    expect(manual).toEqual({ run_id: scheduled.current_run_id!, status: "running", already_running: true });
    expect(sync.state().next_run_at).toBe("2026-03-16T07:00:00Z");

    release();
    await sync.waitForRun(manual.run_id, 5000);
    const runs = mirror.db.select().from(syncRuns).all();
    expect(runs.map((run) => [run.id, run.trigger, run.status])).toEqual([[manual.run_id, "schedule", "succeeded"]]);
  });

  test("fresh mirror syncs at startup at night", async () => {
    const mirror = tempMirror();
    cleanups.push(() => mirror.cleanup());
    const planso = createFakePlanso([makeOrder({ id: "8" })]);
    const clock = createManualClock(berlin("2026-03-16T23:00:00"));
    const sync = createInProcessSync({
      db: mirror.db,
      client: planso,
      config: testConfig({ AUTO_SYNC_ENABLED: "true", SYNC_ON_STARTUP: "true" }),
      clock,
      log: silentLogger,
    });
    cleanups.push(() => sync.stop({ deadlineMs: 1000 }));
    const { current_run_id } = sync.state();
    expect(current_run_id).not.toBeNull();
    await sync.waitForRun(current_run_id!, 5000);
    expect(mirror.db.select().from(syncRuns).all().map((run) => [run.trigger, run.status])).toEqual([["startup", "succeeded"]]);
  });
});
