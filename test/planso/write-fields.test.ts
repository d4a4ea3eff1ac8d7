import { describe, expect, test } from "bun:test";

import { PlansoError } from "../../src/planso/errors.ts";
import { DEFAULT_LABEL_RULES } from "../../src/planso/labels.ts";
import { encodeWriteFields } from "../../src/planso/write-fields.ts";

const noLabels = () => undefined;

function encode(fields: Parameters<typeof encodeWriteFields>[0], labelFor: (field: string) => string | undefined = noLabels) {
  return Object.fromEntries(encodeWriteFields(fields, DEFAULT_LABEL_RULES, labelFor, "Europe/Berlin").map((f) => [f.label, f.value]));
}

describe("encodeWriteFields", () => {
  test("formats every value kind", () => {
    expect(
      encode({
        person: "Jürgen Müller",
        shop_date: "2026-03-09",
        est_hours_lack: 4.5,
        est_hours_karo: 1234.5,
        appointment_date: "2026-03-16T12:08:59+01:00",
        return_date_time: "2026-07-01T08:00:00+02:00",
        rental_car_navi: true,
        activate_invoice: false,
        customer_category: 3,
        type_of_date: "0",
        vehicle_details: { hu_au: "2026-09", km_stand: 87450, makeID: 12, number_plate: "D-XY 1234" },
      }),
    ).toEqual({
      Fahrername: "Jürgen Müller",
      Werkstattstart: "09.03.2026",
      "Sollstunden Lack": "4,5",
      "Sollstunden Karo": "1234,5",
      "Termin angelegt": "16.03.2026 12:08:59",
      Rückgabe: "01.07.2026 08:00:00",
      "Mietwagen Navi": "1",
      "Faktura aktivieren": "0",
      Kundenkategorie: "3",
      Terminart: "0",
      "HU/AU": "09/2026",
      Kilometerstand: "87450",
      Hersteller: "12",
      Kennzeichen: "D-XY 1234",
    });
  });

  test("datetime with another offset is converted to Berlin time", () => {
    expect(encode({ repair_date_time_from: "2026-03-16T11:00:00Z" })).toEqual({ "Reparatur von": "16.03.2026 12:00:00" });
  });

  test("null clears a field", () => {
    expect(encode({ email: null, deductible: null, shop_date: null, vehicle_details: { vin: null } })).toEqual({
      "Kunden E-Mail": "",
      Selbstbeteiligung: "",
      Werkstattstart: "",
      VIN: "",
    });
  });

  test("null checkbox is unticked", () => {
    expect(encode({ rental_car_hitch: null })).toEqual({ "Mietwagen Anhängerkupplung": "0" });
  });

  test("undefined values are left out", () => {
    expect(encode({ person: undefined, phone: "0211 1234567" })).toEqual({ Telefon: "0211 1234567" });
  });

  test("uses the label found on the form", () => {
    const found: Record<string, string> = { person: "Halter", phone: "Telefonnummer" };
    expect(encode({ person: "Eva", phone: "1", email: "e@example.com" }, (field) => found[field])).toEqual({
      Halter: "Eva",
      Telefonnummer: "1",
      "Kunden E-Mail": "e@example.com",
    });
  });

  test("invalid values are rejected with every field named", () => {
    let error: unknown;
    try {
      encode({ shop_date: "31.02.2026", est_hours_karo: "4,5" as unknown as number, rental_car_navi: "ja" as unknown as boolean });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PlansoError);
    expect((error as PlansoError).kind).toBe("rejected");
    expect(Object.keys((error as PlansoError).details.fieldErrors ?? {})).toEqual(["shop_date", "est_hours_karo", "rental_car_navi"]);
  });

  test("a field without a write rule is rejected", () => {
    expect(() => encode({ project_status: "Lack" } as never)).toThrow("invalid write fields: project_status");
  });
});
