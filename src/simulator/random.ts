/**
 * Seeded randomness. Every entity draws from its own stream, derived from
 * `hash(seed, kind, key)`, so adding a draw to one generator never shifts the values
 * of another, and the same seed always yields the same tenant.
 */

/** 32-bit hash of a string (cyrb53 reduced to 32 bits): fast and well mixed. */
export function hashString(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** Returns a number in [0, 1) that depends only on its inputs, for rate-based quirks. */
export function unitHash(seed: number, kind: string, key: string | number): number {
  return hashString(`${seed}\u0000${kind}\u0000${key}`) / 4294967296;
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Log-normal draw with the given median; `sigma` is the spread of the underlying normal. */
  logNormal(median: number, sigma: number): number;
  /** A string of `count` decimal digits, the first one non-zero when `noLeadingZero`. */
  digits(count: number, noLeadingZero?: boolean): string;
}

/** Mulberry32 stream seeded from the hash of `(seed, kind, key)`. */
export function createRandom(seed: number, kind: string, key: string | number): Random {
  let state = hashString(`${seed}\u0000${kind}\u0000${key}`);

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const normal = (): number => {
    // Box-Muller; 1 - next() keeps the logarithm finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };

  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      let total = 0;
      for (const [, weight] of entries) total += weight;
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return (entries[entries.length - 1] as readonly [T, number])[0];
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    digits: (count, noLeadingZero = false) => {
      let out = noLeadingZero ? String(int(1, 9)) : String(int(0, 9));
      for (let i = 1; i < count; i++) out += String(int(0, 9));
      return out;
    },
  };
}

/** Log-normal parameters from a median and a 95th percentile (z = 1.645). */
export function logNormalSigma(median: number, p95: number): number {
  if (median <= 0 || p95 <= median) return 0;
  return Math.log(p95 / median) / 1.6448536269514722;
}
