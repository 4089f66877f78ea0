/**
 * The Samenvatting's structural-gap rows read as what they are (#18): "Structureel tekort vanaf 2030"
 * showed its amount under 2029. Now the amount (the end year's structural lasten, the domain's
 * `toets.gaten`) stands in the first year without dekking when that year is on the axis, and
 * otherwise in the end year's column with a label that says it is that year's structural lasten.
 * HyperFormula proves the cell equals the domain's figure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { editionInput } from '../../data';
import { parseBegrotingCsv } from '../../data/begroting-input';
import type { CbsCode } from '../../domain';
import { evaluatePlan } from '../../../test/support/evaluate-plan';
import { buildWorkbookPlan, cellAddress, parseRange, SHEETS } from '..';
import { PERIOD_COL } from '../layout';
import { tekortRow } from './samenvatting';
import type { WorkbookPlan } from '..';

const SAMPLE = fs.readFileSync(path.join(__dirname, '../../../voorbeelden/begroting.csv'));

function plan(edition: string): WorkbookPlan {
  const input = editionInput(edition);
  const b = parseBegrotingCsv(SAMPLE, { edition: input.edition });
  if (!b.ok) throw new Error(JSON.stringify(b.failures));
  return buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: 'GM0034' as CbsCode, begroting: b.value });
}

/** Per gap row of the Samenvatting: its label, and the year columns (by heading year) that hold a formula. */
function gapRows(p: WorkbookPlan, years: readonly number[]): { label: string; row: number; at: number[] }[] {
  const sheet = p.sheets.find((s) => s.name === SHEETS.samenvatting)!;
  const out: { label: string; row: number; at: number[] }[] = [];
  for (const b of sheet.blocks) {
    if (b.kind !== 'values' || !b.at.startsWith('A')) continue;
    const label = b.values[0]?.[0];
    if (typeof label !== 'string' || !label.startsWith('Structureel tekort')) continue;
    const row = Number(b.at.slice(1));
    const at = sheet.blocks.flatMap((f) => {
      if (f.kind !== 'formula') return [];
      const r = parseRange(f.range);
      return r.top === row ? [years[r.left - PERIOD_COL] ?? 0] : [];
    });
    out.push({ label, row, at });
  }
  return out;
}

describe('Samenvatting: the structural gap after each regeling', () => {
  it('vws-2026-04 (2023–2030): Brede SPUK/SPUK IZA under 2027, SPUK AZWA under 2030, amounts as the domain', () => {
    const input = editionInput('vws-2026-04');
    const p = plan('vws-2026-04');
    const rows = gapRows(p, input.edition.years);
    expect(rows.map(({ label, at }) => [label, at])).toEqual([
      [
        'Structureel tekort per jaar vanaf 2027 (Brede SPUK, SPUK IZA): de structurele lasten van 2026',
        [2027],
      ],
      ['Structureel tekort per jaar vanaf 2030 (SPUK AZWA): de structurele lasten van 2029', [2030]],
    ]);
    // The sample's buurtsportcoaches: € 900.000 structural in 2026; the SPUK AZWA row is incidenteel only.
    const ev = evaluatePlan(p);
    try {
      const at = (y: number, row: number) =>
        ev.value(SHEETS.samenvatting, cellAddress(row, PERIOD_COL + input.edition.years.indexOf(y)));
      expect(at(2027, rows[0]!.row)).toBe(900_000);
      expect(at(2030, rows[1]!.row)).toBe(0);
      // Nothing under the end years: the row no longer reads as a 2026 or 2029 figure.
      expect(at(2026, rows[0]!.row)).toBeNull();
      expect(at(2029, rows[1]!.row)).toBeNull();
    } finally {
      ev.destroy();
    }
  });

  it('an axis ending with the end year: the gap in the end year, labelled as that year’s lasten', () => {
    expect(tekortRow(2029, ['SPUK AZWA'], [2023, 2024, 2025, 2026, 2027, 2028, 2029])).toEqual({
      label: 'Structureel tekort per jaar na 2029 (SPUK AZWA), gelijk aan de structurele lasten van 2029:',
      jaar: 2029,
    });
    expect(tekortRow(2026, ['Brede SPUK', 'SPUK IZA'], [2025, 2026, 2027])).toEqual({
      label: 'Structureel tekort per jaar vanaf 2027 (Brede SPUK, SPUK IZA): de structurele lasten van 2026',
      jaar: 2027,
    });
  });
});
