import { defaultEditionId, defaultReferenceData, editionInput } from '../data';
import { builtInKey, Ledger, regioLeden, regioVerdeling } from '../domain';
import { evaluatePlan } from '../../test/support/evaluate-plan';
import { cellAddress, parseRange, STYLES } from '.';
import type { CellValue, WorkbookPlan } from '.';
import { buildRegioverdeling } from './sheets-regioverdeling';
import { unknownSisa } from '../cli/regioverdeling';

const ledger = new Ledger(editionInput(defaultEditionId()), builtInKey('spuk-2025', defaultReferenceData()));

/** A plan holding only the sheet Regioverdeling; every formula cell evaluated by HyperFormula vs the domain. */
function mismatches(built: ReturnType<typeof buildRegioverdeling>): { cells: number; bad: string[] } {
  const sheet = built.sheet.build({
    header: { left: '', center: '', right: '' },
    footer: { left: '', center: '', right: '' },
  });
  const plan: WorkbookPlan = {
    meta: {
      title: 't',
      editionId: defaultEditionId(),
      keyId: 'spuk-2025',
      gemeente: undefined,
      generator: 'test',
    },
    styles: STYLES,
    sheets: [sheet],
    names: built.names,
  };
  const ev = evaluatePlan(plan);
  const bad: string[] = [];
  let cells = 0;
  try {
    for (const b of sheet.blocks) {
      if (b.kind !== 'formula') continue;
      const r = parseRange(b.range);
      b.expected.forEach((line, dr) =>
        line.forEach((expected: CellValue, dc) => {
          cells++;
          const a1 = cellAddress(r.top + dr, r.left + dc);
          const got = ev.value(sheet.name, a1);
          if (got !== expected)
            bad.push(`${a1}: got ${String(got)}, domain ${String(expected)} (${b.formula})`);
        }),
      );
    }
  } finally {
    ev.destroy();
  }
  return { cells, bad };
}

describe('sheet Regioverdeling: live formulas equal the domain (HyperFormula)', () => {
  it('IJssel-Vecht (Zwolle), default aandeel weights, 2023–2029', () => {
    const built = buildRegioverdeling(ledger, 'IJssel-Vecht');
    const m = mismatches(built);
    expect(m.bad).toEqual([]);
    // 8 members: rest, floor, correction and amount rows, plus 7 year rows (Σ vast, N, W, d, t, g, check).
    expect(m.cells).toBe((4 * 8 + 7) * 7);
    expect(built.splits.map((s) => s.delen.reduce((a, d) => a + d.bedrag, 0))).toEqual(
      built.splits.map((s) => s.bedrag.bedrag),
    );
  });
  it('Flevoland (Almere) with fixed amounts and own weights (ties broken by row order)', () => {
    const built = buildRegioverdeling(ledger, 'Flevoland', {
      vast: [
        { activiteit: 'Regionale coördinatie', bedrag: 250_000 },
        { activiteit: 'Netwerkbureau', bedrag: 111_954 },
      ],
      gewichten: new Map(
        ['GM0034', 'GM0171', 'GM0184', 'GM0303', 'GM0995'].map((c) => [c, { 2025: 1, 2026: 1 }]),
      ),
    });
    expect(mismatches(built).bad).toEqual([]);
    const s2025 = built.splits.find((s) => s.jaar === 2025);
    expect(s2025?.delen.map((d) => d.bedrag)).toEqual([
      250_000, 111_954, 560_000, 560_000, 560_000, 560_000, 560_000,
    ]);
  });
  it('declares the inputs for the add-in to preserve (weights keyed by CBS code)', () => {
    const built = buildRegioverdeling(ledger, 'Flevoland');
    expect(built.names.map((n) => [n.name, n.ref, n.input, n.keyRef])).toEqual([
      ['Invoer_Regio_Activiteiten', 'Regioverdeling!$A$9:$A$14', true, undefined],
      ['Invoer_Regio_Vast', 'Regioverdeling!$E$9:$K$14', true, undefined],
      ['Invoer_Regio_Gewichten', 'Regioverdeling!$E$19:$K$23', true, 'Regioverdeling!$A$19:$A$23'],
    ]);
  });

  it('takes whole weights only, as the domain and the number format #,##0 do (closing9 "Noticed")', () => {
    const built = buildRegioverdeling(ledger, 'Flevoland');
    const sheet = built.sheet.build({
      header: { left: '', center: '', right: '' },
      footer: { left: '', center: '', right: '' },
    });
    const weights = built.names.find((n) => n.name === 'Invoer_Regio_Gewichten')?.ref.split('!')[1];
    const range = weights?.replace(/\$/g, '');
    expect(range).toBe('E19:K23');
    expect(
      sheet.validations
        .filter((v) => v.range === range)
        .map((v) => [v.type, v.type === 'list' ? undefined : v.min]),
    ).toEqual([['whole', 0]]);
    expect(sheet.formats.filter((f) => f.range === range).map((f) => STYLES[f.style].numberFormat)).toContain(
      '#,##0',
    );
    // The domain refuses a weight with decimals (the reason the cell does).
    const { leden } = regioLeden(ledger, 'Flevoland');
    const split = regioVerdeling(ledger, 'Flevoland', 2025, {
      methode: 'gewichten',
      gewichten: leden.map((code, i) => ({ code, gewicht: i === 0 ? 1.5 : 1 })),
    });
    expect(split.ok ? [] : split.failures.map((f) => f.kind)).toEqual(['RegioBadWeight']);
  });
});

