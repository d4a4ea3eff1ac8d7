/**
 * Client authentication: `Authorization: Bearer <key>` against the configured API
 * keys. Keys are compared as SHA-256 digests with `timingSafeEqual`, every key on
 * every request, so the time taken does not reveal how much of a key matched.
 * With no keys configured every request is the admin principal `local`; the
 * server then listens on loopback only (see `assertSafeBinding`).
 */
import { createHash, timingSafeEqual } from "node:crypto";

import type { Principal } from "../api/context.ts";
import type { ApiKey, Config } from "../config.ts";

export interface AuthResult {
  principal: Principal | null;
  problem?: "missing" | "unknown" | "malformed";
}

export type Authenticate = (authorization: string | null) => AuthResult;

const LOCAL_PRINCIPAL: Principal = { id: "local", scope: "admin" };

const digest = (secret: string): Buffer => createHash("sha256").update(secret, "utf8").digest();

export function createAuthenticator(keys: readonly ApiKey[]): Authenticate {
  if (keys.length === 0) return () => ({ principal: LOCAL_PRINCIPAL });
  const known = keys.map((key) => ({ principal: { id: key.id, scope: key.scope } satisfies Principal, digest: digest(key.secret) }));

  return (authorization) => {
    if (authorization === null || authorization.trim() === "") return { principal: null, problem: "missing" };
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/iu.exec(authorization);
    if (match === null) return { principal: null, problem: "malformed" };
    const presented = digest(match[1]!);
    let found: Principal | null = null;
    for (const key of known) {
      if (timingSafeEqual(presented, key.digest) && found === null) found = key.principal;
    }
    return found === null ? { principal: null, problem: "unknown" } : { principal: found };
  };
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(host);
}

/**
 * Without API keys every caller is admin, so the server must stay on loopback unless
 * the operator enabled unauthenticated access explicitly. Throws with the fix.
 */
export function assertSafeBinding(config: Pick<Config, "apiKeys" | "allowUnauthenticated">, host: string): void {
  if (config.apiKeys.length > 0 || config.allowUnauthenticated || isLoopbackHost(host)) return;
  throw new Error(
    `Refusing to listen on ${host} without API keys: set API_KEYS (name:scope:secret,…), ` +
      "listen on 127.0.0.1, or set ALLOW_UNAUTHENTICATED=true to serve every caller as admin.",
  );
}
