import { describe, expect, test } from "bun:test";

import { createSimulator, type Simulator } from "../../src/simulator/index.ts";
import { FORM_PARAMS, USER } from "./helpers.ts";

const BASE = "http://planso.test";

/** A fixed request sequence through the in-process handler; returns status, Set-Cookie and body of each. */
async function transcript(simulator: Simulator): Promise<string[]> {
  const out: string[] = [];
  const record = async (response: Response) => {
    out.push(`${response.status} ${response.headers.get("set-cookie") ?? "-"} ${await response.text()}`);
    return response;
  };
  const first = await record(await simulator.fetch(new Request(`${BASE}/app`)));
  const cookie = /PHPSESSID=([^;]+)/.exec(first.headers.get("set-cookie") ?? "")?.[1] as string;
  const headers = { Cookie: `PHPSESSID=${cookie}`, "X-Requested-With": "XMLHttpRequest" };
  await record(
    await simulator.fetch(
      new Request(`${BASE}/app`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ system_login_username: USER.username, system_login_password: USER.password }).toString(),
      }),
    ),
  );
  const call = (module: string, params: Record<string, string>, method = "GET", body?: string) =>
    simulator.fetch(new Request(`${BASE}/do?${new URLSearchParams({ m: module, ...params })}`, { method, headers, body }));
  await record(await call("resourceplanner_get_project_stations", { filterID: "" }, "POST"));
  for (const id of simulator.control.orderIds().slice(0, 5)) {
    await record(await call("visual_forms_plain", FORM_PARAMS(id), "POST"));
    await record(await call("resourceplanner_shop_view_get_parts", { ID: id }));
    await record(await call("resourceplanner_shop_view_single", { svsurl: "false", ID: id, opentab: "" }));
    await record(await call("resourceplanner_shop_view_get_stamped_timings", { ID: id }));
  }
  const id = simulator.control.orderIds()[0] as string;
  await record(await call("visual_forms_plain", FORM_PARAMS(id), "POST", `fields=${encodeURIComponent('{"Bemerkungen":"neu"}')}`));
  await record(await call("resourceplanner_get_project_stations", { filterID: "" }, "POST"));
  return out;
}

const options = { seed: 42, orders: 25, archived: 5, users: [USER], quirks: { doubleEscapedValues: 0.3, mojibake: 0.2 } };

describe("determinism", () => {
  test("two simulators with one seed give byte-identical responses", async () => {
    const a = await transcript(createSimulator(options));
    const b = await transcript(createSimulator(options));
    expect(a.length).toBe(25);
    expect(b).toEqual(a);
  });

  test("reset replays the same responses", async () => {
    const simulator = createSimulator(options);
    const first = await transcript(simulator);
    simulator.control.reset();
    expect(await transcript(simulator)).toEqual(first);
  });

  test("another seed gives another tenant", async () => {
    const a = await transcript(createSimulator(options));
    const b = await transcript(createSimulator({ ...options, seed: 43 }));
    expect(b[2]).not.toBe(a[2]);
  });

  test("the tenant depends only on seed, counts and clock", () => {
    const a = createSimulator(options);
    const b = createSimulator(options);
    const ids = a.control.orderIds();
    expect(b.control.orderIds()).toEqual(ids);
    for (const id of ids) expect(b.control.truthOrder(id, { withParts: true })).toEqual(a.control.truthOrder(id, { withParts: true }));
  });

  test("archived count leaves current orders unchanged", () => {
    const a = createSimulator({ ...options, archived: 5 });
    const b = createSimulator({ ...options, archived: 9 });
    const persons = (s: Simulator) => s.control.orderIds().map((id) => s.control.truthOrder(id, { withParts: true }).person);
    expect(persons(b)).toEqual(persons(a));
  });
});
