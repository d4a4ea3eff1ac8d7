import { describe, expect, test } from "bun:test";

import { FORM_PARAMS, login, readFormFields, type Session, withSimulator } from "./helpers.ts";

async function save(s: Session, id: string, fields: Record<string, string>, submode = "update"): Promise<Record<string, unknown>> {
  const params = { ...FORM_PARAMS(submode === "insert" ? "" : id), submode };
  const response = await s.call("visual_forms_plain", params, { method: "POST", body: `fields=${encodeURIComponent(JSON.stringify(fields))}` });
  expect(response.status).toBe(200);
  return JSON.parse(await response.text());
}

async function readForm(s: Session, id: string): Promise<Record<string, string>> {
  const body = await s.json<{ center: { content: string } }>("visual_forms_plain", FORM_PARAMS(id), "POST");
  return readFormFields(body.center.content);
}

describe("form save", () => {
  test("update saves and the read-back shows normalised values", async () => {
    await withSimulator({ quirks: { isoDatesMixedIn: false } }, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      const body = await save(s, id, {
        Werkstattstart: "9.3.2026",
        "Sollstunden Lack": "4,50",
        "Termin angelegt": "02.03.2026 08:15",
        "HU/AU": "09.2027",
        "Faktura aktivieren": "1",
        Kategorie: "KL 2-3",
        Kundenkategorie: "3",
        Fahrername: "Müller, Jürgen",
        Bemerkungen: "Kunde wartet & ruft an",
      });
      expect(body).toEqual({ success: true, dataID: id, message: "", ignored: [] });
      const fields = await readForm(s, id);
      expect(fields.Werkstattstart).toBe("09.03.2026");
      expect(fields["Sollstunden Lack"]).toBe("4,5");
      expect(fields["Termin angelegt"]).toBe("02.03.2026 08:15:00");
      expect(fields["HU/AU"]).toBe("09/2027");
      expect(fields["Faktura aktivieren"]).toBe("True");
      expect(fields.Kategorie).toBe("KL 2-3");
      expect(fields.Kundenkategorie).toBe("Versicherung Kasko");
      expect(fields.Fahrername).toBe("Müller, Jürgen");
      expect(fields.Bemerkungen).toBe("Kunde wartet & ruft an");
      const truth = sim.simulator.control.truthOrder(id, { withParts: false });
      expect(truth.shop_date).toBe("2026-03-09");
      expect(truth.est_hours_lack).toBe(4.5);
      expect(truth.customer_category).toBe(3);
      expect(truth.vehicle.hu_au).toBe("2027-09");
      expect(truth.details.activate_invoice).toBe(true);
    });
  });

  test("empty string clears and absent labels keep their value", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      const before = sim.simulator.control.truthOrder(id, { withParts: false });
      await save(s, id, { Bemerkungen: "", Kategorie: "" });
      const after = sim.simulator.control.truthOrder(id, { withParts: false });
      expect(after.details.remarks).toBeNull();
      expect(after.damage).toBeNull();
      expect(after.fields.Kategorie).toBe("-");
      expect(after.person).toBe(before.person);
    });
  });

  test("invalid values are rejected per label", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      const before = sim.simulator.control.truthOrder(id, { withParts: false });
      const body = await save(s, id, {
        Werkstattstart: "31.02.2026",
        "Termin angelegt": "02.03.2026",
        "Sollstunden Karo": "viel",
        "HU/AU": "13/2026",
        "Faktura aktivieren": "ja",
        Kategorie: "KL 5",
        Modell: "999",
        Fahrername: "Neuer Name",
      });
      expect(body).toEqual({
        success: false,
        dataID: id,
        message: "Ungültige Eingabe",
        errors: {
          Werkstattstart: "Ungültiges Datum",
          "Termin angelegt": "Ungültiges Datum/Uhrzeit",
          "Sollstunden Karo": "Ungültige Zahl",
          "HU/AU": "Ungültiger Monat",
          "Faktura aktivieren": "Ungültiger Wert",
          Kategorie: "Ungültige Auswahl",
          Modell: "Ungültige Auswahl",
        },
      });
      expect(sim.simulator.control.truthOrder(id, { withParts: false })).toEqual(before);
    });
  });

  test("unknown labels are ignored, or rejected with strictWrites", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      expect(await save(s, id, { Halter: "X", Bemerkungen: "ok" })).toEqual({ success: true, dataID: id, message: "", ignored: ["Halter"] });
      sim.simulator.control.configure({ quirks: { strictWrites: true } });
      expect(await save(s, id, { Halter: "X", Bemerkungen: "no" })).toEqual({
        success: false,
        dataID: id,
        message: "Ungültige Eingabe",
        errors: { Halter: "Unbekanntes Feld" },
      });
      expect(sim.simulator.control.truthOrder(id, { withParts: false }).details.remarks).toBe("ok");
    });
  });

  test("labels follow the rendered variant", async () => {
    await withSimulator({ labelVariant: "secondary" }, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      expect(await save(s, id, { Halter: "Gül Yılmaz", Fahrername: "ignored" })).toEqual({ success: true, dataID: id, message: "", ignored: ["Fahrername"] });
      expect(sim.simulator.control.truthOrder(id, { withParts: false }).person).toBe("Gül Yılmaz");
    });
  });

  test("make change clears a model of another make", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      await save(s, id, { Hersteller: "3", Modell: "" });
      expect(await save(s, id, { Modell: "101" })).toMatchObject({ success: false, errors: { Modell: "Ungültige Auswahl" } });
      await save(s, id, { Hersteller: "1", Modell: "101" });
      const truth = sim.simulator.control.truthOrder(id, { withParts: false });
      expect(truth.vehicle).toMatchObject({ make: "VW", model: "Golf", make_id: 1, model_id: 101 });
      await save(s, id, { Hersteller: "7" });
      expect(sim.simulator.control.truthOrder(id, { withParts: false }).vehicle).toMatchObject({ make: "Škoda", make_id: 7, model_id: null });
    });
  });

  test("insert adds order last at 1@active", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const lastAtOne = Math.max(...sim.simulator.control.truthBoard().filter((b) => b.station_id === 1).map((b) => b.board_position ?? 0));
      const body = await save(s, "", { Kennzeichen: "D-XY 1234", Fahrername: "Erika Beispiel" }, "insert");
      expect(body.success).toBe(true);
      const id = body.dataID as string;
      expect(Number(id)).toBeGreaterThan(Math.max(...sim.simulator.control.orderIds().filter((i) => i !== id).map(Number)));
      const item = sim.simulator.control.truthBoard().find((b) => b.id === id);
      expect(item).toEqual({ id, short_name: "D-XY 1234", station_id: 1, station_state: "active", employee_id: item?.employee_id as string, board_position: lastAtOne + 1 });
      expect(sim.simulator.control.truthOrder(id, { withParts: true })).toMatchObject({ plate: "D-XY 1234", person: "Erika Beispiel", parts: [], parts_status: "ohne E-Teile" });
    });
  });

  test("insert without Kennzeichen is rejected", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const count = sim.simulator.control.orderIds().length;
      expect(await save(s, "", { Fahrername: "Ohne Kennzeichen" }, "insert")).toEqual({
        success: false,
        dataID: "",
        message: "Ungültige Eingabe",
        errors: { Kennzeichen: "Pflichtfeld" },
      });
      expect(sim.simulator.control.orderIds().length).toBe(count);
    });
  });

  test("unknown dataID or tableID is not found", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      expect(await save(s, "99999999", { Bemerkungen: "x" })).toEqual({ success: false, message: "Datensatz nicht gefunden" });
      const id = sim.simulator.control.orderIds()[0] as string;
      const wrongTable = await s.call("visual_forms_plain", FORM_PARAMS(id, "1"), { method: "POST", body: `fields=${encodeURIComponent("{}")}` });
      expect(JSON.parse(await wrongTable.text())).toEqual({ success: false, message: "Datensatz nicht gefunden" });
    });
  });

  test("non-object fields body is rejected", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      const response = await s.call("visual_forms_plain", FORM_PARAMS(id), { method: "POST", body: "fields=%5B1%5D" });
      expect(JSON.parse(await response.text())).toMatchObject({ success: false, message: "Ungültige Eingabe" });
    });
  });

  test("expired session applies nothing and logs the write", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      sim.simulator.control.expireSessions();
      const response = await s.call("visual_forms_plain", FORM_PARAMS(id), { method: "POST", body: `fields=${encodeURIComponent(JSON.stringify({ Bemerkungen: "nie" }))}` });
      expect(await response.text()).toContain('name="system_login_username"');
      expect(sim.simulator.control.truthOrder(id, { withParts: false }).details.remarks).not.toBe("nie");
      const writes = sim.simulator.control.writes();
      expect(writes.map((w) => [w.module, w.outcome, w.fields])).toEqual([["visual_forms_plain", "expired", { Bemerkungen: "nie" }]]);
    });
  });
});

