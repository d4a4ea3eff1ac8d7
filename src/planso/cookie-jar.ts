/**
 * Cookie store for one PlanSo tenant. Bun's `fetch` keeps no cookies, and PlanSo
 * needs only `PHPSESSID` on one host with `Path=/`, so the jar ignores domains, paths
 * and expiry dates and keeps the latest value per cookie name.
 */
export interface CookieJar {
  /** Stores the cookies of a response's `Set-Cookie` headers. */
  store(setCookieHeaders: string[]): void;
  /** `Cookie` request header value, or undefined when the jar is empty. */
  header(): string | undefined;
  has(name: string): boolean;
  clear(): void;
}

export function createCookieJar(): CookieJar {
  const cookies = new Map<string, string>();

  return {
    store(setCookieHeaders) {
      for (const header of setCookieHeaders) {
        const pair = header.split(";", 1)[0] ?? "";
        const equals = pair.indexOf("=");
        if (equals <= 0) continue;
        const name = pair.slice(0, equals).trim();
        const value = pair.slice(equals + 1).trim();
        // PHP deletes a cookie by sending it empty (or `deleted`) with a past expiry.
        if (value === "" || value === "deleted" || /max-age=0\b/i.test(header)) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    header() {
      if (cookies.size === 0) return undefined;
      return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    },
    has: (name) => cookies.has(name),
    clear: () => cookies.clear(),
  };
}
