import { describe, expect, test } from "bun:test";

import { collapseLabel, normalizeText } from "../../src/domain/text.ts";

describe("normalizeText", () => {
  test.each([
    ["plain", "VW Golf", "VW Golf"],
    ["trims and collapses", "  VW \t Golf \n ", "VW Golf"],
    ["NBSP becomes a space", "VW\u00a0\u00a0Golf\u00a0", "VW Golf"],
    ["narrow NBSP", "12\u202f345", "12 345"],
    ["zero-width space removed", "Mül\u200bler", "Müller"],
    ["decomposed umlaut becomes NFC", "Mu\u0308ller", "Müller"],
    ["keeps inner hyphen", "Müller-Lüdenscheidt", "Müller-Lüdenscheidt"],
    ["keeps a lone zero", "0", "0"],
    ["keeps dashes inside text", "- Kunde wartet -", "- Kunde wartet -"],
  ])("%s", (_name, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  test.each([
    ["null", null],
    ["undefined", undefined],
    ["empty", ""],
    ["spaces only", "   "],
    ["NBSP only", "\u00a0\u00a0"],
    ["dash", "-"],
    ["dash with spaces", "  -  "],
    ["en dash", "–"],
    ["dash slash dash", "- / -"],
    ["dash slash dash tight", "-/-"],
    ["literal entity", "&nbsp;"],
    ["repeated literal entity", "&nbsp;&nbsp;"],
    ["entity upper case", "&NBSP;"],
  ])("%s → null", (_name, raw) => {
    expect(normalizeText(raw)).toBeNull();
  });
});

describe("collapseLabel", () => {
  test.each([
    ["Kennzeichen", "Kennzeichen"],
    ["Kennzeichen:", "Kennzeichen"],
    ["  Kennzeichen :  ", "Kennzeichen"],
    ["Kennzeichen*", "Kennzeichen"],
    ["Kennzeichen *", "Kennzeichen"],
    ["Fahrzeugeingang\u00a0(Soll):", "Fahrzeugeingang (Soll)"],
    ["Sollstunden   Karo", "Sollstunden Karo"],
    ["Ru\u0308ckgabe", "Rückgabe"],
    ["Kennzeichen::", "Kennzeichen:"],
    ["", ""],
  ])("%p → %p", (raw, expected) => {
    expect(collapseLabel(raw)).toBe(expected);
  });
});
