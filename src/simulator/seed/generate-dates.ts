/**
 * The dates of an order, built around its station on working days only, in the order
 * the physical flow gives them: estimate ≤ appointment ≤ arrival ≤ shop start ≤ paint
 * ≤ completion ≤ planned hand-back ≤ hand-back.
 */
import { SECONDS_PER_DAY, type WorkdayIndex } from "../calendar.ts";
import type { Random } from "../random.ts";

export interface Timeline {
  /** Epoch days; `estimate` and `shopBack` may be null. */
  estimate: number | null;
  repair: number;
  shop: number;
  paint: number;
  finish: number;
  delivery: number;
  shopBack: number | null;
  /** Berlin wall-clock seconds. `appointmentAt` is the order's creation time and carries seconds. */
  appointmentAt: number;
  repairFrom: number | null;
  repairTo: number | null;
  returnAt: number | null;
}

export interface TimelineInput {
  station: number;
  archived: boolean;
  karoHours: number;
  lackHours: number;
  mechHours: number;
  /** The working day on or before today. */
  today: number;
  nowLocal: number;
  workdays: WorkdayIndex;
}

/** Picks a quarter hour between two wall-clock hours, in seconds into the day. */
function quarterHour(r: Random, fromHour: number, toHour: number): number {
  return (fromHour * 4 + r.int(0, (toHour - fromHour) * 4)) * 900;
}

export function generateTimeline(r: Random, input: TimelineInput): Timeline {
  const { station, workdays, today } = input;

  // Offsets in working days, relative to the arrival.
  const rel = { appointment: -r.int(1, 12), repair: 0, shop: r.int(0, 2), paint: 0, finish: 0, delivery: 0 };
  rel.paint = rel.shop + Math.max(1, Math.ceil(input.karoHours / 7));
  rel.finish = rel.paint + Math.max(1, Math.ceil(input.lackHours / 7)) + (input.mechHours > 0 ? 1 : 0);
  rel.delivery = rel.finish + r.int(0, 1);
  const estimateGap = r.int(0, 5);

  // Offsets relative to today: place the step that matches the station near today.
  let offset: number;
  if (input.archived) offset = -r.int(20, 250) - rel.delivery;
  else if (station <= 1) offset = r.int(-2, 10);
  else if (station === 2) offset = -r.int(1, 4);
  else if (station === 3) offset = -r.int(0, 3) - rel.shop;
  else if (station === 4) offset = -r.int(0, 1) - rel.paint;
  else if (station === 5) offset = -r.int(1, 3) - rel.paint;
  else if (station === 6) offset = -r.int(0, 1) - rel.finish;
  else if (station === 7) offset = -r.int(1, 3) - rel.finish;
  else offset = -r.int(0, 5) - rel.delivery;

  const abs = {
    repair: rel.repair + offset,
    shop: rel.shop + offset,
    paint: rel.paint + offset,
    finish: rel.finish + offset,
    delivery: rel.delivery + offset,
  };
  const push = (from: "shop" | "paint" | "finish" | "delivery", to: number) => {
    const delta = to - abs[from];
    if (delta <= 0) return;
    const keys = ["shop", "paint", "finish", "delivery"] as const;
    for (const key of keys.slice(keys.indexOf(from))) abs[key] += delta;
  };
  if (!input.archived) {
    if (station === 2) push("shop", r.int(0, 3)); // waiting for parts
    if (station === 3) push("paint", 1);
    if (station === 4 || station === 5) push("finish", station === 4 ? 1 : 0);
    if (station === 7) push("delivery", r.int(0, 2));
  }

  const day = (n: number) => workdays.add(today, n);
  const appointmentDay = Math.min(abs.repair + rel.appointment, 0);
  const startOfWork = 7 * 3600;
  const nowSecond = input.nowLocal - today * SECONDS_PER_DAY;
  let appointmentAt: number;
  if (appointmentDay === 0 && nowSecond > startOfWork + 600) {
    appointmentAt = today * SECONDS_PER_DAY + startOfWork + Math.floor(r.next() * (nowSecond - startOfWork - 300));
  } else {
    const created = appointmentDay === 0 ? day(-1) : day(appointmentDay);
    appointmentAt = created * SECONDS_PER_DAY + 7.5 * 3600 + Math.floor(r.next() * 10 * 3600);
  }
  const appointmentDayAbs = Math.floor(appointmentAt / SECONDS_PER_DAY);

  const timeline: Timeline = {
    estimate: r.chance(0.8) ? workdays.add(appointmentDayAbs, -estimateGap) : null,
    repair: day(abs.repair),
    shop: day(abs.shop),
    paint: day(abs.paint),
    finish: day(abs.finish),
    delivery: day(abs.delivery),
    shopBack: null,
    appointmentAt,
    repairFrom: null,
    repairTo: null,
    returnAt: null,
  };
  if (r.chance(0.1) && abs.finish - abs.shop >= 2) timeline.shopBack = day(abs.shop + r.int(1, abs.finish - abs.shop - 1));
  if (r.chance(0.6)) {
    timeline.repairFrom = timeline.shop * SECONDS_PER_DAY + quarterHour(r, 7, 9);
    timeline.repairTo = timeline.finish * SECONDS_PER_DAY + quarterHour(r, 15, 18);
  }
  if (input.archived || station === 8) {
    const returnAt = timeline.delivery * SECONDS_PER_DAY + quarterHour(r, 7, 18);
    timeline.returnAt = Math.min(returnAt, input.nowLocal - (input.nowLocal % 900));
  }
  return timeline;
}
