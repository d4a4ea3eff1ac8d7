/** HTML escaping under the current quirk switches. */
import type { SimContext } from "../context.ts";
import { escapeHtml } from "../format.ts";

export type Escape = (text: string, twice?: boolean) => string;

/** Returns an escaper for the current `entityEscapedValues` switch. `twice` escapes the result again. */
export function escaper(ctx: SimContext): Escape {
  const named = ctx.config.quirks.entityEscapedValues;
  return (text, twice = false) => {
    const once = escapeHtml(text, named);
    return twice ? escapeHtml(once, named) : once;
  };
}
