import { describe, expect, test } from "bun:test";

import { deleteCall, parseWriteResponse, partStatusCall, saveCall } from "../../src/planso/write-contract.ts";

describe("write contract", () => {
  test("update save call", () => {
    expect(saveCall("12565", "10452", { Werkstattstart: "09.03.2026", "Sollstunden Lack": "4,5" })).toEqual({
      module: "visual_forms_plain",
      method: "POST",
      params: [
        ["tableID", "12565"],
        ["submode", "update"],
        ["dataID", "10452"],
        ["call_back_class", "resourceplanner_single_project_wrapper"],
        ["callback", ""],
      ],
      form: [["fields", '{"Werkstattstart":"09.03.2026","Sollstunden Lack":"4,5"}']],
      orderId: "10452",
      retry: "resend",
    });
  });

  test("insert save call is never resent", () => {
    const call = saveCall("12565", null, { Kennzeichen: "D-XY 1234" });
    expect(call.params.slice(1, 3)).toEqual([
      ["submode", "insert"],
      ["dataID", ""],
    ]);
    expect(call.retry).toBe("no-resend");
  });

  test("delete and part status calls", () => {
    expect(deleteCall("10452")).toEqual({ module: "resourceplanner_delete_project", method: "POST", params: [["ID", "10452"]], orderId: "10452" });
    expect(partStatusCall("10452", "88121", "delivered", true).params).toEqual([
      ["ID", "10452"],
      ["rowID", "88121"],
      ["action", "delivered"],
      ["checked", "1"],
    ]);
  });

  test("saved response", () => {
    expect(parseWriteResponse({ success: true, dataID: "10452", message: "", ignored: ["Foo"] }, "dataID", null)).toEqual({
      ok: true,
      id: "10452",
      ignored: ["Foo"],
    });
    expect(parseWriteResponse({ success: true, dataID: 10460 }, "dataID", null)).toEqual({ ok: true, id: "10460", ignored: [] });
  });

  test("invalid value response keeps per-field errors", () => {
    const body = { success: false, dataID: "10452", message: "Ungültige Eingabe", errors: { Werkstattstart: "Ungültiges Datum" } };
    expect(parseWriteResponse(body, "dataID", "10452")).toEqual({
      ok: false,
      notFound: false,
      message: "Ungültige Eingabe",
      fieldErrors: { Werkstattstart: "Ungültiges Datum" },
    });
  });

  test("unknown id response", () => {
    expect(parseWriteResponse({ success: false, message: "Datensatz nicht gefunden" }, "ID", "1")).toEqual({
      ok: false,
      notFound: true,
      message: "Datensatz nicht gefunden",
      fieldErrors: {},
    });
  });

  test("response without success flag or id", () => {
    expect(parseWriteResponse({ center: { content: "" } }, "dataID", "1").ok).toBe(false);
    expect(parseWriteResponse({ success: true }, "dataID", null)).toEqual({
      ok: false,
      notFound: false,
      message: "the write response has no dataID",
      fieldErrors: {},
    });
  });
});
