/**
 * Deterministic random orders in the shapes PlanSo produces: German names with
 * umlauts written `Nachname, Vorname`, plates and phone numbers in the written
 * variants real data has, statuses, damage classes, dates and parts in every state.
 * Each order draws from its own stream seeded by (seed, id), so the same seed
 * gives the same order whatever else changes.
 */
import type { UpstreamOrder, UpstreamPart } from "../../src/planso/types.ts";
import { makeOrder, makePart, type PartState } from "./make-order.ts";

/** Returns an sfc32 generator seeded from (seed, key): small, fast and good enough for test data. */
export function createRandom(seed: number, key: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ key;
  let c = 0xb7e15162 ^ Math.imul(seed, 31);
  let d = 0x12345678 ^ Math.imul(key, 0x85ebca6b);
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1]![0];
}

// No Müller/Mueller/Muller and no Möller: those names belong to the fixtures.
const SURNAMES = [
  "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer",
  "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
  "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann",
  "Köhler", "Herrmann", "König", "Walter", "Huber", "Kaiser", "Fuchs", "Peters", "Scholz", "Weiß",
  "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler",
  "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Böhm", "Winter", "Krämer", "Jäger",
  "Groß", "Seidel", "Brandt", "Haas", "Graf", "Dietrich", "Ziegler", "Kühn", "Engel", "Pohl",
  "Yılmaz", "Kaya", "Nowak", "Kowalski", "Öztürk", "Hüsken", "Löffler", "Bäcker", "Dürr", "Sänger",
];
const FIRST_NAMES = [
  "Hans", "Peter", "Klaus", "Jürgen", "Uwe", "Stefan", "Andreas", "Thomas", "Michael", "Jörg",
  "Anna", "Maria", "Ursula", "Sabine", "Petra", "Monika", "Jutta", "Käthe", "Sören", "Björn",
  "Özlem", "Zoë", "Lea", "Lukas", "Leon", "Emma", "Mia", "Jonas", "Felix", "Marie",
];
// HH is the fixtures' district.
const DISTRICTS = ["B", "M", "K", "D", "F", "S", "DU", "E", "HB", "H", "MÜ", "TÖL", "GÖ", "LÖ", "BN", "AC", "KA", "OS", "MS", "RE"];
const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
const STATUSES = [
  ["Annahme", 10], ["KVA", 8], ["Wartet auf Freigabe", 7], ["Wartet auf Teile", 10], ["Karo", 15], ["Lack", 13],
  ["Montage", 10], ["Mech", 4], ["Aufbereitung", 6], ["Fertig", 9], ["Abgeholt", 6], ["Storniert", 2],
] as const;
const DAMAGES = [
  ["KL 1", 15], ["KL 1-2", 12], ["KL 2", 22], ["KL 2-3", 18], ["KL 3", 14], ["KL 3-4", 8], ["KL 4", 6], [null, 5],
] as const;
const PART_STATE_WEIGHTS = [["delivered", 55], ["ordered", 15], ["to_order", 10], ["backorder", 10], ["cancelled", 10]] as const;
const MAKES = [["VW", "Golf"], ["VW", "Passat"], ["Audi", "A4"], ["BMW", "3er"], ["Mercedes-Benz", "C-Klasse"], ["Opel", "Astra"], ["Ford", "Focus"], ["Škoda", "Octavia"]] as const;
const DESCRIPTIONS = ["Stoßfänger vorne", "Kotflügel links", "Tür hinten rechts", "Scheinwerfer", "Heckklappe", "Außenspiegel", "Motorhaube", "Radlaufverbreiterung", "Clip", "Schraube"];
/** Subscriber numbers of the fixtures; a generated number never ends with one. */
const RESERVED_PHONE_TAILS = ["1234567", "9876543", "12345678", "123456", "5550001", "4711000", "5550123"];

/** Random digits without a leading zero. */
function digits(rng: Rng, count: number): string {
  let out = String(int(rng, 1, 9));
  for (let i = 1; i < count; i++) out += String(int(rng, 0, 9));
  return out;
}

