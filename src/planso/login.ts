/**
 * PlanSo's form login: `GET /app` for a fresh `PHPSESSID`, then `POST /app` with the
 * credentials, following redirects by hand. Success and failure both come back as
 * HTTP 200 with HTML, so only the body distinguishes them. A failed login shows the
 * login form again.
 */
import { parse } from "node-html-parser";

import type { CookieJar } from "./cookie-jar.ts";
import { PlansoError } from "./errors.ts";
import type { UpstreamRequest, UpstreamResponse } from "./transport.ts";

const MAX_REDIRECTS = 5;
const LOGIN_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

export interface LoginOptions {
  baseUrl: string;
  username: string;
  password: string;
  jar: CookieJar;
  /** Sends one request, throwing for transient failures. */
  send: (request: UpstreamRequest) => Promise<UpstreamResponse>;
}

/** Logs in once; throws `login_failed` when PlanSo shows the login form again. */
export async function performLogin(options: LoginOptions): Promise<void> {
  const { jar, baseUrl } = options;
  // Every cookie a login step sets belongs to the new session.
  const step = async (request: UpstreamRequest) => {
    const response = await options.send(request);
    jar.store(response.setCookies);
    return response;
  };

  jar.clear();
  // L1 only obtains a fresh PHPSESSID; its body does not matter.
  await step({ method: "GET", path: "/app", headers: { Accept: LOGIN_ACCEPT } });

  let response = await step({
    method: "POST",
    path: "/app",
    form: [
      ["system_login_username", options.username],
      ["system_login_password", options.password],
      // Browser geolocation fields, sent empty as PlanSo's page does without a location.
      ["user_lat", ""],
      ["user_lng", ""],
      ["user_accuracy", ""],
    ],
    headers: {
      Accept: LOGIN_ACCEPT,
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseUrl,
      Referer: `${baseUrl}/app`,
      "Upgrade-Insecure-Requests": "1",
    },
  });

  const origin = new URL(baseUrl).origin;
  for (let hop = 0; isRedirect(response) && response.location !== null; hop++) {
    if (hop >= MAX_REDIRECTS) throw new PlansoError("upstream_error", `PlanSo login redirected more than ${MAX_REDIRECTS} times`);
    const target = new URL(response.location);
    if (target.origin !== origin) {
      throw new PlansoError("upstream_error", `PlanSo login redirected to another site (${target.origin})`);
    }
    response = await step({ method: "GET", path: target.pathname, query: [...target.searchParams], headers: { Accept: LOGIN_ACCEPT } });
  }

  if (response.status !== 200) {
    throw new PlansoError("upstream_error", `PlanSo login returned HTTP ${response.status}`, { status: response.status });
  }
  if (showsLoginForm(response.body)) {
    throw new PlansoError(
      "login_failed",
      `PlanSo login failed for user "${options.username}" at ${baseUrl}: the login form was shown again. Check PLANSO_USERNAME and PLANSO_PASSWORD.`,
    );
  }
}

export function isRedirect(response: UpstreamResponse): boolean {
  return response.status >= 300 && response.status < 400;
}

/** Checks whether an HTML body contains the login form (an input named `system_login_username`). */
export function showsLoginForm(body: string): boolean {
  if (!body.includes("system_login_username")) return false;
  return parse(body).querySelector('input[name="system_login_username"]') !== null;
}
