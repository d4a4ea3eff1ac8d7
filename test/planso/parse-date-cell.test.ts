import { describe, expect, test } from "bun:test";

import { parseHtml } from "../../src/planso/html.ts";
import { parseDateCell } from "../../src/planso/parse-date-cell.ts";

const cell = (inner: string) => parseDateCell(parseHtml(`<table><tr><td>${inner}</td></tr></table>`).querySelector("td")!);

describe("parseDateCell", () => {
  const cases: Array<[string, string, string | null, string | null]> = [
    ["titled order date, no delivery", '<span title="02.03.2026 09:14:00">02.03.2026</span> / -', "2026-03-02", null],
    ["both titled", '<span title="02.03.2026 09:14:00">02.03.2026</span> / <span title="03.03.2026 10:00:00">03.03.2026</span>', "2026-03-02", "2026-03-03"],
    ["both unset", "- / -", null, null],
    ["NBSP around the separator", "02.03.2026&nbsp;/&nbsp;03.03.2026", "2026-03-02", "2026-03-03"],
    ["Array junk", 'Array<span title="02.03.2026 09:14:00">Array</span> / Array', "2026-03-02", null],
    ["single date is the delivery date", "05.03.2026", null, "2026-03-05"],
    ["single titled date", '<span title="05.03.2026 11:00:00">05.03.2026</span>', null, "2026-03-05"],
    ["short and ISO forms", "6.3.2026 / 2026-03-09", "2026-03-06", "2026-03-09"],
    ["title without date falls back to the text", '<span title="bestellt">02.03.2026</span> / -', "2026-03-02", null],
    ["empty cell", "&nbsp;", null, null],
    ["zero dates", "00.00.0000 / 00.00.0000", null, null],
  ];
  for (const [name, inner, orderDate, deliveryDate] of cases) {
    test(name, () => {
      expect(cell(inner)).toEqual({ order_date: orderDate, delivery_date: deliveryDate });
    });
  }
});