function phone(rng: Rng): string | null {
  if (rng() < 0.05) return null;
  let prefix: string;
  let subscriber: string;
  do {
    const mobile = rng() < 0.6;
    prefix = mobile ? pick(rng, ["151", "152", "160", "162", "170", "171", "172", "176", "177"]) : pick(rng, ["211", "221", "30", "40", "89", "69", "711", "201"]);
    subscriber = digits(rng, mobile ? 7 : int(rng, 6, 8));
  } while (RESERVED_PHONE_TAILS.some((tail) => `${prefix}${subscriber}`.endsWith(tail)));
  const forms = [
    `0${prefix} ${subscriber}`,
    `0${prefix}/${subscriber}`,
    `+49 ${prefix} ${subscriber}`,
    `0049 ${prefix} ${subscriber}`,
    `(0${prefix}) ${subscriber.replace(/(\d\d)(?=\d)/gu, "$1 ")}`,
    `+49 (0)${prefix} ${subscriber}`,
    `0${prefix}-${subscriber}`,
    `0${prefix} ${subscriber} (Frau)`,
  ];
  const first = pick(rng, forms);
  // A second number; its subscriber part starts with 9 so it never equals a fixture's.
  return rng() < 0.08 ? `${first}; 0${pick(rng, ["170", "211"])} 9${digits(rng, 6)}` : first;
}

function plate(rng: Rng): string {
  const district = pick(rng, DISTRICTS);
  const letters = Array.from({ length: int(rng, 1, 2) }, () => pick(rng, [...LETTERS])).join("");
  const number = digits(rng, int(rng, 1, 4));
  const suffix = rng() < 0.03 ? "E" : "";
  const form = int(rng, 0, 5);
  if (form === 0) return `${district} ${letters} ${number}${suffix}`;
  if (form === 1) return `${district}${letters}${number}${suffix}`;
  if (form === 2) return `${district}-${letters} ${number}${suffix}`.toLowerCase();
  if (form === 3) return `${district}–${letters} ${number}${suffix}`;
  return `${district}-${letters} ${number}${suffix}`;
}

function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/gu, "ae").replace(/ö/gu, "oe").replace(/ü/gu, "ue").replace(/ß/gu, "ss")
    .normalize("NFD").replace(/\p{M}/gu, "").replace(/ı/gu, "i").replace(/[^a-z]/gu, "");
}

