/**
 * Part lines of an order: descriptions and numbers that follow the make, prices,
 * quantities, parts orders (`A.Nummer`), position numbers (`Leit Nr.`) and a
 * lifecycle state that follows the order's station.
 */
import { SECONDS_PER_DAY, civilFromDay, type WorkdayIndex } from "../calendar.ts";
import { setPartCode, type PartCode, type SimPart } from "../model.ts";
import { createRandom, hashString, type Random } from "../random.ts";
import type { Make, Model } from "./vehicles.ts";

interface PartType {
  description: string;
  /** Main group of a VW-style number (`807` bumpers, `941` headlights). */
  group: string;
  side: "L" | "R" | null;
  medianEuro: number;
  /** Delivered primed (`GRU` suffix on VW-group numbers). */
  primed: boolean;
}

const LARGE_PARTS: readonly PartType[] = [
  { description: "Stoßfänger vorne", group: "807", side: null, medianEuro: 420, primed: true },
  { description: "Stoßfänger hinten", group: "807", side: null, medianEuro: 380, primed: true },
  { description: "Scheinwerfer links", group: "941", side: "L", medianEuro: 650, primed: false },
  { description: "Scheinwerfer rechts", group: "941", side: "R", medianEuro: 650, primed: false },
  { description: "Kotflügel links", group: "821", side: "L", medianEuro: 240, primed: true },
  { description: "Kotflügel rechts", group: "821", side: "R", medianEuro: 240, primed: true },
  { description: "Motorhaube", group: "823", side: null, medianEuro: 520, primed: true },
  { description: "Tür vorne links", group: "831", side: "L", medianEuro: 780, primed: true },
  { description: "Tür vorne rechts", group: "831", side: "R", medianEuro: 780, primed: true },
  { description: "Außenspiegel links", group: "857", side: "L", medianEuro: 310, primed: false },
  { description: "Außenspiegel rechts", group: "857", side: "R", medianEuro: 310, primed: false },
  { description: "Spiegelkappe links", group: "857", side: "L", medianEuro: 60, primed: true },
  { description: "Heckklappe", group: "827", side: null, medianEuro: 890, primed: true },
  { description: "Rückleuchte links", group: "945", side: "L", medianEuro: 210, primed: false },
  { description: "Rückleuchte rechts", group: "945", side: "R", medianEuro: 210, primed: false },
  { description: "Kühlergrill", group: "853", side: null, medianEuro: 160, primed: false },
  { description: "Nebelscheinwerfer rechts", group: "941", side: "R", medianEuro: 95, primed: false },
  { description: "Einparksensor", group: "919", side: null, medianEuro: 70, primed: true },
  { description: "Radhausschale vorne links", group: "809", side: "L", medianEuro: 45, primed: false },
  { description: "Frontscheibe", group: "845", side: null, medianEuro: 480, primed: false },
  { description: "Querlenker vorne links", group: "407", side: "L", medianEuro: 150, primed: false },
  { description: "Kühler", group: "121", side: null, medianEuro: 260, primed: false },
  { description: "Stoßfängerträger vorne", group: "807", side: null, medianEuro: 190, primed: false },
  { description: "Halter Stoßfänger vorne links", group: "807", side: "L", medianEuro: 18, primed: false },
];

const SMALL_PARTS: readonly (readonly [string, number])[] = [
  ["Clip", 1.2],
  ["Schraube", 0.9],
  ["Emblem", 38],
  ["Spreizniet", 0.8],
  ["Mutter", 0.6],
  ["Befestigungssatz", 12],
  ["Zierleiste", 42],
  ["Dichtung", 14],
];

/** Model prefixes of VW-group numbers (`5G0` is a Golf body). */
const VAG_PREFIXES = ["5G0", "5H0", "2G0", "3G0", "5NA", "1K0", "6R0", "510", "5Q0", "3C0", "8V0", "4K0"];

