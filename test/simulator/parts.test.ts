import { describe, expect, test } from "bun:test";
import { parse } from "node-html-parser";

import type { UpstreamOrder } from "../../src/planso/types.ts";
import type { Simulator } from "../../src/simulator/index.ts";
import { login, readParts, type Session, withSimulator } from "./helpers.ts";

const PARTS = "resourceplanner_shop_view_get_parts";

async function partsBody(s: Session, id: string): Promise<{ html: string; js: string }> {
  return s.json<{ html: string; js: string }>(PARTS, { ID: id });
}

function orderWith(sim: Simulator, predicate: (order: UpstreamOrder) => boolean): string {
  const id = sim.control.orderIds().find((i) => predicate(sim.control.truthOrder(i, { withParts: true })));
  if (!id) throw new Error("no order matches");
  return id;
}

/** Reads a date cell by the protocol's rules: Array removed, split at `/`, span title or text. */
function readDateCell(html: string): [string | null, string | null] {
  const cleaned = html.replace(/Array/g, "").replace(/&nbsp;/g, " ");
  const sides = cleaned.split(" / ");
  const side = (text: string | undefined): string | null => {
    if (text === undefined) return null;
    const node = parse(text);
    const span = node.querySelector("span");
    const value = (span ? (span.getAttribute("title") ?? "").slice(0, 10) : node.text).trim();
    if (value === "" || value === "-") return null;
    const [d, m, y] = value.split(".");
    return `${y}-${m}-${d}`;
  };
  return [side(sides[0]), side(sides[1])];
}

