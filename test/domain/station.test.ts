import { describe, expect, test } from "bun:test";

import { parseStation } from "../../src/domain/station.ts";

describe("parseStation", () => {
  test.each([
    ["2@active", 2, "active"],
    ["4@finished", 4, "finished"],
    ["12@active", 12, "active"],
    ["0@active", 0, "active"],
    ["3@ACTIVE", 3, "active"],
    [" 3@active ", 3, "active"],
    ["5@paused", 5, "paused"],
    ["6@on_hold", 6, "on_hold"],
  ])("%p → %p %p", (raw, station_id, station_state) => {
    expect(parseStation(raw)).toEqual({ station_id, station_state });
  });

  test.each([[null], [undefined], [""], ["2"], ["@active"], ["2@"], ["2 @active"], ["x@active"], ["2@act-ive"], ["2@aktiv1"], ["99999999999999999999@active"]])(
    "%p → nulls",
    (raw) => {
      expect(parseStation(raw)).toEqual({ station_id: null, station_state: null });
    },
  );
});
