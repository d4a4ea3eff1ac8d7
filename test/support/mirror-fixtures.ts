/**
 * Hand-made orders with known ids for exact-result tests. The generated orders
 * around them never reuse their plates (district HH), names (Müller and its
 * spellings), phone numbers, the `100…rabatt` e-mails or dates in 2024, so a search
 * aimed at a fixture finds exactly the fixtures listed in its comment.
 */
import type { NewOrderRow } from "../../src/db/schema.ts";
import type { UpstreamOrder } from "../../src/planso/types.ts";
import { makeOrder, makePart } from "./make-order.ts";

export interface FixtureOrder {
  order: UpstreamOrder;
  /** Row values that the sync sets outside toOrderRow (tombstones, board state). */
  row?: Partial<NewOrderRow>;
}

/** Fixture ids by role. */
export const FIXTURE = {
  /** `HH-AB 1234`, Müller, `+49 170 1234567`, shop date 2024-07-15. */
  muellerHamburg: 1001,
  /** `hh ab 12`, MÜLLER (upper case), shop date 2024-07-14. */
  muellerUpper: 1002,
  /** Mueller (ue spelling), e-mail and remark `100%_rabatt`, shop date 2024-07-16. */
  muellerUe: 1003,
  /** Möller (must not match mueller), two phone numbers, e-mail `1009rabatt` (a `%`/`_` decoy). */
  moeller: 1004,
  /** Deleted (tombstone): hidden unless include_deleted=true. Plate `HH-AB 1235`. */
  deleted: 1005,
  /** Off the board, back-ordered part, upper-case e-mail. */
  offBoard: 1006,
  /** Second order on 2024-07-15, no parts. */
  sameDay: 1007,
} as const;

export const FIXTURE_IDS: readonly number[] = Object.values(FIXTURE);

export const FIXTURE_ORDERS: readonly FixtureOrder[] = [
  {
    order: makeOrder({
      id: String(FIXTURE.muellerHamburg),
      short_name: "HH-AB 1234 Müller",
      plate: "HH-AB 1234",
      person: "Müller, Hans",
      phone: "+49 170 1234567",
      email: "hans.mueller@beispiel.de",
      project_status: "Karo",
      damage: "KL 2-3",
      customer_category: 2,
      station_id: 3,
      station_state: "active",
      shop_date: "2024-07-15",
      repair_date: "2024-07-12",
      finish_date: "2024-07-24",
      parts_status: "teilweise geliefert",
      missing_parts: true,
      est_hours_karo: 7.5,
      est_hours_lack: 6,
      est_hours_mech: 0,
      vehicle: { vin: "WVWZZZ1KZ8W123456", make: "VW", model: "Golf", km_stand: 84210 },
      details: { remarks: "Stoßfänger vorne links", service_advisor: "Frau Jansen" },
      fields: { Kennzeichen: "HH-AB 1234", Fahrername: "Müller, Hans", "Projekt-Status": "Karo" },
      parts: [
        makePart("r1", "delivered", { part_no: "5G0 807 221 GRU", description: "Stoßfänger vorne", eta_date: "2024-07-13", qty: 1, price_each: 412.5, price_total: 412.5 }),
        makePart("r2", "ordered", { part_no: "5G0 941 005", description: "Scheinwerfer links", eta_date: "2024-07-18", qty: 1 }),
        makePart("r3", "backorder", { part_no: "5G0 853 651 A", description: "Kühlergrill", eta_date: "2024-08-02", qty: 1 }),
      ],
    }),
  },
  {
    order: makeOrder({
      id: String(FIXTURE.muellerUpper),
      plate: "hh ab 12",
      person: "MÜLLER, GERDA",
      phone: "0170 9876543",
      email: "gerda@beispiel.de",
      project_status: "Lack",
      damage: "KL 1",
      shop_date: "2024-07-14",
      parts_status: "ohne E-Teile",
      parts: [],
    }),
  },
  {
    order: makeOrder({
      id: String(FIXTURE.muellerUe),
      plate: "B-MW 500E",
      person: "Mueller, Klaus",
      phone: "040 / 12 34 56 78",
      email: "100%_rabatt@beispiel.de",
      project_status: "Annahme",
      damage: "KL 2",
      shop_date: "2024-07-16",
      details: { remarks: "Kunde hat 100%_rabatt Gutschein" },
      parts_status: "ohne E-Teile",
      parts: [],
    }),
  },
  {
    order: makeOrder({
      id: String(FIXTURE.moeller),
      plate: "MÜ-LL 88",
      person: "Möller, Anna",
      phone: "0049 (0)211 123456 oder 0171 5550001",
      email: "1009rabatt@beispiel.de",
      project_status: "Montage",
      damage: "KL 3",
      shop_date: null,
      parts_status: "vollständig geliefert",
      parts: [makePart("m1", "delivered", { part_no: "A 205 880 01 00", description: "Motorhaube", eta_date: "2024-06-01" })],
    }),
  },
  {
    order: makeOrder({
      id: String(FIXTURE.deleted),
      plate: "HH-AB 1235",
      person: "Schmidt, Peter",
      phone: "(0211) 12 34 56",
      project_status: "LACK",
      damage: "KL 1-2",
      shop_date: "2024-07-15",
      parts: [],
    }),
    row: { deletedAt: "2024-07-20T10:00:00.000Z" },
  },
  {
    order: makeOrder({
      id: String(FIXTURE.offBoard),
      plate: "K-LN 4711",
      person: "Weiß, Jürgen",
      phone: "0221 4711000",
      email: "JUERGEN.WEISS@Beispiel.DE",
      project_status: "Wartet auf Teile",
      damage: "KL 4",
      shop_date: "2024-06-03",
      parts_status: "Rückstand",
      missing_parts: true,
      parts: [
        makePart("w1", "backorder", { part_no: "51 11 7 397 579", description: "Seitenwand hinten rechts", eta_date: "2024-09-30" }),
        makePart("w2", "to_order", { part_no: "51 11 7 397 580", description: "Radlauf" }),
      ],
    }),
    row: { onBoard: false },
  },
  {
    order: makeOrder({
      id: String(FIXTURE.sameDay),
      plate: "D-XY 1234",
      person: "Yılmaz, Ayşe",
      phone: "0211/5550123",
      project_status: "Fertig",
      damage: null,
      shop_date: "2024-07-15",
      parts_status: "ohne E-Teile",
      parts: [],
    }),
  },
];
