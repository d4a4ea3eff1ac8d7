import { describe, expect, test } from "bun:test";

import { login, withSimulator } from "./helpers.ts";

const BOARD = "resourceplanner_get_project_stations";

async function boardText(url: string): Promise<{ text: string; type: string | null }> {
  const response = await (await login(url)).call(BOARD, { filterID: "" }, { method: "POST" });
  return { text: await response.text(), type: response.headers.get("content-type") };
}

describe("board", () => {
  test("object keyed 0, 1, … plus execution_time", async () => {
    await withSimulator({}, async (sim) => {
      const { text, type } = await boardText(sim.url);
      expect(type).toBe("application/json; charset=utf-8");
      const body = JSON.parse(text) as Record<string, unknown>;
      const keys = Object.keys(body);
      expect(keys.length).toBe(31);
      expect(keys.slice(0, 3)).toEqual(["0", "1", "2"]);
      expect(keys[30]).toBe("execution_time");
      expect(typeof body.execution_time).toBe("number");
      const first = body["0"] as Record<string, unknown>;
      expect(Object.keys(first).slice(0, 5)).toEqual(["ID", "short_name", "station", "employeeID", "theorder"]);
      expect(first.ID).toMatch(/^\d+$/);
      expect(first.station).toMatch(/^[1-8]@(active|finished)$/);
      expect(first.employeeID).toMatch(/^\d+$/);
      expect(first.theorder).toBe("1");
    });
  });

  test("items match the truth board", async () => {
    await withSimulator({}, async (sim) => {
      const body = JSON.parse((await boardText(sim.url)).text) as Record<string, Record<string, string>>;
      const items = Object.entries(body)
        .filter(([key]) => key !== "execution_time")
        .map(([, item]) => {
          const [station, state] = (item.station as string).split("@");
          return {
            id: item.ID,
            short_name: item.short_name,
            station_id: Number(station),
            station_state: state,
            employee_id: item.employeeID,
            board_position: Number(item.theorder),
          };
        });
      expect(items).toEqual(sim.simulator.control.truthBoard() as never);
      expect(items.map((i) => i.id).sort()).toEqual([...sim.simulator.control.orderIds()].sort());
    });
  });

  test("board excludes archived orders", async () => {
    await withSimulator({}, async (sim) => {
      const body = (await boardText(sim.url)).text;
      for (const id of sim.simulator.control.archivedIds()) expect(body).not.toContain(`"ID":"${id}"`);
    });
  });

  test("non-ASCII is sent as \\u escapes, as PHP does", async () => {
    await withSimulator({ orders: 80 }, async (sim) => {
      const { text } = await boardText(sim.url);
      expect(/[^\x00-\x7f]/.test(text)).toBe(false);
      expect(text).toMatch(/\\u00(c4|d6|dc|e4|f6|fc|df)/);
      const names = Object.values(JSON.parse(text) as Record<string, { short_name?: string }>).map((item) => item.short_name);
      expect(names.some((name) => /[ÄÖÜäöüß]/.test(name ?? ""))).toBe(true);
    });
  });

  test("stringIds off sends integers", async () => {
    await withSimulator({ quirks: { stringIds: false } }, async (sim) => {
      const body = JSON.parse((await boardText(sim.url)).text) as Record<string, Record<string, unknown>>;
      const first = body["0"] as Record<string, unknown>;
      expect(typeof first.ID).toBe("number");
      expect(typeof first.employeeID).toBe("number");
      expect(first.theorder).toBe(1);
    });
  });

  test("boardAsArray sends a JSON array without execution_time", async () => {
    await withSimulator({ quirks: { boardAsArray: true } }, async (sim) => {
      const body = JSON.parse((await boardText(sim.url)).text) as unknown[];
      expect(Array.isArray(body)).toBe(true);
      expect(body.length).toBe(30);
    });
  });

  test("executionTimeKey off drops the float", async () => {
    await withSimulator({ quirks: { executionTimeKey: false } }, async (sim) => {
      const body = JSON.parse((await boardText(sim.url)).text) as Record<string, unknown>;
      expect("execution_time" in body).toBe(false);
      expect(Object.keys(body).length).toBe(30);
    });
  });

  test("jsonAsTextHtml changes only the content type", async () => {
    await withSimulator({ quirks: { jsonAsTextHtml: true } }, async (sim) => {
      const { text, type } = await boardText(sim.url);
      expect(type).toBe("text/html; charset=UTF-8");
      expect(Object.keys(JSON.parse(text)).length).toBe(31);
    });
  });

  test("unknownStationState at rate 1 pauses every station", async () => {
    await withSimulator({ quirks: { unknownStationState: 1 } }, async (sim) => {
      const body = JSON.parse((await boardText(sim.url)).text) as Record<string, Record<string, string>>;
      expect(body["0"]?.station).toMatch(/^\d@paused$/);
      expect(sim.simulator.control.truthBoard().every((item) => item.station_state === "paused")).toBe(true);
    });
  });

  test("duplicateOpenOrders gives two current orders one plate", async () => {
    await withSimulator({ quirks: { duplicateOpenOrders: true } }, async (sim) => {
      const truths = sim.simulator.control.orderIds().map((id) => sim.simulator.control.truthOrder(id, { withParts: false }));
      const plates = truths.map((order) => order.plate);
      const duplicates = plates.filter((plate, index) => plates.indexOf(plate) !== index);
      expect(duplicates.length).toBe(1);
      const body = (await boardText(sim.url)).text;
      const names = Object.values(JSON.parse(body) as Record<string, { short_name?: string }>).map((item) => item.short_name);
      expect(names.filter((name) => name !== undefined && names.indexOf(name) !== names.lastIndexOf(name)).length).toBe(2);
    });
  });

  test("finished orders stay on the board with n@finished", async () => {
    await withSimulator({ orders: 60 }, async (sim) => {
      const states = new Set(sim.simulator.control.truthBoard().map((item) => item.station_state));
      expect(states).toEqual(new Set(["active", "finished"]));
    });
  });
});
