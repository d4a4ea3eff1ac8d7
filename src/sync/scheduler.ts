/**
 * When the sync runs by itself. Slots are laid on local wall-clock time of the
 * configured zone: on each business day at the window start, then every interval,
 * up to and including the window end. An hourly sync in a 07:00–19:00 window runs 13
 * times: 07:00, 08:00, …, 19:00. Each wall time becomes an instant with Temporal's
 * `compatible` disambiguation, so on the spring change a slot in the gap moves to
 * 03:00 and is not doubled with the real 03:00 slot, and on the autumn change a slot in
 * the repeated hour runs once, at its first occurrence. A window that ends before it
 * starts runs over midnight and belongs to the day it starts on.
 *
 * Without business hours, slots restart every day at 00:00 and run all week. An
 * interval that does not divide the window ends the day early; an interval longer than
 * the window gives one run per day, at the window start.
 */
import { Temporal } from "temporal-polyfill";

import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { Clock } from "./clock.ts";

export interface Schedule {
  /** `AUTO_SYNC_ENABLED`; when false nothing is scheduled. */
  enabled: boolean;
  intervalSeconds: number;
  businessHours: {
    enabled: boolean;
    /** `HH:MM` wall time. */
    start: string;
    /** `HH:MM` wall time, inclusive. */
    end: string;
    /** ISO weekdays, Monday 1 … Sunday 7. */
    days: number[];
    timeZone: string;
  };
}

export function scheduleFromConfig(config: Config): Schedule {
  return {
    enabled: config.sync.autoEnabled,
    intervalSeconds: config.sync.intervalSeconds,
    businessHours: { ...config.sync.businessHours, days: [...config.sync.businessHours.days] },
  };
}

const DAY_SECONDS = 86_400;
/** Slack (s) when skipping slots that lie before `after`: more than any DST shift. */
const SKIP_MARGIN_SECONDS = 3 * 3600;
/** A weekly day list finds its next day within 8 days; one more covers a late window. */
const SEARCH_DAYS = 9;

function secondsOfClock(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 3600 + m * 60;
}

/** Window of one local day in seconds after that day's midnight; end may pass 24 h. */
function windowSeconds(schedule: Schedule): { from: number; to: number } {
  const hours = schedule.businessHours;
  if (!hours.enabled) return { from: 0, to: DAY_SECONDS - 1 };
  const from = secondsOfClock(hours.start);
  let to = secondsOfClock(hours.end);
  if (to < from) to += DAY_SECONDS;
  return { from, to };
}

function dayCounts(schedule: Schedule, date: Temporal.PlainDate): boolean {
  return !schedule.businessHours.enabled || schedule.businessHours.days.includes(date.dayOfWeek);
}

function wallInstant(date: Temporal.PlainDate, seconds: number, timeZone: string): Temporal.Instant {
  return date
    .toPlainDateTime()
    .add({ seconds })
    .toZonedDateTime(timeZone, { disambiguation: "compatible" })
    .toInstant();
}

/** Finds the first scheduled slot strictly after `after`; null when nothing is scheduled. */
export function nextRunAt(after: Temporal.Instant, schedule: Schedule): Temporal.Instant | null {
  if (!schedule.enabled || schedule.intervalSeconds <= 0) return null;
  if (schedule.businessHours.enabled && schedule.businessHours.days.length === 0) return null;
  const zone = schedule.businessHours.timeZone;
  const { from, to } = windowSeconds(schedule);
  const step = schedule.intervalSeconds;
  const local = after.toZonedDateTimeISO(zone);
  // Start a day early: a window running over midnight may still be open.
  let date = local.toPlainDate().subtract({ days: 1 });
  for (let i = 0; i < SEARCH_DAYS; i++, date = date.add({ days: 1 })) {
    if (!dayCounts(schedule, date)) continue;
    const dayStart = wallInstant(date, 0, zone);
    const elapsed = Number(after.since(dayStart).total("seconds"));
    const firstUseful = Math.max(0, Math.floor((elapsed - from - SKIP_MARGIN_SECONDS) / step));
    for (let k = firstUseful; from + k * step <= to; k++) {
      const slot = wallInstant(date, from + k * step, zone);
      if (Temporal.Instant.compare(slot, after) > 0) return slot;
    }
  }
  return null;
}

/** Tells whether `now` lies inside the business window (always true when hours are off). */
export function insideWindow(now: Temporal.Instant, schedule: Schedule): boolean {
  if (!schedule.businessHours.enabled) return true;
  const zone = schedule.businessHours.timeZone;
  const { from, to } = windowSeconds(schedule);
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  for (const date of [today, today.subtract({ days: 1 })]) {
    if (!dayCounts(schedule, date)) continue;
    const opens = wallInstant(date, from, zone);
    const closes = wallInstant(date, to, zone);
    if (Temporal.Instant.compare(now, opens) >= 0 && Temporal.Instant.compare(now, closes) <= 0) return true;
  }
  return false;
}

/**
 * Whether to sync once at startup: when configured and inside the window, or at any
 * hour when the mirror has never completed a run (a fresh install should not wait for
 * the next morning). A restart loop outside business hours therefore does not poll
 * PlanSo.
 */
export function shouldRunAtStartup(input: {
  onStartup: boolean;
  schedule: Schedule;
  now: Temporal.Instant;
  hasCompletedRun: boolean;
}): boolean {
  if (!input.onStartup) return false;
  return !input.hasCompletedRun || insideWindow(input.now, input.schedule);
}

export interface Scheduler {
  start(): void;
  stop(): void;
  /** The slot the timer waits for, or null when stopped or nothing is scheduled. */
  nextRunAt(): Temporal.Instant | null;
}

/**
 * Creates the timer loop. After a slot fires, the next one is searched strictly after
 * that slot, or after now when the slot fired late. So an early or late timer never
 * fires one slot twice, and slots missed while the machine slept collapse into one run.
 */
export function createScheduler(deps: {
  clock: Clock;
  schedule: Schedule;
  log: Logger;
  onDue: (slot: Temporal.Instant) => void;
}): Scheduler {
  let next: Temporal.Instant | null = null;
  let cancel: (() => void) | null = null;
  let running = false;

  const arm = (after: Temporal.Instant) => {
    next = nextRunAt(after, deps.schedule);
    if (next === null) return;
    const slot = next;
    cancel = deps.clock.setTimer(slot, () => {
      cancel = null;
      if (!running) return;
      try {
        deps.onDue(slot);
      } catch (error) {
        deps.log.error("sync_schedule_failed", { error });
      }
      if (!running) return;
      const now = deps.clock.now();
      arm(Temporal.Instant.compare(now, slot) > 0 ? now : slot);
    });
  };

  return {
    start() {
      if (running) return;
      running = true;
      arm(deps.clock.now());
      deps.log.info("sync_schedule_started", { next_run_at: next?.toString() ?? null });
    },
    stop() {
      running = false;
      cancel?.();
      cancel = null;
      next = null;
    },
    nextRunAt: () => next,
  };
}