/** `YYYY-MM-DD` `days` after 2025-01-01. */
function dayFrom2025(days: number): string {
  return new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

function parts(rng: Rng, count: number, shopDay: number, station: number): UpstreamPart[] {
  const out: UpstreamPart[] = [];
  for (let i = 0; i < count; i++) {
    // Orders at the last stations have their parts; earlier ones still wait for some.
    const state: PartState = station >= 6 && rng() < 0.9 ? "delivered" : weighted(rng, PART_STATE_WEIGHTS);
    const etaDay = shopDay + int(rng, -5, state === "backorder" ? 60 : 10);
    out.push(
      makePart(`p${i + 1}`, state, {
        part_id: String(100000 + i),
        part_no: `${digits(rng, 1)}${pick(rng, [..."GKX"])}${digits(rng, 1)} ${digits(rng, 3)} ${digits(rng, 3)}${rng() < 0.3 ? " GRU" : ""}`,
        description: pick(rng, DESCRIPTIONS),
        lead_no: String(int(rng, 1, 999)).padStart(4, "0"),
        order_no: `A${int(rng, 1, 3)}`,
        qty: int(rng, 1, 4),
        price_each: int(rng, 150, 90_000) / 100,
        order_date: state === "to_order" || state === "cancelled" ? null : dayFrom2025(shopDay - 2),
        delivery_date: state === "delivered" ? dayFrom2025(etaDay) : null,
        eta_date: state === "to_order" || state === "cancelled" ? null : dayFrom2025(etaDay),
        is_mandatory: rng() < 0.3,
        is_price_checked: rng() < 0.5,
      }),
    );
  }
  return out;
}

/** Returns the order-level parts status text (`E-Teile Status`) for the generated parts. */
function partsStatusText(rng: Rng, partCount: number, missing: boolean): string {
  if (partCount === 0) return "ohne E-Teile";
  if (!missing) return "vollständig geliefert";
  return pick(rng, ["offen", "bestellt", "teilweise geliefert", "Rückstand"]);
}

export function randomOrder(seed: number, id: number, partsPerOrder: number): UpstreamOrder {
  const rng = createRandom(seed, id);
  const surname = pick(rng, SURNAMES);
  const first = pick(rng, FIRST_NAMES);
  const status = weighted(rng, STATUSES);
  const station = int(rng, 1, 8);
  const shopDay = int(rng, 0, 540);
  const hasShopDate = rng() < 0.92;
  // A tenth have no parts; the rest average partsPerOrder / 0.9, so the overall mean is partsPerOrder.
  const partCount = partsPerOrder <= 0 || rng() < 0.1 ? 0 : int(rng, 1, Math.max(1, Math.round((2 * partsPerOrder) / 0.9) - 1));
  const orderParts = parts(rng, partCount, shopDay, station);
  const missing = orderParts.some((p) => p.is_missing);
  const [make, model] = pick(rng, MAKES);
  const platePlain = plate(rng);
  const personForm = int(rng, 0, 9);
  let person = `${surname}, ${first}`;
  if (personForm === 0) person = surname.toUpperCase();
  if (personForm === 1) person = `${first} ${surname}`;
  const email = rng() < 0.7 ? `${asciiFold(first)}${pick(rng, [".", "_", ""])}${asciiFold(surname)}${rng() < 0.3 ? int(rng, 1, 99) : ""}@${pick(rng, ["beispiel.de", "web.de", "mail.de", "firma-gmbh.de"])}` : null;

  return makeOrder({
    id: String(id),
    short_name: `${platePlain} ${surname}`,
    station_id: station,
    station_state: rng() < 0.25 ? "finished" : "active",
    employee_id: String(int(rng, 1, 12)),
    board_position: int(rng, 0, 40),
    plate: platePlain,
    person,
    phone: phone(rng),
    email: email !== null && rng() < 0.1 ? email.toUpperCase() : email,
    damage: weighted(rng, DAMAGES),
    project_status: missing && rng() < 0.3 ? "Wartet auf Teile" : status,
    customer_category: int(rng, 1, 7),
    shop_date: hasShopDate ? dayFrom2025(shopDay) : null,
    repair_date: rng() < 0.9 ? dayFrom2025(shopDay - int(rng, 0, 3)) : null,
    finish_date: rng() < 0.8 ? dayFrom2025(shopDay + int(rng, 2, 20)) : null,
    planned_delivery_date: rng() < 0.6 ? dayFrom2025(shopDay + int(rng, 3, 25)) : null,
    parts_status: partsStatusText(rng, partCount, missing),
    missing_parts: missing,
    est_hours_karo: int(rng, 0, 60) / 2,
    est_hours_lack: int(rng, 0, 40) / 2,
    est_hours_mech: rng() < 0.5 ? 0 : int(rng, 1, 8) / 2,
    vehicle: {
      vin: `W${pick(rng, ["VW", "AU", "BA", "DD", "F0"])}ZZZ${digits(rng, 2)}${pick(rng, [..."ABCDEFGH"])}${digits(rng, 7)}`.slice(0, 17),
      make,
      model,
      km_stand: int(rng, 500, 250_000),
      color_code: `L${pick(rng, [..."ABCDFH"])}${digits(rng, 1)}${pick(rng, [..."ABCDEFGHKLMNPRSTUVWXYZ"])}`,
      hu_au: `${2026 + int(rng, 0, 2)}-${String(int(rng, 1, 12)).padStart(2, "0")}`,
    },
    details: {
      remarks: rng() < 0.3 ? pick(rng, ["Kunde wartet", "Mietwagen gebucht", "Gutachten liegt vor", "Hol- und Bringservice", "Teile prüfen"]) : null,
      service_advisor: pick(rng, ["Frau Jansen", "Herr Özdemir", "Herr Schäfer", null]),
    },
    fields: { Kennzeichen: platePlain, Fahrername: person, "Projekt-Status": status },
    parts: orderParts,
  });
}
