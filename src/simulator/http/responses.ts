/** Response builders with the headers a PHP application behind Apache sends. */
import { phpJson } from "../format.ts";

/** PHP's session cache limiter headers (`nocache`). */
const NO_CACHE = {
  "Cache-Control": "no-store, no-cache, must-revalidate",
  Pragma: "no-cache",
  Expires: "Thu, 19 Nov 1981 08:52:00 GMT",
};

export function htmlResponse(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/html; charset=UTF-8", ...NO_CACHE, ...headers } });
}

/** Builds a JSON response. `asTextHtml` sends it as `text/html` (the `jsonAsTextHtml` quirk). */
export function jsonResponse(body: unknown, asTextHtml: boolean, headers: Record<string, string> = {}): Response {
  return rawJsonResponse(phpJson(body), asTextHtml, headers);
}

export function rawJsonResponse(text: string, asTextHtml: boolean, headers: Record<string, string> = {}): Response {
  const type = asTextHtml ? "text/html; charset=UTF-8" : "application/json; charset=utf-8";
  return new Response(text, { status: 200, headers: { "Content-Type": type, ...NO_CACHE, ...headers } });
}

export function redirectResponse(location: string, headers: Record<string, string> = {}): Response {
  return new Response("", { status: 302, headers: { Location: location, "Content-Type": "text/html; charset=UTF-8", ...NO_CACHE, ...headers } });
}

/** Control-surface JSON: plain `JSON.stringify`, no PHP escaping. */
export function controlJson(body: unknown, status = 200): Response {
  return new Response(`${JSON.stringify(body)}\n`, { status, headers: { "Content-Type": "application/json; charset=utf-8" } });
}

/** Thrown by the in-process handler when a `timeout` fault closes the connection. */
export class ConnectionClosedError extends Error {
  override readonly name = "ConnectionClosedError";
  constructor() {
    super("The simulator closed the connection (timeout fault).");
  }
}
