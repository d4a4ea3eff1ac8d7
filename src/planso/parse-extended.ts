/**
 * Extended tabs of the shop view. Their contents are not documented upstream, so
 * each tab is stored in one compact, generic shape: its visible text plus whatever
 * structure it shows (labelled fields, list items, table rows, file names), and any
 * other JSON as `data`.
 */
import { normalizeText } from "../domain/text.ts";
import { asRecord, htmlContent } from "./envelope.ts";
import { isElement, isText, parseHtml, textOf, type Node } from "./html.ts";
import { parseFormFields } from "./parse-form.ts";

export interface ExtendedTab {
  /** Visible text, whitespace collapsed; null when the tab shows none. */
  text: string | null;
  /** Label → value of `field` blocks. */
  fields?: Record<string, string>;
  /** Texts of list items. */
  items?: string[];
  /** Table rows as cell texts, header rows included. */
  rows?: string[][];
  /** Names from the envelope's `files` list. */
  files?: string[];
  /** The envelope's `data`, kept as sent (rental car bookings). */
  data?: unknown;
}

/** Thrown when a tab's envelope contains neither HTML nor data. */
export class ExtendedParseError extends Error {
  override readonly name = "ExtendedParseError";
}

export function parseExtendedTab(body: unknown): ExtendedTab {
  const envelope = asRecord(body);
  const html = htmlContent(body);
  const hasData = envelope !== undefined && "data" in envelope;
  if ((html === undefined || html.trim() === "") && !hasData) {
    throw new ExtendedParseError("the tab response has no html and no data");
  }

  const tab: ExtendedTab = { text: null };
  if (html !== undefined && html.trim() !== "") Object.assign(tab, parseTabHtml(html));

  const files = Array.isArray(envelope?.files) ? envelope.files : [];
  const names = files
    .map((file) => asRecord(file)?.name)
    .filter((name): name is string => typeof name === "string")
    .map((name) => normalizeText(name))
    .filter((name): name is string => name !== null);
  if (names.length > 0) tab.files = names;
  if (hasData) tab.data = envelope.data;
  return tab;
}

function parseTabHtml(html: string): ExtendedTab {
  const root = parseHtml(html);
  // Scripts and styles are not visible text.
  for (const element of root.querySelectorAll("script, style")) element.remove();
  const tab: ExtendedTab = { text: normalizeText(visibleText(root)) };

  const fields = parseFormFields(html);
  if (fields.length > 0) tab.fields = Object.fromEntries(fields.map((field) => [field.label, field.value]));

  const items = root
    .querySelectorAll("li")
    .map((item) => normalizeText(textOf(item)))
    .filter((item): item is string => item !== null);
  if (items.length > 0) tab.items = items;

  const rows = root
    .querySelectorAll("tr")
    .map((row) =>
      row.childNodes
        .filter(isElement)
        .filter((cell) => cell.tagName === "TD" || cell.tagName === "TH")
        .map((cell) => normalizeText(textOf(cell)) ?? ""),
    )
    .filter((cells) => cells.some((cell) => cell !== ""));
  if (rows.length > 0) tab.rows = rows;
  return tab;
}

/** Text nodes joined with spaces, so that cells and list items do not run together. */
function visibleText(node: Node): string {
  if (isText(node)) return textOf(node);
  return node.childNodes.map(visibleText).join(" ");
}