function sidedDigits(r: Random, side: "L" | "R" | null): string {
  const base = r.int(10, 99) * 10;
  const last = side === "L" ? r.pick([1, 3, 5, 7, 9]) : side === "R" ? r.pick([2, 4, 6, 8, 0]) : r.int(0, 9);
  return String(base + last).padStart(3, "0");
}

/** Builds a part number in the make's style. The same model and part always give the same number. */
function largePartNumber(make: Make, model: Model, type: PartType): string {
  const r = createRandom(0, "part_no", `${model.id}|${type.description}`);
  switch (make.partNumbers) {
    case "vag": {
      const prefix = VAG_PREFIXES[model.id % VAG_PREFIXES.length] as string;
      const index = r.chance(0.3) ? r.pick(["A", "B", "C", "D", "E", "F"]) : "";
      const suffix = type.primed && r.chance(0.6) ? " GRU" : "";
      return `${prefix} ${type.group} ${sidedDigits(r, type.side)}${index ? ` ${index}` : ""}${suffix}`;
    }
    case "mercedes":
      return `A ${r.digits(3, true)} ${r.digits(3)} ${r.digits(2)} ${r.digits(2)}`;
    case "bmw":
      return `${r.pick(["51", "63", "41", "31"])} ${r.digits(2)} ${r.digits(1, true)} ${r.digits(3)} ${r.digits(3)}`;
    case "generic":
      return `${r.digits(2, true)} ${r.digits(3)} ${r.digits(3)}`;
  }
}

function smallPartNumber(r: Random, make: Make): string {
  switch (make.partNumbers) {
    case "vag":
      return r.chance(0.6) ? `N ${r.digits(3, true)} ${r.digits(3)} ${r.digits(2)}` : `${r.pick(VAG_PREFIXES)} ${r.int(800, 899)} ${r.digits(3)}`;
    case "mercedes":
      return `A ${r.digits(3)} ${r.digits(3)} ${r.digits(2)} ${r.digits(2)}`;
    case "bmw":
      return `07 ${r.digits(2)} ${r.digits(1, true)} ${r.digits(3)} ${r.digits(3)}`;
    case "generic":
      return `${r.digits(2, true)} ${r.digits(3)} ${r.digits(3)}`;
  }
}

export interface PartsContext {
  make: Make;
  model: Model;
  /** 0 when unclassified, else 1 (`KL 1`) … 7 (`KL 4`). */
  damageLevel: number;
  station: number;
  archived: boolean;
  /** Vehicle arrival, epoch day. */
  repairDay: number;
  /** The working day on or before today. */
  today: number;
  /** Berlin wall-clock seconds of now. */
  nowLocal: number;
  workdays: WorkdayIndex;
}

/** Parts count: none for about 25 %, 1–5 for 50 %, 6–30 for 25 %, shifted up with the damage class. */
function partsCount(r: Random, damageLevel: number): number {
  const shift = damageLevel === 0 ? 0 : (damageLevel - 3.5) * 0.06;
  const none = Math.max(0.03, 0.25 - shift);
  const many = Math.min(0.6, Math.max(0.02, 0.25 + shift));
  const roll = r.next();
  if (roll < none) return 0;
  if (roll < 1 - many) return r.int(1, 5);
  return r.int(6, 30);
}

function partCode(r: Random, station: number, archived: boolean): PartCode {
  if (archived) return r.chance(0.95) ? "2" : "4";
  if (station === 1) return r.weighted<PartCode>([["0", 50], ["1", 45], ["4", 5]]);
  if (station === 2) return r.weighted<PartCode>([["1", 60], ["3", 30], ["2", 10]]);
  if (station >= 7) return r.weighted<PartCode>([["2", 92], ["4", 5], ["3", 3]]);
  return r.weighted<PartCode>([["2", 81], ["3", 10], ["1", 4], ["4", 3], ["0", 2]]);
}

/** Seconds into a day, uniformly between two wall-clock hours. */
function timeBetween(r: Random, fromHour: number, toHour: number): number {
  return Math.floor(fromHour * 3600 + r.next() * (toHour - fromHour) * 3600);
}

