import { afterAll, beforeAll, describe, expect, test } from "bun:test";

import { allIdsVia, listOrdersVia, TRANSPORTS, type ListOrdersParams } from "../support/api-client.ts";
import { startTestServer, type TestServer } from "../support/api-server.ts";
import { FIXTURE } from "../support/mirror-fixtures.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ orders: 300 });
});

afterAll(async () => {
  await server.stop();
});

/** Ids an independent SQL query finds, sorted as strings. */
function oracle(where: string, ...params: Array<string | number>): string[] {
  return server.db.$client
    .query<{ id: number }, Array<string | number>>(`SELECT id FROM orders WHERE deleted_at IS NULL AND (${where}) ORDER BY id`)
    .all(...params)
    .map((row) => String(row.id))
    .sort();
}

const ids = (...values: number[]) => values.map(String).sort();

for (const transport of TRANSPORTS) {
  describe(`orders.list over ${transport}`, () => {
    const found = async (params: ListOrdersParams) => {
      const reply = await listOrdersVia(transport, server.url, { limit: 500, ...params });
      expect(reply.status).toBe(200);
      expect(reply.body.count).toBe(reply.body.orders.length);
      expect(reply.body.total).toBe(reply.body.orders.length);
      return reply.body.orders.map((o) => o.id).sort();
    };

    test("plate ignores case, spaces and hyphens", async () => {
      expect(await found({ plate: "hh ab 1234" })).toEqual(ids(FIXTURE.muellerHamburg));
      expect(await found({ plate: "HH-AB1234" })).toEqual(ids(FIXTURE.muellerHamburg));
      expect(await found({ plate: "HH-AB" })).toEqual(ids(FIXTURE.muellerHamburg, FIXTURE.muellerUpper));
      expect(await found({ plate: "hh.ab" })).toEqual(ids(FIXTURE.muellerHamburg, FIXTURE.muellerUpper));
    });

    test("plate with umlaut district", async () => {
      expect(await found({ plate: "mü ll 88" })).toEqual(ids(FIXTURE.moeller));
    });

    test("person ignores umlaut spelling and case", async () => {
      const muellers = ids(FIXTURE.muellerHamburg, FIXTURE.muellerUpper, FIXTURE.muellerUe);
      expect(await found({ person: "mueller" })).toEqual(muellers);
      expect(await found({ person: "MÜLLER" })).toEqual(muellers);
      expect(await found({ person: "müller" })).toEqual(muellers);
      expect(await found({ person: "muller" })).toEqual(ids(FIXTURE.muellerHamburg, FIXTURE.muellerUpper));
    });

    test("person total leaves out deleted", async () => {
      const live = await listOrdersVia(transport, server.url, { person: "schmidt", limit: 1 });
      const withDeleted = await listOrdersVia(transport, server.url, { person: "schmidt", limit: 1, include_deleted: true });
      const liveIds = await allIdsVia(transport, server.url, { person: "schmidt", limit: 2 });
      expect(live.body.total).toBeGreaterThan(0);
      expect(live.body.total).toBe(liveIds.length);
      expect(withDeleted.body.total).toBe(live.body.total + 1);
      expect(liveIds).not.toContain(String(FIXTURE.deleted));
    });

    test("person needs every word", async () => {
      expect(await found({ person: "müller hans" })).toEqual(ids(FIXTURE.muellerHamburg));
      expect(await found({ person: "Hans Müller" })).toEqual(ids(FIXTURE.muellerHamburg));
      expect(await found({ person: "müller gerda" })).toEqual(ids(FIXTURE.muellerUpper));
      expect(await found({ person: "möller" })).toEqual(ids(FIXTURE.moeller));
    });

    test("phone in any written form", async () => {
      for (const phone of ["0170/1234567", "+49 170 1234567", "0049 170 1234567", "(0170) 123 45 67", "01701234567", "1234567"]) {
        expect(await found({ phone })).toEqual(ids(FIXTURE.muellerHamburg));
      }
    });

    test("phone finds the second number of a field", async () => {
      expect(await found({ phone: "0171 5550001" })).toEqual(ids(FIXTURE.moeller));
    });

    test("email is a literal case-insensitive substring", async () => {
      expect(await found({ email: "100%_rabatt" })).toEqual(ids(FIXTURE.muellerUe));
      expect(await found({ email: "%" })).toEqual(ids(FIXTURE.muellerUe));
      expect(await found({ email: "_" })).toEqual(oracle("instr(email_lower, '_') > 0"));
      expect(await found({ email: "juergen.WEISS@beispiel" })).toEqual(ids(FIXTURE.offBoard));
    });

    test("several statuses return both groups", async () => {
      const expected = oracle("lower(project_status) IN ('lack', 'karo')");
      expect(expected).toContain(String(FIXTURE.muellerHamburg));
      expect(expected).toContain(String(FIXTURE.muellerUpper));
      expect(await found({ status: ["Lack", "Karo"] })).toEqual(expected);
      expect(await found({ status: ["LACK", "karo"] })).toEqual(expected);
      expect(await found({ status: ["Lack"] })).toEqual(oracle("lower(project_status) = 'lack'"));
    });

    test("damage with punctuation matches exactly", async () => {
      expect(await found({ damage: ["kl 2-3"] })).toEqual(oracle("damage = 'KL 2-3'"));
    });

    test("missing_parts=false lists only orders without missing parts", async () => {
      expect(await found({ missing_parts: false })).toEqual(oracle("missing_parts = 0"));
      expect(await found({ missing_parts: true })).toEqual(oracle("missing_parts = 1"));
    });

    test("on_board and include_deleted", async () => {
      expect(await found({ on_board: false })).toEqual(ids(FIXTURE.offBoard));
      expect(await found({ plate: "HH-AB", include_deleted: true })).toEqual(ids(FIXTURE.muellerHamburg, FIXTURE.muellerUpper, FIXTURE.deleted));
      expect(await found({ plate: "HH-AB", include_deleted: false })).toEqual(ids(FIXTURE.muellerHamburg, FIXTURE.muellerUpper));
    });

    test("one shop day, ISO or German", async () => {
      const day = ids(FIXTURE.muellerHamburg, FIXTURE.sameDay);
      expect(await found({ shop_date_from: "2024-07-15", shop_date_to: "2024-07-15" })).toEqual(day);
      expect(await found({ shop_date_from: "15.07.2024", shop_date_to: "15.07.2024" })).toEqual(day);
      expect(await found({ shop_date_from: "14.07.2024", shop_date_to: "2024-07-16" })).toEqual(
        ids(FIXTURE.muellerHamburg, FIXTURE.muellerUpper, FIXTURE.muellerUe, FIXTURE.sameDay),
      );
    });

    test("q matches word prefixes across fields", async () => {
      expect(await found({ q: "stoßfän" })).toEqual(ids(FIXTURE.muellerHamburg));
      expect(await found({ q: "100%_rabatt" })).toEqual(ids(FIXTURE.muellerUe));
      expect(await found({ q: "WVWZZZ1KZ8W123456" })).toEqual(ids(FIXTURE.muellerHamburg));
      expect(await found({ q: "müll hh" })).toEqual(ids(FIXTURE.muellerHamburg, FIXTURE.muellerUpper));
    });

    test("paging returns every order once", async () => {
      const expected = oracle("1");
      const paged = await allIdsVia(transport, server.url, { limit: 37 });
      expect(new Set(paged).size).toBe(paged.length);
      expect([...paged].sort()).toEqual(expected);
    });

    test("paging with a filter and ascending sort", async () => {
      const paged = await allIdsVia(transport, server.url, { status: ["Lack", "Karo"], sort: "repair_date", order: "asc", limit: 4 });
      expect(new Set(paged).size).toBe(paged.length);
      expect([...paged].sort()).toEqual(oracle("lower(project_status) IN ('lack', 'karo')"));
    });
  });
}