describe("parts tab", () => {
  test("table structure, attributes and headers", async () => {
    await withSimulator({}, async (sim) => {
      const id = orderWith(sim.simulator, (o) => (o.parts?.length ?? 0) >= 3);
      const body = await partsBody(await login(sim.url), id);
      const root = parse(body.html);
      const table = root.querySelector("table.parts_table");
      expect(table?.getAttribute("data-pnum")).toBe(id);
      const truth = sim.simulator.control.truthOrder(id, { withParts: true });
      expect(table?.getAttribute("data-vin")).toBe(truth.vehicle.vin ?? "");
      expect(table?.getAttribute("data-make")).toBe(truth.vehicle.make ?? "");
      expect(table?.getAttribute("data-number_plate")).toBe(truth.plate ?? "");
      const read = readParts(body.html);
      expect(read.headers).toEqual(["Teil", "Teile Nr.", "Leit Nr.", "E.Preis", "Menge", "G.Preis", "Status", "Datum", "A.Nummer", "Aktionen"]);
      expect(read.rows.length).toBe(truth.parts?.length as number);
      for (const row of read.rows) {
        expect(row.cells.length).toBe(10);
        expect(Object.keys(row.flags)).toEqual(["order_parts", "bestellt", "delivered", "ruckstand", "mandatory", "price_checked"]);
        expect(row.partNo).toBe(row.cells[1] as string);
      }
      expect(read.status).toBe(truth.parts_status);
      expect(typeof body.js).toBe("string");
    });
  });

  test("rows read by the rules equal the truth's parts", async () => {
    await withSimulator({ orders: 40 }, async (sim) => {
      const s = await login(sim.url);
      for (const id of sim.simulator.control.orderIds()) {
        const truth = sim.simulator.control.truthOrder(id, { withParts: true });
        const read = readParts((await partsBody(s, id)).html);
        const parsed = read.rows.map((row) => {
          const [orderDate, deliveryDate] = readDateCell(row.dates);
          const cell = (i: number) => (row.cells[i] ?? "").replace(/\u00a0/g, " ").trim();
          const money = (i: number) => Number(cell(i).replace(",", "."));
          return {
            row_id: row.rowId,
            part_no: row.partNo,
            description: row.description,
            lead_no: cell(2) === "" ? null : cell(2),
            price_each: money(3),
            qty: money(4),
            price_total: money(5),
            status: row.title,
            status_code: row.status,
            order_date: orderDate,
            delivery_date: deliveryDate,
            order_no: cell(8) === "" ? null : cell(8),
            is_to_order: row.flags.order_parts,
            is_ordered: row.flags.bestellt,
            is_delivered: row.flags.delivered,
            is_backorder: row.flags.ruckstand,
            is_mandatory: row.flags.mandatory,
            is_price_checked: row.flags.price_checked,
          };
        });
        const expected = (truth.parts ?? []).map((p) => ({
          row_id: p.row_id,
          part_no: p.part_no,
          description: p.description,
          lead_no: p.lead_no,
          price_each: p.price_each,
          qty: p.qty,
          price_total: p.price_total,
          status: p.status,
          status_code: p.status_code,
          order_date: p.order_date,
          delivery_date: p.delivery_date,
          order_no: p.order_no,
          is_to_order: p.is_to_order,
          is_ordered: p.is_ordered,
          is_delivered: p.is_delivered,
          is_backorder: p.is_backorder,
          is_mandatory: p.is_mandatory,
          is_price_checked: p.is_price_checked,
        }));
        expect({ id, parts: parsed as unknown[] }).toEqual({ id, parts: expected as unknown[] });
      }
    });
  });

  test("totals per A.Nummer and grand total", async () => {
    await withSimulator({}, async (sim) => {
      const id = orderWith(sim.simulator, (o) => Object.keys(o.parts_totals?.by_order_no ?? {}).length >= 2);
      const body = await partsBody(await login(sim.url), id);
      const truth = sim.simulator.control.truthOrder(id, { withParts: true });
      const money = (text: string) => Number(text.replace(/[€\s]/g, "").replace(/\./g, "").replace(",", "."));
      const rows = readParts(body.html).totals.filter((row) => row.length === 2);
      const last = rows[rows.length - 1] as string[];
      expect(last[0]).toBe("Gesamtpreis");
      expect(money(last[1] as string)).toBe(truth.parts_totals?.total as number);
      expect(body.html).toMatch(/<td><b>[\d.]+,\d{2} &euro;<\/b><\/td><\/tr><\/table>$/);
      const byOrderNo = Object.fromEntries(rows.slice(0, -1).map(([no, sum]) => [no, money(sum as string)]));
      expect(byOrderNo).toEqual(truth.parts_totals?.by_order_no as Record<string, number>);
      const sumOfLines = Math.round((truth.parts ?? []).reduce((sum, p) => sum + (p.price_total ?? 0) * 100, 0)) / 100;
      expect(truth.parts_totals?.total).toBe(sumOfLines);
    });
  });

  test("order without parts has no table", async () => {
    await withSimulator({}, async (sim) => {
      const id = orderWith(sim.simulator, (o) => o.parts?.length === 0);
      const body = await partsBody(await login(sim.url), id);
      expect(body.html).toContain("Keine Ersatzteile vorhanden");
      expect(body.html).not.toContain("parts_single_row");
      expect(body.html).not.toContain("<table");
      const truth = sim.simulator.control.truthOrder(id, { withParts: true });
      expect(truth.parts_status).toBe("ohne E-Teile");
      expect(truth.parts_totals).toBeNull();
      expect(truth.vehicle.order_no).toBeNull();
    });
  });

  test("date cells use span titles and - for unset", async () => {
    await withSimulator({}, async (sim) => {
      const id = orderWith(sim.simulator, (o) => (o.parts ?? []).some((p) => p.status_code === "1"));
      const read = readParts((await partsBody(await login(sim.url), id)).html);
      const ordered = read.rows.find((row) => row.status === "1") as { dates: string };
      expect(ordered.dates).toMatch(/^<span title="\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}">\d{2}\.\d{2}\.\d{4}<\/span> \/ -$/);
    });
  });

  test("status codes carry their icon titles and flags", async () => {
    await withSimulator({ orders: 60 }, async (sim) => {
      const seen = new Map<string, string>();
      for (const id of sim.simulator.control.orderIds()) {
        for (const part of sim.simulator.control.truthOrder(id, { withParts: true }).parts ?? []) {
          seen.set(part.status_code as string, part.status as string);
          const flags = [part.is_to_order, part.is_ordered, part.is_delivered, part.is_backorder];
          const expected = { "0": [true, false, false, false], "1": [false, true, false, false], "2": [false, true, true, false], "3": [false, true, false, true], "4": [false, false, false, false] }[part.status_code as "0"];
          expect(flags).toEqual(expected);
          expect(part.is_missing).toBe(part.status_code === "0" || part.status_code === "1" || part.status_code === "3");
        }
      }
      expect(Object.fromEntries([...seen].sort())).toEqual({ "0": "Zu bestellen", "1": "Bestellt", "2": "Geliefert", "3": "Rückstand", "4": "Storniert" });
    });
  });

  test("nbspInCells off leaves empty cells empty", async () => {
    const emptyCells = async (nbsp: boolean) =>
      withSimulator({ quirks: { nbspInCells: nbsp } }, async (sim) => {
        const id = orderWith(sim.simulator, (o) => (o.parts ?? []).some((p) => p.lead_no === null));
        return (await partsBody(await login(sim.url), id)).html;
      });
    expect(await emptyCells(true)).toContain("<td>&nbsp;</td>");
    expect(await emptyCells(false)).not.toContain("&nbsp;");
    expect(await emptyCells(false)).toContain("<td></td>");
  });

  test("arrayInDateCells puts Array in cells", async () => {
    await withSimulator({ quirks: { arrayInDateCells: 1 } }, async (sim) => {
      const id = orderWith(sim.simulator, (o) => (o.parts?.length ?? 0) > 0);
      const read = readParts((await partsBody(await login(sim.url), id)).html);
      expect(read.rows.every((row) => row.dates.startsWith("Array"))).toBe(true);
    });
  });

  test("extraHeaderRow adds a second header row", async () => {
    await withSimulator({ quirks: { extraHeaderRow: true } }, async (sim) => {
      const id = orderWith(sim.simulator, (o) => (o.parts?.length ?? 0) > 0);
      const root = parse((await partsBody(await login(sim.url), id)).html);
      const headerRows = root.querySelectorAll("table.parts_table tr").filter((tr) => tr.querySelector("th"));
      expect(headerRows.length).toBe(2);
    });
  });

  test("duplicateParts repeats one row; the truth keeps the first", async () => {
    await withSimulator({ quirks: { duplicateParts: true } }, async (sim) => {
      const id = orderWith(sim.simulator, (o) => (o.parts?.length ?? 0) >= 2);
      const read = readParts((await partsBody(await login(sim.url), id)).html);
      const truth = sim.simulator.control.truthOrder(id, { withParts: true });
      expect(read.rows.length).toBe((truth.parts?.length as number) + 1);
      const keys = read.rows.map((row) => `${row.partNo}|${row.description}`);
      expect(new Set(keys).size).toBe(keys.length - 1);
    });
  });

  test("inconsistentPartFlags checks delivered and ruckstand together", async () => {
    await withSimulator({ quirks: { inconsistentPartFlags: 1 } }, async (sim) => {
      const id = orderWith(sim.simulator, (o) => (o.parts ?? []).some((p) => p.status_code === "2"));
      const read = readParts((await partsBody(await login(sim.url), id)).html);
      const delivered = read.rows.find((row) => row.status === "2");
      expect(delivered?.flags.delivered).toBe(true);
      expect(delivered?.flags.ruckstand).toBe(true);
      const truth = sim.simulator.control.truthOrder(id, { withParts: true });
      expect(truth.parts?.find((p) => p.status_code === "2")?.is_missing).toBe(true);
    });
  });

  test("partsStatusDrift freezes the status text", async () => {
    await withSimulator({ quirks: { partsStatusDrift: true } }, async (sim) => {
      const id = orderWith(sim.simulator, (o) => (o.parts?.length ?? 0) > 0);
      const before = sim.simulator.control.truthOrder(id, { withParts: true }).parts_status;
      sim.simulator.control.removeParts(id);
      const truth = sim.simulator.control.truthOrder(id, { withParts: true });
      expect(truth.parts_status).toBe(before);
      expect(truth.fields["E-Teile Status"]).toBe(before as string);
    });
  });

  test("status text follows the parts without drift", async () => {
    await withSimulator({}, async (sim) => {
      const id = orderWith(sim.simulator, (o) => (o.parts?.length ?? 0) > 0);
      sim.simulator.control.removeParts(id);
      expect(sim.simulator.control.truthOrder(id, { withParts: true }).parts_status).toBe("ohne E-Teile");
      const rowId = sim.simulator.control.addPart(id, { description: "Scheinwerfer links", part_no: "5G0 941 005", qty: 1, price_each: 389.9, status: "3", eta_date: "2026-04-14" });
      const truth = sim.simulator.control.truthOrder(id, { withParts: true });
      expect(truth.parts_status).toBe("Rückstand");
      expect(truth.fields["E-Teile Status"]).toBe("Rückstand");
      expect(truth.missing_parts).toBe(true);
      expect(truth.parts?.[0]?.row_id).toBe(rowId);
      expect(truth.parts?.[0]?.eta_date).toBeNull();
    });
  });

  test("partsFollowUps names and serves the availability module", async () => {
    await withSimulator({ quirks: { partsFollowUps: true } }, async (sim) => {
      const id = sim.simulator.control.orderIds()[0] as string;
      sim.simulator.control.removeParts(id);
      sim.simulator.control.addPart(id, { description: "Stoßfänger vorne", part_no: "5X0 807 217 GRU", qty: 1, price_each: 412.3, status: "3", eta_date: "2026-04-14" });
      const s = await login(sim.url);
      const body = await partsBody(s, id);
      expect(body.js).toContain("'/do?m=resourceplanner_shop_view_parts_availability'");
      const data = await s.json("resourceplanner_shop_view_parts_availability", { projectID: id });
      expect(data).toEqual({ data: [{ part_no: "5X0 807 217 GRU", eta_date: "2026-04-14" }] });
      expect(sim.simulator.control.truthOrder(id, { withParts: true }).parts?.[0]?.eta_date).toBe("2026-04-14");
    });
  });

  test("without partsFollowUps the availability module is unknown", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      expect((await partsBody(s, id)).js).not.toContain("/do?m=");
      expect((await s.call("resourceplanner_shop_view_parts_availability", { projectID: id })).status).toBe(404);
    });
  });
});