/** Parts without row ids; the tenant builder numbers them in order-id order. */
export function generateParts(r: Random, ctx: PartsContext): SimPart[] {
  const count = partsCount(r, ctx.damageLevel);
  if (count === 0) return [];

  const orderCount = r.weighted([
    [1, 75],
    [2, 20],
    [3, 5],
  ] as const);
  const orderYear = civilFromDay(Math.min(ctx.repairDay, ctx.today)).year;
  const orderNumbers = Array.from({ length: orderCount }, () => `A-${orderYear}-${r.digits(4)}`);

  const largeCount = Math.min(LARGE_PARTS.length, Math.max(1, Math.round(count * (count > 5 ? 0.6 : 0.8))));
  const largePool = [...LARGE_PARTS];
  const seen = new Set<string>();
  const parts: SimPart[] = [];
  let leadNo = 0;

  for (let i = 0; i < count; i++) {
    let description: string;
    let partNo: string;
    let priceEuro: number;
    let qty = 1;
    if (i < largeCount) {
      const type = largePool.splice(r.int(0, largePool.length - 1), 1)[0] as PartType;
      description = type.description;
      partNo = largePartNumber(ctx.make, ctx.model, type);
      priceEuro = Math.min(2500, Math.max(5, r.logNormal(type.medianEuro, 0.35)));
    } else {
      const [name, median] = r.pick(SMALL_PARTS);
      description = name;
      partNo = smallPartNumber(r, ctx.make);
      priceEuro = Math.min(60, Math.max(0.5, r.logNormal(median, 0.3)));
      qty = r.chance(0.6) ? r.int(2, 10) : 1;
    }
    const key = `${partNo}|${description}`;
    if (seen.has(key)) partNo = `${partNo}${r.pick(["A", "B", "C"])}`;
    seen.add(`${partNo}|${description}`);

    const part: SimPart = {
      rowId: "",
      partId: String(1000 + (hashString(partNo) % 90000)),
      partNo,
      description,
      leadNo: r.chance(0.7) ? String(++leadNo * 10).padStart(4, "0") : "",
      orderNo: "",
      qty,
      priceEachCents: Math.round(priceEuro * 100),
      code: "0",
      toOrder: false,
      ordered: false,
      delivered: false,
      backorder: false,
      mandatory: r.chance(0.2),
      priceChecked: false,
      orderedAt: null,
      deliveredAt: null,
      etaDay: null,
    };
    applyLifecycle(r, part, partCode(r, ctx.station, ctx.archived), ctx, orderNumbers);
    parts.push(part);
  }
  return parts;
}

function applyLifecycle(r: Random, part: SimPart, code: PartCode, ctx: PartsContext, orderNumbers: readonly string[]): void {
  setPartCode(part, code);
  const wasOrdered = code === "1" || code === "2" || code === "3" || (code === "4" && r.chance(0.5));
  if (!wasOrdered) return;

  const { workdays, today } = ctx;
  part.orderNo = r.pick(orderNumbers);
  let orderedDay = Math.min(workdays.add(workdays.onOrBefore(ctx.repairDay), r.int(-3, 1)), today);
  if (ctx.repairDay > today) orderedDay = workdays.add(today, -r.int(0, 3));
  const orderedAt = orderedDay * SECONDS_PER_DAY + timeBetween(r, 7.5, 17.5);
  part.orderedAt = Math.min(orderedAt, ctx.nowLocal - 60);

  if (code === "2") {
    const after = r.chance(0.8) ? 1 : r.int(2, 6);
    const deliveredDay = Math.min(workdays.add(orderedDay, after), today);
    const deliveredAt = deliveredDay * SECONDS_PER_DAY + timeBetween(r, 7, 11);
    part.deliveredAt = Math.max(part.orderedAt + 60, Math.min(deliveredAt, ctx.nowLocal - 30));
    part.priceChecked = r.chance(0.6);
  }
  if (code === "3") part.etaDay = workdays.add(today, r.int(5, 60));
}
