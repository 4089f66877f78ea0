/**
 * A mandaatgemeente's doorbetaling counted once: a Begroting row under a regional post whose
 * Uitvoerder is another member of its region counts the member's money a second time (it is in the
 * doorgeven already). The domain lists such rows (`doorbetalingDubbel`, signal `doorbetaling-dubbel`);
 * the Begrotingstoets counts them live (COUNTIFS per member and spelling) and HyperFormula proves the
 * count, the signal count and every formula equal to the domain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { editionInput, parseBegrotingCsv } from '../../data';
import type { BegrotingInvoer, BegrotingRegel, CbsCode } from '../../domain';
import { begrotingRegels, builtInKey, euro, Ledger, toetsBegroting } from '../../domain';
import { signaalText } from '../../messages/begroting.nl';
import { evaluatePlan, formulaMismatches } from '../../../test/support/evaluate-plan';
import { rowBuilder } from '../../../test/support/begroting-rows';
import { buildWorkbookPlan, SHEETS } from '..';

const ZWOLLE = 'GM0193' as CbsCode; // mandaatgemeente of IJssel-Vecht
const DALFSEN = 'GM0148' as CbsCode; // a member of IJssel-Vecht
const input = editionInput('vws-2026-04');
const ledger = new Ledger(input, builtInKey('spuk-2025', input.base));
const LABEL = 'Regionaal geld met een ledengemeente als Uitvoerder (rijen)';

function voorbeeld(): BegrotingInvoer {
  const text = fs.readFileSync(path.join(__dirname, '../../../voorbeelden/begroting.csv'), 'utf8');
  const parsed = parseBegrotingCsv(text, { edition: input.edition });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.failures));
  return parsed.value;
}

/** The sample with rows naming Dalfsen (counted) and rows that are no double count (not counted). */
function metUitvoerders(): { invoer: BegrotingInvoer; extra: BegrotingRegel[] } {
  const sample = voorbeeld();
  const { regel } = rowBuilder(input.edition.years, {
    eersteRij: Math.max(...sample.regels.map((r) => r.rij)) + 1,
  });
  const extra = [
    regel('SPUK IZA', { 2025: 100_000 }, { uitvoerder: 'Dalfsen' }), // counted
    regel('SPUK IZA', { 2026: 50_000 }, { uitvoerder: 'GM0148' }), // counted
    regel('SPUK AZWA regionaal', { 2027: 70_000 }, { uitvoerder: 'dalfsen' }), // counted: any case
    regel('SPUK IZA', { 2025: 1_000 }, { uitvoerder: 'Zwolle' }), // its own: not counted
    regel('SPUK IZA', { 2025: 1_000 }, { uitvoerder: 'GGD' }), // a partner: not counted
    regel('SPUK IZA', { 2025: 1_000 }, { uitvoerder: 'Almere' }), // no member of IJssel-Vecht
    regel('SPUK IZA', { 2025: 1_000 }, { uitvoerder: ' Dalfsen' }), // spaces: COUNTIFS does not match
    regel('Brede SPUK', { 2025: 1_000 }, { uitvoerder: 'Dalfsen' }), // no regional post
  ];
  return { invoer: { ...sample, regels: [...sample.regels, ...extra] }, extra };
}

/** The value of the rule's first year column (E) and the Toets's signal count (C3), as HyperFormula computes them. */
function evaluate(code: CbsCode, invoer: BegrotingInvoer) {
  const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: code, begroting: invoer });
  const ev = evaluatePlan(p);
  try {
    const { bad, cells } = formulaMismatches(p, ev, [SHEETS.toets, SHEETS.samenvatting]);
    const sheet = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.toets) ?? -1) as unknown[][];
    const row = sheet.findIndex((r) => r[1] === LABEL);
    return { bad, cells, rule: row < 0 ? undefined : sheet[row]?.[4], master: ev.value(SHEETS.toets, 'C3') };
  } finally {
    ev.destroy();
  }
}

describe('a mandaatgemeente’s doorbetaling counted twice: the domain refuses, the werkmap counts it live', () => {
  it('Zwolle with SPUK IZA rows whose Uitvoerder is "Dalfsen" / "GM0148": 3 rows, one signal, equal in HyperFormula', () => {
    const { invoer, extra } = metUitvoerders();
    const t = toetsBegroting(ledger, ZWOLLE, invoer);
    expect(t.doorbetalingDubbel.leden).toHaveLength(7);
    expect(t.doorbetalingDubbel.leden).toContain(DALFSEN);
    expect(t.doorbetalingDubbel.rijen).toEqual([
      { rij: extra[0]?.rij, regeling: 'SPUK IZA', lid: DALFSEN },
      { rij: extra[1]?.rij, regeling: 'SPUK IZA', lid: DALFSEN },
      { rij: extra[2]?.rij, regeling: 'SPUK AZWA regionaal', lid: DALFSEN },
    ]);
    expect(t.signalen.filter((s) => s.soort === 'doorbetaling-dubbel')).toEqual([
      { soort: 'doorbetaling-dubbel', bedrag: 3 },
    ]);
    const { bad, cells, rule, master } = evaluate(ZWOLLE, invoer);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(cells).toBeGreaterThan(500);
    expect(rule).toBe(3);
    expect(master).toBe(t.signalen.length);
    // The sample alone (its SPUK IZA rows name no member): no row, no signal.
    const leeg = toetsBegroting(ledger, ZWOLLE, voorbeeld());
    expect(leeg.doorbetalingDubbel.rijen).toEqual([]);
    expect(leeg.signalen.some((s) => s.soort === 'doorbetaling-dubbel')).toBe(false);
  });

  it('a member (Dalfsen) passes nothing on: no rows, no signal, no rule row', () => {
    const { invoer } = metUitvoerders();
    const t = toetsBegroting(ledger, DALFSEN, invoer);
    expect(t.doorbetalingDubbel).toEqual({ leden: [], rijen: [] });
    expect(t.signalen.some((s) => s.soort === 'doorbetaling-dubbel')).toBe(false);
    // The role's rows only (#18): the Begrotingstoets of a member has no such rule.
    const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: DALFSEN, begroting: invoer });
    const toets = p.sheets.find((x) => x.name === SHEETS.toets);
    const texts = (toets?.blocks ?? []).flatMap((b) => (b.kind === 'values' ? b.values.flat() : []));
    expect(texts).toContain('Rijen buiten het getoetste bereik');
    expect(texts).not.toContain(LABEL);
  });

  it('the text names both fixes, worded for the werkmap and the command line', () => {
    const regels = begrotingRegels(input.edition);
    const werkmap = signaalText({ soort: 'doorbetaling-dubbel', bedrag: euro(3) }, regels, 'werkmap');
    expect(werkmap).toMatch(/^3 rijen onder SPUK IZA of SPUK AZWA regionaal hebben een andere ledengemeente/);
    expect(werkmap).toMatch(/maak de Uitvoerder dan leeg of vul uw eigen gemeente in/);
    expect(werkmap).toMatch(
      /verwijder dan de rij of verander het aandeel van die gemeente op blad Regioverdeling,/,
    );
    const cli = signaalText({ soort: 'doorbetaling-dubbel', bedrag: euro(1) }, regels, 'cli');
    expect(cli).toMatch(/^1 rij onder .* heeft een andere/);
    expect(cli).toMatch(/'spuk-begroting regioverdeling'/);
  });
});
