/**
 * Test helpers: a minimal PlanSo session over real HTTP, and a reference reader that
 * applies the protocol's HTML reading rules, to check the simulator's HTML against its
 * ground truth.
 */
import { parse, type HTMLElement } from "node-html-parser";

import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/simulator/index.ts";

export const USER = { username: "werkstatt", password: "test-only-Pa55" };
export const XHR = { "X-Requested-With": "XMLHttpRequest", Accept: "application/json, text/javascript, */*; q=0.01" };

export function cookieOf(response: Response): string | null {
  const header = response.headers.get("set-cookie");
  const match = header ? /PHPSESSID=([^;]+)/.exec(header) : null;
  return match ? (match[1] as string) : null;
}

export async function postLogin(url: string, cookie: string | null, username: string, password: string): Promise<Response> {
  const body = new URLSearchParams({
    system_login_username: username,
    system_login_password: password,
    user_lat: "",
    user_lng: "",
    user_accuracy: "",
  });
  return fetch(`${url}/app`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: `PHPSESSID=${cookie}` } : {}), ...XHR },
    body: body.toString(),
  });
}

export interface Session {
  url: string;
  cookie: string;
  /** Calls `/do?m=<module>&<params>`; POST sends `body` or an empty body. */
  call(module: string, params?: Record<string, string>, options?: { method?: "GET" | "POST"; body?: string; headers?: Record<string, string> }): Promise<Response>;
  json<T = Record<string, unknown>>(module: string, params?: Record<string, string>, method?: "GET" | "POST"): Promise<T>;
}

export function session(url: string, cookie: string): Session {
  const call: Session["call"] = (module, params = {}, options = {}) => {
    const query = new URLSearchParams({ m: module, ...params });
    const method = options.method ?? "GET";
    const headers: Record<string, string> = { Cookie: `PHPSESSID=${cookie}`, ...XHR, ...options.headers };
    if (options.body !== undefined) headers["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8";
    return fetch(`${url}/do?${query}`, { method, redirect: "manual", headers, body: method === "POST" ? (options.body ?? "") : undefined });
  };
  return {
    url,
    cookie,
    call,
    async json(module, params, method = "GET") {
      const response = await call(module, params, { method });
      return JSON.parse(await response.text());
    },
  };
}

/** GET /app, then the login form; returns the logged-in session. */
export async function login(url: string, user = USER): Promise<Session> {
  const first = await fetch(`${url}/app`, { headers: XHR });
  const cookie = cookieOf(first);
  if (!cookie) throw new Error("GET /app set no PHPSESSID cookie");
  const response = await postLogin(url, cookie, user.username, user.password);
  const rotated = cookieOf(response) ?? cookie;
  const body = await response.text();
  if (body.includes('name="system_login_username"')) throw new Error("login failed");
  return session(url, rotated);
}

export async function withSimulator<T>(options: SimulatorOptions, run: (sim: RunningSimulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator({ orders: 30, archived: 5, users: [USER], ...options });
  try {
    return await run(sim);
  } finally {
    await sim.stop();
  }
}

export const FORM_PARAMS = (id: string, tableId = "12565") => ({
  tableID: tableId,
  submode: "update",
  dataID: id,
  call_back_class: "resourceplanner_single_project_wrapper",
  callback: "",
});

const collapse = (text: string) => text.replace(/[\s\u00a0]+/g, " ").trim().normalize("NFC");

/** Decodes entities left in a value after parsing (a value escaped twice). */
function decodeLeftover(text: string): string {
  return /&[a-zA-Z]+;|&#\d+;/.test(text) ? parse(`<p>${text.replace(/</g, "&lt;")}</p>`).text : text;
}

/** Form fields by the protocol's reading rules: label → raw value, later duplicates win. */
export function readFormFields(html: string): Record<string, string> {
  const root = parse(html);
  const fields: Record<string, string> = {};
  for (const field of root.querySelectorAll(".field")) {
    const label = field.querySelector("label");
    const name = label ? collapse(label.text) : "";
    if (name === "") continue;
    fields[name] = fieldValue(field);
  }
  return fields;
}

function fieldValue(field: HTMLElement): string {
  const select = field.querySelector("select");
  if (select) {
    const options = select.querySelectorAll("option");
    const chosen = options.find((option) => option.hasAttribute("selected")) ?? options[0];
    if (!chosen) return "";
    return chosen.text === "" ? (chosen.getAttribute("value") ?? "") : decodeLeftover(chosen.text);
  }
  const input = field.querySelector("input");
  if (input) {
    const type = (input.getAttribute("type") ?? "text").toLowerCase();
    if (type === "checkbox" || type === "radio") return input.hasAttribute("checked") ? "True" : "False";
    return decodeLeftover(input.getAttribute("value") ?? "");
  }
  const textarea = field.querySelector("textarea");
  return textarea ? decodeLeftover(textarea.text) : "";
}

export interface ReadPart {
  rowId: string;
  partNo: string;
  description: string;
  cells: string[];
  flags: Record<string, boolean>;
  title: string | null;
  status: string;
  dates: string;
}

/** Parts rows by the protocol's reading rules (cell texts decoded once). */
export function readParts(html: string): { status: string | null; headers: string[]; rows: ReadPart[]; totals: string[][] } {
  const root = parse(html);
  const status = root.querySelector(".rsvgp_status_dropdown");
  const table = root.querySelector("table.parts_table");
  const headers = table ? table.querySelectorAll("tr")[0]?.querySelectorAll("th").map((th) => collapse(th.text)) ?? [] : [];
  const rows = (table?.querySelectorAll("tr.parts_single_row") ?? []).map((row): ReadPart => {
    const cells = row.querySelectorAll("td");
    const flags: Record<string, boolean> = {};
    for (const input of row.querySelectorAll("input.spare_part_status")) flags[input.getAttribute("data-action") ?? ""] = input.hasAttribute("checked");
    return {
      rowId: row.getAttribute("data-id") ?? "",
      partNo: cells[1]?.getAttribute("data-prtnumber") ?? "",
      description: decodeLeftover(cells[0]?.text ?? ""),
      cells: cells.map((cell) => cell.text),
      flags,
      title: row.querySelector("td.spare_part_main_status i")?.getAttribute("title") ?? null,
      status: row.getAttribute("data-status") ?? "",
      dates: row.querySelector("td.spare_part_dates")?.innerHTML ?? "",
    };
  });
  const totals = (root.querySelector("table.parts_sum_table")?.querySelectorAll("tr") ?? []).map((tr) => tr.querySelectorAll("td").map((td) => td.text));
  return { status: status ? collapse(status.text) : null, headers, rows, totals };
}