describe('sheet Regioverdeling: SiSa codes only where the edition gives them (#18)', () => {
  const built = buildRegioverdeling(ledger, 'IJssel-Vecht');
  const sheet = built.sheet.build({
    header: { left: '', center: '', right: '' },
    footer: { left: '', center: '', right: '' },
  });
  /** The text of column `col` in row `row` (the written values). */
  const text = (col: number, row: number): CellValue | undefined => {
    for (const b of sheet.blocks) {
      if (b.kind !== 'values') continue;
      const tl = parseRange(b.at);
      const v = b.values[row - tl.top]?.[col - tl.left];
      if (v !== undefined && v !== null) return v;
    }
    return undefined;
  };
  const edition = ledger.input.edition;
  // The rows of the split: its code in column A, the SiSa code in C (the member rows of Verdeling).
  const out = built.shares.range.top;
  const rowOf = (code: string) => out + built.shares.leden.indexOf(code);

  it('labels each member with the code of the years whose regeling the edition names one for, as the CLI', () => {
    // The CLI regioverdeling's years without a code (the same edition data per regeling and year).
    expect(unknownSisa(edition, built.splits)).toEqual(['SPUK AZWA 2027–2029']);
    expect(built.shares.years).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029]);
    // Zwolle, the mandaatgemeente: eigen uitvoering (H35); Dalfsen a member: medeoverheden (H35B);
    // both for the SPUK IZA years only, not beside the SPUK AZWA regionaal amounts of 2027–2029.
    expect([text(1, rowOf('GM0193')), text(3, rowOf('GM0193'))]).toEqual(['GM0193', 'H35 2023–2026']);
    expect([text(1, rowOf('GM0148')), text(3, rowOf('GM0148'))]).toEqual(['GM0148', 'H35B 2023–2026']);
    for (const code of built.shares.leden) expect(String(text(3, rowOf(code)))).toMatch(/ 2023–2026$/);
  });

  it('says under the split which regeling and years have no code in the edition', () => {
    // The rows under the check (the last member row + 1), column A: the note, a line per row.
    const check = out + built.shares.leden.length;
    const note = [1, 2, 3, 4]
      .map((k) => text(1, check + k))
      .filter((t) => t !== undefined)
      .join(' ');
    expect(note).toMatch(
      /^SiSa-code \(naast de naam van de gemeente in de verdeling\) volgens editie vws-2026-04/,
    );
    expect(note).toContain('SPUK AZWA 2027–2029: geen SiSa-code in de editie');
    expect(note).toContain('SPUK IZA 2023–2026: H35 (eigen uitvoering, de mandaatgemeente) en H35B');
  });
});