describe("delete", () => {
  test("delete removes the order once", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      expect(await s.json("resourceplanner_delete_project", { ID: id }, "POST")).toEqual({ success: true, ID: id });
      expect(await s.json("resourceplanner_delete_project", { ID: id }, "POST")).toEqual({ success: false, message: "Datensatz nicht gefunden" });
      expect(sim.simulator.control.orderIds()).not.toContain(id);
      expect(await s.json("visual_forms_plain", FORM_PARAMS(id), "POST")).toEqual({ center: { content: "" } });
      expect(sim.simulator.control.writes().map((w) => w.outcome)).toEqual(["applied", "not_found"]);
    });
  });
});

describe("part checkbox actions", () => {
  const STATUS = "resourceplanner_shop_view_set_part_status";

  test("each action sets code, flags and dates", async () => {
    await withSimulator({ now: "2026-03-02T09:00:00+01:00", session: { idleTtlS: 3 * 86400 } }, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      sim.simulator.control.removeParts(id);
      const rowId = sim.simulator.control.addPart(id, { description: "Kotflügel links", part_no: "5G0 821 021", qty: 1, price_each: 240, status: "0" });
      const act = async (action: string, checked: string) => s.json(STATUS, { ID: id, rowID: rowId, action, checked }, "POST");
      const part = () => sim.simulator.control.truthOrder(id, { withParts: true }).parts?.[0];

      expect(await act("bestellt", "1")).toEqual({ success: true, rowID: rowId, status: "1", title: "Bestellt" });
      expect(part()).toMatchObject({ status_code: "1", is_ordered: true, is_to_order: false, order_date: "2026-03-02", is_missing: true });
      expect(sim.simulator.control.truthOrder(id, { withParts: true }).parts_status).toBe("bestellt");

      expect(await act("ruckstand", "1")).toEqual({ success: true, rowID: rowId, status: "3", title: "Rückstand" });
      expect(part()).toMatchObject({ is_ordered: true, is_backorder: true, is_delivered: false });
      expect(sim.simulator.control.truthOrder(id, { withParts: true }).parts_status).toBe("Rückstand");

      sim.simulator.control.setClock({ advance: "P1D" });
      expect(await act("delivered", "1")).toEqual({ success: true, rowID: rowId, status: "2", title: "Geliefert" });
      expect(part()).toMatchObject({ is_delivered: true, is_backorder: false, delivery_date: "2026-03-03", order_date: "2026-03-02", is_missing: false });
      expect(sim.simulator.control.truthOrder(id, { withParts: true })).toMatchObject({ parts_status: "vollständig geliefert", missing_parts: false });

      expect((await act("delivered", "0")) as object).toMatchObject({ status: "1" });
      expect(part()).toMatchObject({ delivery_date: null });
      expect((await act("bestellt", "0")) as object).toMatchObject({ status: "0" });
      expect(part()).toMatchObject({ order_date: null, is_to_order: true });
      expect((await act("order_parts", "0")) as object).toMatchObject({ status: "4", title: "Storniert" });
      expect(sim.simulator.control.truthOrder(id, { withParts: true }).parts_status).toBe("ohne E-Teile");

      expect((await act("price_checked", "1")) as object).toMatchObject({ status: "4" });
      expect(part()?.is_price_checked).toBe(true);
      expect(sim.simulator.control.writes().length).toBe(7);
    });
  });

  test("unknown row, action or order fails", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      const rowId = sim.simulator.control.addPart(id, { description: "Clip", part_no: "N 123 456 01" });
      expect(await s.json(STATUS, { ID: id, rowID: "1", action: "delivered", checked: "1" }, "POST")).toEqual({ success: false, message: "Ersatzteil nicht gefunden" });
      expect(await s.json(STATUS, { ID: id, rowID: rowId, action: "lackieren", checked: "1" }, "POST")).toEqual({ success: false, message: "Unbekannte Aktion" });
      expect(await s.json(STATUS, { ID: "99999999", rowID: rowId, action: "delivered", checked: "1" }, "POST")).toEqual({ success: false, message: "Datensatz nicht gefunden" });
    });
  });
});
