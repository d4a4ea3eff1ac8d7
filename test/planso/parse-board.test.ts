import { describe, expect, test } from "bun:test";

import { createLogger } from "../../src/log.ts";
import { BoardParseError, parseBoard } from "../../src/planso/parse-board.ts";

describe("parseBoard", () => {
  test("object keyed by index with execution_time", () => {
    const body = JSON.parse(
      '{"0":{"ID":"10452","short_name":"D-XY 1234","station":"2@active","employeeID":"17","theorder":"3"},' +
        '"1":{"ID":"10453","short_name":"K-AB 12 M&uuml;ller","station":"4@finished","employeeID":"","theorder":"1"},' +
        '"execution_time":0.34}',
    );
    expect(parseBoard(body)).toEqual([
      { id: "10452", short_name: "D-XY 1234", station_id: 2, station_state: "active", employee_id: "17", board_position: 3 },
      { id: "10453", short_name: "K-AB 12 M&uuml;ller", station_id: 4, station_state: "finished", employee_id: null, board_position: 1 },
    ]);
  });

  test("array with integer ids", () => {
    const body = [{ ID: 10452, short_name: "D-XY 1234", station: "2@active", employeeID: 17, theorder: 3 }];
    expect(parseBoard(body)).toEqual([
      { id: "10452", short_name: "D-XY 1234", station_id: 2, station_state: "active", employee_id: "17", board_position: 3 },
    ]);
  });

  test("keys beyond nine keep numeric order", () => {
    const body: Record<string, unknown> = { execution_time: 1.5 };
    for (let i = 11; i >= 0; i--) body[String(i)] = { ID: String(100 + i), station: "1@active" };
    expect(parseBoard(body).map((item) => item.id)).toEqual(Array.from({ length: 12 }, (_, i) => String(100 + i)));
  });

  test("unknown station state is kept and logged", () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger({ level: "debug", write: (line) => lines.push(JSON.parse(line)) });
    const [item] = parseBoard({ "0": { ID: "1", station: "3@paused" } }, log);
    expect([item?.station_id, item?.station_state]).toEqual([3, "paused"]);
    expect(lines.map((l) => [l.event, l.states])).toEqual([["planso.board_unknown_station_states", ["paused"]]]);
  });

  test("items without id and non-object values are skipped", () => {
    expect(parseBoard({ "0": { short_name: "x" }, "1": "junk", "2": null, "3": { ID: "7" } })).toEqual([
      { id: "7", short_name: null, station_id: null, station_state: null, employee_id: null, board_position: null },
    ]);
  });

  test("a body that is no object or array is an error", () => {
    expect(() => parseBoard("<html>")).toThrow(BoardParseError);
    expect(() => parseBoard(null)).toThrow(BoardParseError);
  });

  test("empty board", () => {
    expect(parseBoard({ execution_time: 0.01 })).toEqual([]);
    expect(parseBoard([])).toEqual([]);
  });
});
