/**
 * JSON envelopes around PlanSo's HTML fragments: `center.content` (form, employee
 * options), `html` as a string or as an object of blocks `{"content": "<html>"}`
 * (tabs), and `js` or `functions` with script text.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `center.content`, or undefined when the envelope has none. */
export function centerContent(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.center)) return undefined;
  const content = body.center.content;
  return typeof content === "string" ? content : undefined;
}

/**
 * Returns the `html` of a tab: the string itself, or the blocks of an `html` object
 * joined in key order. Falls back to `center.content`, and returns undefined when
 * none of these exists.
 */
export function htmlContent(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const html = body.html;
  if (typeof html === "string") return html;
  if (isRecord(html)) {
    const blocks = Object.values(html)
      .map((block) => (typeof block === "string" ? block : isRecord(block) && typeof block.content === "string" ? block.content : undefined))
      .filter((block): block is string => block !== undefined);
    if (blocks.length > 0) return blocks.join("\n");
  }
  return centerContent(body);
}

/** Script text from `js` and `functions`, joined; empty when there is none. */
export function scriptText(body: unknown): string {
  if (!isRecord(body)) return "";
  return [body.js, body.functions].filter((part): part is string => typeof part === "string").join("\n");
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}
