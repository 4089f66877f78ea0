/**
 * Whose besteding a mandaatgemeente's SPUK IZA realisatie row is (SiSa H35 or H35B), read from its
 * Uitvoerder exactly as the werkmap's SUMIFS/COUNTIFS compare it: the whole text, without regard to
 * case, not trimmed (SUMIFS does not trim; the readers trim every cell, so a file or paste never
 * carries spaces around it, but a cell typed in the werkmap may). Empty, the gemeente itself, or a
 * partner that is no gemeente (the sample's "GGD": an organisation carrying out the gemeente's own
 * activity) is own besteding (H35); another gemeente in one of its spellings is a medeoverheid
 * (H35B). Refuse rather than guess where the text cannot be read as the formulas read it: an
 * Uitvoerder with spaces before or after it (" Kampen": SUMIFS would not match Kampen) is
 * `onbekend`; it still counts as own besteding (H35, as the werkmap's H35 = besteding − H35B does),
 * and Controle (`realisatie-uitvoerder`) and the Verantwoording's signal say so with the fix. A
 * gemeenschappelijke regeling as medeoverheid (SiSa H35B names medeoverheden by code; the codes of a
 * GR are not in our data) is not recognised: such a row counts as H35, as any partner. An Uitvoerder
 * of digits only is compared as the number it is (`uitvoerderIs`: 166, 0166 and 00166 all name
 * GM0166), as the werkmap's criterion "0166" is a number to SUMIFS: Excel turns a typed 0166 into
 * the number 166, which SUMIFS matches in Excel, LibreOffice and HyperFormula, and Excel matches the
 * text "166" too. Pure.
 */
import type { CbsCode, Gemeente, Maybe } from '../types';

/**
 * The spellings of a gemeente an Uitvoerder may take, each compared as a whole text without regard
 * to case: its CBS code with and without GM (`GM0166`, `0166`), its name and its name in the VWS
 * letter (where it differs). These are the werkmap's SUMIFS criteria (no wildcards: a name is
 * matched as typed, so "Team 0166" names no gemeente).
 */
export function uitvoerderSpellingen(g: Gemeente): string[] {
  const out: string[] = [];
  for (const s of [g.code, g.code.slice(-4), g.naam, g.naamVws])
    if (!out.some((x) => x.toLowerCase() === s.toLowerCase())) out.push(s);
  return out;
}

/** Digits only, at most 15 (what a spreadsheet holds exactly as a number). */
const DIGITS = /^\d{1,15}$/;

/**
 * Whether the Uitvoerder `uitvoerder` is the spelling `spelling` as the werkmap's SUMIFS criterion
 * compares them: two texts of digits only by their number (166 = 0166: a criterion that reads as a
 * number matches the number a user typed, and Excel reads a text of digits as its number); any other
 * pair as whole texts without regard to case (not trimmed).
 */
export function uitvoerderIs(uitvoerder: string, spelling: string): boolean {
  if (DIGITS.test(uitvoerder) && DIGITS.test(spelling)) return Number(uitvoerder) === Number(spelling);
  return uitvoerder.toLowerCase() === spelling.toLowerCase();
}

/** What an Uitvoerder names: own besteding (empty or the gemeente itself), a medeoverheid, or neither. */
export type UitvoerderVan =
  | { readonly soort: 'eigen' }
  | { readonly soort: 'medeoverheid'; readonly gemeente: Gemeente }
  | { readonly soort: 'onbekend' };

/**
 * What `uitvoerder` names for the gemeente `self` among `gemeenten` (see the module comment): '' or a
 * spelling of `self` is `eigen`; a spelling of another gemeente is that `medeoverheid`; a text with
 * spaces before or after it is `onbekend`; any other text (a partner) is `eigen`.
 */
export function uitvoerderVan(
  uitvoerder: string,
  gemeenten: readonly Gemeente[],
  self: CbsCode,
): UitvoerderVan {
  if (uitvoerder === '') return { soort: 'eigen' };
  const g = gemeenten.find((x) => uitvoerderSpellingen(x).some((s) => uitvoerderIs(uitvoerder, s)));
  if (g === undefined) return uitvoerder.trim() === uitvoerder ? { soort: 'eigen' } : { soort: 'onbekend' };
  return g.code === self ? { soort: 'eigen' } : { soort: 'medeoverheid', gemeente: g };
}

/** The medeoverheid an Uitvoerder names (`uitvoerderVan`), undefined for own besteding or a refused one. */
export function medeoverheidVan(
  uitvoerder: string,
  gemeenten: readonly Gemeente[],
  self: CbsCode,
): Maybe<Gemeente> {
  const v = uitvoerderVan(uitvoerder, gemeenten, self);
  return v.soort === 'medeoverheid' ? v.gemeente : undefined;
}
