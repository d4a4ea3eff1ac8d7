import { describe, expect, test } from "bun:test";

import { ID_TABS } from "../../src/simulator/render/extended-tabs.ts";
import { login, withSimulator } from "./helpers.ts";

describe("extended tabs", () => {
  test("every ID tab answers with html, settings as blocks", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      for (const module of Object.keys(ID_TABS)) {
        const body = await s.json<Record<string, unknown>>(module, module === "resourceplanner_get_shop_view" ? { get_fields: "false", ID: id } : { ID: id });
        if (module === "resourceplanner_shop_view_get_setting") {
          expect(body.html).toEqual({ settings: { content: expect.stringContaining("<div") } });
        } else {
          expect({ module, type: typeof body.html }).toEqual({ module, type: "string" });
          expect((body.html as string).length).toBeGreaterThan(0);
        }
      }
    });
  });

  test("documents and images list files", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      const images = await s.json<{ html: string; files: { name: string }[] }>("resourceplanner_shop_view_get_images", { ID: id });
      expect(images.files.length).toBeGreaterThan(0);
      expect(images.html).toContain(`<img src="/files/${id}/${images.files[0]?.name}"`);
      const documents = await s.json<{ files: unknown[] }>("resourceplanner_shop_view_get_documents", { ID: id });
      expect(Array.isArray(documents.files)).toBe(true);
    });
  });

  test("htmlBlocksObject wraps every tab in blocks", async () => {
    await withSimulator({ quirks: { htmlBlocksObject: true } }, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      const body = await s.json<{ html: Record<string, { content: string }> }>("resourceplanner_shop_view_get_details", { ID: id });
      expect(Object.keys(body.html)).toEqual(["details"]);
      expect(body.html.details?.content).toContain("<label>VIN</label>");
    });
  });

  test("dist_html takes projectID and shop_date", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds().find((i) => {
        const o = sim.simulator.control.truthOrder(i, { withParts: false });
        return o.shop_date !== null && (o.est_hours_karo ?? 0) > 0;
      }) as string;
      const shopDate = sim.simulator.control.truthOrder(id, { withParts: false }).shop_date as string;
      const body = await s.json<{ html: string }>("resourceplanner_shop_view_get_dist_html", { shop_date: shopDate, projectID: id });
      const [y, m, d] = shopDate.split("-");
      expect(body.html).toContain(`<td>${d}.${m}.${y}</td><td>Karosserie</td>`);
    });
  });

  test("rental_car_data returns bookings overlapping the month", async () => {
    await withSimulator({ orders: 60 }, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds().find((i) => sim.simulator.control.truthOrder(i, { withParts: false }).details.rental_car_type !== null) as string;
      const repair = sim.simulator.control.truthOrder(id, { withParts: false }).repair_date as string;
      const from = `${repair.slice(0, 7)}-01`;
      const next = new Date(Date.UTC(Number(repair.slice(0, 4)), Number(repair.slice(5, 7)), 1)).toISOString().slice(0, 10);
      const body = await s.json<{ data: { id: string; from: string; to: string }[] }>("resourceplanner_shop_view_get_rental_car_data", {
        booked_lei_id: "",
        projectID: id,
        timeshift: "-60",
        from,
        to: next,
      });
      expect(body.data.length).toBe(1);
      expect(body.data[0]?.from).toBe(`${repair.slice(8, 10)}.${repair.slice(5, 7)}.${repair.slice(0, 4)} 08:00:00`);
      const empty = await s.json("resourceplanner_shop_view_get_rental_car_data", { projectID: id, from: "2020-01-01", to: "2020-02-01" });
      expect(empty).toEqual({ data: [] });
    });
  });

  test("unknown ids get empty html", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      expect(await s.json("resourceplanner_shop_view_get_work", { ID: "5" })).toEqual({ html: "" });
      expect(await s.json("resourceplanner_shop_view_get_parts", { ID: "5" })).toEqual({ html: "" });
      expect(await s.json("resourceplanner_shop_view_single", { ID: "5" })).toEqual({ center: { content: "" } });
    });
  });
});
