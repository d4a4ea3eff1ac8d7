import { describe, expect, test } from "bun:test";

import { parseEmployees } from "../../src/planso/parse-employees.ts";

const option = (id: string, name: string, extraClass = "") =>
  `<div><input type="checkbox" class="${extraClass}rspSv_todo_list_employee_option" value="${id}"><label><small> ${name}</small></label></div>`;

describe("parseEmployees", () => {
  test("reads id and short name", () => {
    const html = `<div>${option("17", "ebei")}${option("23", "m&uuml;l", "form-check ")}</div>`;
    expect(parseEmployees(html)).toEqual([
      { id: "17", name: "ebei" },
      { id: "23", name: "mül" },
    ]);
  });

  test("ignores other inputs and duplicate ids", () => {
    const html = `<div><input type="checkbox" class="other" value="1"><label><small>x</small></label>${option("17", "ebei")}${option("17", "ebei")}</div>`;
    expect(parseEmployees(html)).toEqual([{ id: "17", name: "ebei" }]);
  });

  test("label without small uses the label text", () => {
    const html = '<div><input class="rspSv_todo_list_employee_option" value="5"><label> mmus </label></div>';
    expect(parseEmployees(html)).toEqual([{ id: "5", name: "mmus" }]);
  });

  test("no options", () => {
    expect(parseEmployees("<div></div>")).toEqual([]);
  });
});
