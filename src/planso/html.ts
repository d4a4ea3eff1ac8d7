/**
 * HTML helpers for the parsers. Fragments are parsed once with node-html-parser,
 * which decodes entities in text and attribute values. A value that still contains an
 * entity after that was escaped twice upstream (`&amp;uuml;`), so it is decoded once
 * more. Nothing is unescaped before parsing.
 */
import { HTMLElement, NodeType, TextNode, parse, type Node } from "node-html-parser";

export type { HTMLElement, Node };

/** `textarea` content is raw text in HTML, so markup-like text inside it stays text. */
const PARSE_OPTIONS = {
  blockTextElements: { script: true, noscript: true, style: true, pre: true, textarea: true },
};

const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

export function parseHtml(html: string): HTMLElement {
  return parse(html, PARSE_OPTIONS);
}

/** Decodes a value once more when it still contains an entity after parsing. */
export function decodeLeftoverEntities(value: string): string {
  return ENTITY.test(value) ? new TextNode(value).text : value;
}

/** Decoded text content of a node. */
export function textOf(node: Node): string {
  return decodeLeftoverEntities(node.text);
}

/** Decoded attribute value, or undefined when the attribute is absent. */
export function attrOf(element: HTMLElement, name: string): string | undefined {
  const value = element.getAttribute(name);
  return value === undefined ? undefined : decodeLeftoverEntities(value);
}

export function hasClass(element: HTMLElement, fragment: string): boolean {
  return (element.getAttribute("class") ?? "").includes(fragment);
}

export function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}

export function isText(node: Node): node is TextNode {
  return node.nodeType === NodeType.TEXT_NODE;
}
