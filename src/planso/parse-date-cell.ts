/**
 * The parts table's `Datum` cell: order date and delivery date separated by `/`,
 * each either a `<span title="DD.MM.YYYY HH:MM:SS">` or plain text, `-` when unset.
 * Cells may carry the word `Array` and NBSPs as junk. A cell without `/` holds only
 * the delivery date.
 */
import { parseGermanDate } from "../domain/dates.ts";
import { attrOf, isElement, isText, textOf, type HTMLElement, type Node } from "./html.ts";

export interface DateCell {
  order_date: string | null;
  delivery_date: string | null;
}

/** A piece of the cell in document order: a titled element or loose text. */
type Piece = { kind: "titled"; title: string; text: string } | { kind: "text"; text: string };

export function parseDateCell(cell: HTMLElement): DateCell {
  const pieces: Piece[] = [];
  collectPieces(cell, pieces);

  const separator = pieces.findIndex((piece) => piece.kind === "text" && piece.text.includes("/"));
  if (separator < 0) return { order_date: null, delivery_date: readSide(pieces) };

  const [before, after] = splitText(pieces[separator]!.text);
  const left = [...pieces.slice(0, separator), { kind: "text", text: before } as Piece];
  const right = [{ kind: "text", text: after } as Piece, ...pieces.slice(separator + 1)];
  return { order_date: readSide(left), delivery_date: readSide(right) };
}

function collectPieces(node: Node, pieces: Piece[]): void {
  for (const child of node.childNodes) {
    if (isText(child)) {
      pieces.push({ kind: "text", text: clean(textOf(child)) });
    } else if (isElement(child)) {
      const title = attrOf(child, "title");
      if (title !== undefined && clean(title) !== "") {
        pieces.push({ kind: "titled", title: clean(title), text: clean(textOf(child)) });
      } else {
        collectPieces(child, pieces);
      }
    }
  }
}

/** Removes the `Array` junk word and turns NBSPs into spaces. */
function clean(text: string): string {
  return text.replace(/Array/g, " ").replace(/\u00a0/g, " ");
}

/** Splits a text at its first `/`. */
function splitText(text: string): [string, string] {
  const index = text.indexOf("/");
  return [text.slice(0, index), text.slice(index + 1)];
}

/** Reads one side's date: a titled element's title wins, else its text, else the loose text. */
function readSide(pieces: Piece[]): string | null {
  for (const piece of pieces) {
    if (piece.kind !== "titled") continue;
    const date = parseGermanDate(piece.title) ?? parseGermanDate(piece.text);
    if (date !== null) return date;
  }
  const text = pieces.map((piece) => piece.text).join(" ");
  return parseGermanDate(text);
}
