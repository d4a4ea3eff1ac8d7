/**
 * PHP-style sessions: a `PHPSESSID` token per browser, created on the first request
 * without a valid cookie, logged in by the login form, and expired by idle time,
 * maximum age or (with a quirk) a request count. Times are virtual milliseconds.
 * Tokens come from the seeded generator, so runs stay byte-identical; they are not
 * secrets, because the simulator is a test double.
 */
import type { SessionConfig } from "../options.ts";
import { createRandom } from "../random.ts";

export interface Session {
  token: string;
  user: string | null;
  createdAt: number;
  lastSeen: number;
  loggedInAt: number | null;
  /** `/do` requests since login, for `expireAfterRequests`. */
  requests: number;
  /** Tail of the `sessionLock` queue. */
  lock: Promise<void>;
}

/** PHP's default session id alphabet with 5 bits per character, 26 characters long. */
const TOKEN_CHARS = "0123456789abcdefghijklmnopqrstuv";

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private created = 0;

  constructor(private seed: number) {}

  create(now: number): Session {
    const r = createRandom(this.seed, "session", ++this.created);
    let token = "";
    for (let i = 0; i < 26; i++) token += TOKEN_CHARS.charAt(r.int(0, 31));
    const session: Session = { token, user: null, createdAt: now, lastSeen: now, loggedInAt: null, requests: 0, lock: Promise.resolve() };
    this.sessions.set(token, session);
    return session;
  }

  /** Returns the live session of a token. An expired one is removed and yields undefined. */
  get(token: string | null, now: number, config: SessionConfig, maxRequests: number): Session | undefined {
    if (token === null) return undefined;
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (this.isExpired(session, now, config, maxRequests)) {
      this.sessions.delete(token);
      return undefined;
    }
    return session;
  }

  isExpired(session: Session, now: number, config: SessionConfig, maxRequests: number): boolean {
    if (now - session.lastSeen > config.idleTtlS * 1000) return true;
    if (config.maxAgeS !== null && now - session.createdAt > config.maxAgeS * 1000) return true;
    return maxRequests > 0 && session.user !== null && session.requests >= maxRequests;
  }

  /** Returns a session without checking expiry, for the `sessionLock` queue. */
  peek(token: string): Session | undefined {
    return this.sessions.get(token);
  }

  delete(token: string): boolean {
    return this.sessions.delete(token);
  }

  clear(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  list(): Session[] {
    return [...this.sessions.values()];
  }

  /** Drops every session and restarts the token sequence, under a new seed. */
  reset(seed: number): void {
    this.seed = seed;
    this.sessions.clear();
    this.created = 0;
  }
}

export function cookieToken(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === "PHPSESSID") return rest.join("=") || null;
  }
  return null;
}

export function setCookieHeader(token: string): Record<string, string> {
  return { "Set-Cookie": `PHPSESSID=${token}; Path=/` };
}
