import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { migrateDb, openDb, type Db } from "../../src/db/connection.ts";
import { QueryInputError } from "../../src/db/queries/errors.ts";
import { listOrders, type ListOrdersParams, type OrderSort } from "../../src/db/queries/list-orders.ts";
import { searchParts } from "../../src/db/queries/search-parts.ts";
import { encodeCursor } from "../../src/db/queries/cursor.ts";
import { FIXTURE } from "../support/mirror-fixtures.ts";
import { generateMirror } from "../support/generate-mirror.ts";

let dir: string;
let db: Db;

interface OracleRow {
  id: number;
  shop_date: string | null;
  repair_date: string | null;
  finish_date: string | null;
  updated_at: string;
  deleted_at: string | null;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "reit-list-"));
  db = openDb(join(dir, "mirror.db"));
  migrateDb(db);
  generateMirror(db, { orders: 300, partsPerOrder: 3, seed: 11 });
});

afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function live(): OracleRow[] {
  return db.$client
    .query<OracleRow, []>("SELECT id, shop_date, repair_date, finish_date, updated_at, deleted_at FROM orders WHERE deleted_at IS NULL")
    .all();
}

function pageAll(params: Omit<ListOrdersParams, "cursor">): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = listOrders(db, { ...params, cursor });
    ids.push(...page.orders.map((o) => o.id));
    expect(page.count).toBe(page.orders.length);
    if (page.next_cursor === null) return ids;
    expect(page.count).toBe(params.limit);
    cursor = page.next_cursor;
  }
  throw new Error("paging did not end");
}

/** Expected order: rows with the value first (by value, then id), then rows without it by id. */
function expectedOrder(rows: OracleRow[], sort: Exclude<OrderSort, "relevance">, direction: "asc" | "desc"): string[] {
  const sign = direction === "asc" ? 1 : -1;
  const key = (row: OracleRow) => (sort === "id" ? row.id : row[sort]);
  return [...rows]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === null && kb !== null) return 1;
      if (kb === null && ka !== null) return -1;
      if (ka !== null && kb !== null && ka !== kb) return (ka < kb ? -1 : 1) * sign;
      return (a.id - b.id) * sign;
    })
    .map((row) => String(row.id));
}

