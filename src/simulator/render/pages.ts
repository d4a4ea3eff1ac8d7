/**
 * Full HTML pages: the login form, the application shell, and the error pages of the
 * web server. The shell contains neither `system_login_username` nor the word
 * "Passwort", so both login checks (the public client's and the connector's) pass.
 */
import { escapeHtml } from "../format.ts";

const head = (title: string) =>
  `<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n` +
  `<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n`;

export function loginPage(error: string | null): string {
  const message = error === null ? "" : `<div class="alert alert-danger">${escapeHtml(error, true)}</div>\n`;
  return (
    `${head("PlanSo - Anmeldung")}<body class="login">\n<div class="login_box">\n<h1>PlanSo</h1>\n${message}` +
    `<form method="post" action="/app" id="system_login_form">\n` +
    `<label for="system_login_username">Benutzername</label>\n` +
    `<input type="text" name="system_login_username" id="system_login_username" autocomplete="username">\n` +
    `<label for="system_login_password">Passwort</label>\n` +
    `<input type="password" name="system_login_password" id="system_login_password" autocomplete="current-password">\n` +
    `<input type="hidden" name="user_lat" value=""><input type="hidden" name="user_lng" value=""><input type="hidden" name="user_accuracy" value="">\n` +
    `<button type="submit" class="btn btn-primary">Anmelden</button>\n</form>\n</div>\n</body>\n</html>\n`
  );
}

export function shellPage(username: string | null): string {
  const user = username === null ? "" : `<span class="user_name">${escapeHtml(username, true)}</span>`;
  return (
    `${head("PlanSo")}<body class="app">\n<nav class="navbar"><a class="brand" href="/app">PlanSo</a>` +
    `<ul class="nav"><li><a href="#planungstafel">Planungstafel</a></li><li><a href="#auftraege">Auftr&auml;ge</a></li>` +
    `<li><a href="#kalender">Kalender</a></li></ul>${user}<a href="/do?m=logout">Abmelden</a></nav>\n` +
    `<div id="app_content" class="resourceplanner"></div>\n<script src="/js/app.js"></script>\n</body>\n</html>\n`
  );
}

const STATUS_TEXT: Record<number, string> = {
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
};

/** Renders an Apache-style error page. */
export function errorPage(status: number): string {
  const text = STATUS_TEXT[status] ?? "Error";
  return (
    `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${text}</title>\n</head><body>\n` +
    `<h1>${text}</h1>\n<p>The server encountered an error and could not complete your request.</p>\n<hr>\n` +
    `<address>Apache Server at planso.de Port 443</address>\n</body></html>\n`
  );
}

export function maintenancePage(): string {
  return (
    `${head("Wartungsarbeiten")}<body class="maintenance">\n<h1>Wartungsarbeiten</h1>\n` +
    `<p>PlanSo ist wegen Wartungsarbeiten vor&uuml;bergehend nicht erreichbar. Bitte versuchen Sie es sp&auml;ter erneut.</p>\n</body>\n</html>\n`
  );
}
