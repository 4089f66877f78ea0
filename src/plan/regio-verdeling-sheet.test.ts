import { defaultEditionId, defaultReferenceData, editionInput } from '../data';
import { builtInKey, Ledger, regioLeden, regioVerdeling } from '../domain';
import { evaluatePlan } from '../../test/support/evaluate-plan';
import { cellAddress, parseRange, STYLES } from '.';
import type { CellValue, WorkbookPlan } from '.';
import { buildRegioverdeling } from './sheets-regioverdeling';

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