describe("listOrders paging", () => {
  const cases: Array<[Exclude<OrderSort, "relevance">, "asc" | "desc"]> = [
    ["shop_date", "desc"],
    ["shop_date", "asc"],
    ["repair_date", "asc"],
    ["finish_date", "desc"],
    ["updated_at", "desc"],
    ["id", "asc"],
    ["id", "desc"],
  ];
  for (const [sort, order] of cases) {
    test(`${sort} ${order}: every order once, nulls last`, () => {
      const ids = pageAll({ sort, order, limit: 7 });
      expect(ids).toEqual(expectedOrder(live(), sort, order));
    });
  }

  test("default sort is shop_date descending", () => {
    expect(pageAll({ limit: 13 })).toEqual(expectedOrder(live(), "shop_date", "desc"));
  });

  test("relevance pages cover every match once", () => {
    const all = listOrders(db, { q: "lack", limit: 500 });
    expect(all.total).toBeGreaterThan(5);
    const paged = pageAll({ q: "lack", limit: 2 });
    expect(paged).toEqual(all.orders.map((o) => o.id));
    expect(new Set(paged).size).toBe(all.total);
  });

  test("filtered paging keeps the filter", () => {
    const ids = pageAll({ missing_parts: false, limit: 9 });
    const expected = db.$client
      .query<{ id: number }, []>("SELECT id FROM orders WHERE missing_parts = 0 AND deleted_at IS NULL")
      .all()
      .map((r) => String(r.id));
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  test("total ignores the cursor", () => {
    const first = listOrders(db, { limit: 5 });
    const second = listOrders(db, { limit: 5, cursor: first.next_cursor! });
    expect(second.total).toBe(first.total);
    expect(first.total).toBe(live().length);
  });
});

describe("listOrders input problems", () => {
  const field = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(QueryInputError);
      return (error as QueryInputError).field;
    }
    throw new Error("expected a QueryInputError");
  };

  test("a cursor of another sort is refused", () => {
    const page = listOrders(db, { limit: 5, sort: "shop_date" });
    expect(field(() => listOrders(db, { limit: 5, sort: "repair_date", cursor: page.next_cursor! }))).toBe("cursor");
    expect(field(() => listOrders(db, { limit: 5, sort: "shop_date", order: "asc", cursor: page.next_cursor! }))).toBe("cursor");
  });

  test("garbage cursors are refused", () => {
    for (const cursor of ["x", "!!!", Buffer.from("[1,2]").toString("base64url"), Buffer.from('{"a":1}').toString("base64url")]) {
      expect(field(() => listOrders(db, { limit: 5, cursor }))).toBe("cursor");
    }
    const wrongValue = encodeCursor({ sort: "shop_date:desc", value: [1, 2, 3, 4, 5], id: 3 });
    expect(field(() => listOrders(db, { limit: 5, cursor: wrongValue }))).toBe("cursor");
  });

  test("text without letters or digits is refused per field", () => {
    expect(field(() => listOrders(db, { limit: 5, plate: "- -" }))).toBe("plate");
    expect(field(() => listOrders(db, { limit: 5, person: "''" }))).toBe("person");
    expect(field(() => listOrders(db, { limit: 5, phone: "12 34" }))).toBe("phone");
    expect(field(() => listOrders(db, { limit: 5, q: '"*"' }))).toBe("q");
  });

  test("empty text filters are ignored", () => {
    expect(listOrders(db, { limit: 5, plate: "", person: " ", q: "" }).total).toBe(live().length);
  });

  test("FTS syntax in q is plain text", () => {
    expect(listOrders(db, { limit: 5, q: 'NEAR(müller OR "x") AND NOT *' }).total).toBe(0);
    expect(listOrders(db, { limit: 5, q: "müller*" }).orders.map((o) => o.id)).toContain(String(FIXTURE.muellerHamburg));
  });
});

describe("searchParts", () => {
  test("pages cover every back-ordered part once", () => {
    const expected = db.$client
      .query<{ id: number }, []>(
        "SELECT p.id FROM parts p JOIN orders o ON o.id = p.order_id WHERE p.is_backorder = 1 AND o.deleted_at IS NULL ORDER BY p.order_id, p.position, p.id",
      )
      .all()
      .map((r) => r.id);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = searchParts(db, { backorder: true, limit: 4, cursor });
      expect(page.total).toBe(expected.length);
      seen.push(...page.parts.map((p) => p.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(expected);
  });

  test("part number matches without spaces and case", () => {
    const page = searchParts(db, { part_no: "5g0-807 221", limit: 10 });
    expect(page.parts.map((p) => [p.order_id, p.part_no])).toEqual([[String(FIXTURE.muellerHamburg), "5G0 807 221 GRU"]]);
  });

  test("% and _ in a part number are literal", () => {
    expect(searchParts(db, { part_no: "5%0", limit: 10 }).total).toBe(0);
    expect(searchParts(db, { part_no: "5_0", limit: 10 }).total).toBe(0);
  });

  test("ETA range and status filter", () => {
    const page = searchParts(db, { order_id: FIXTURE.muellerHamburg, eta_from: "2024-07-14", eta_to: "2024-08-31", limit: 10 });
    expect(page.parts.map((p) => p.row_id)).toEqual(["r2", "r3"]);
    const status = searchParts(db, { order_id: FIXTURE.offBoard, status: ["RÜCKSTAND", "zu bestellen"], limit: 10 });
    expect(status.parts.map((p) => p.row_id)).toEqual(["w1", "w2"]);
  });

  test("parts of deleted orders are hidden by default", () => {
    expect(searchParts(db, { order_id: FIXTURE.deleted, limit: 10 }).total).toBe(0);
  });
});
