import { editionInput } from '../data';
import type { BegrotingInvoer, BegrotingRegel, BeschikkingRegel, CbsCode, SignaalSoort } from '../domain';
import { BEGROTING_REGELINGEN, builtInKey, euro, Ledger, legeBegroting, toetsBegroting } from '../domain';
import { evaluatePlan } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, cellAddress, parseRange, SHEETS } from '.';
import type { WorkbookPlan } from '.';

/**
 * The begroting's formulas (Begrotingstoets, Samenvatting, Beschikking, Overzicht's signal cell) equal
 * the domain's `toetsBegroting` on generated begrotingen: rows across every regeling, onderdelen
 * with and without a number, unknown taakvelden, missing aard, carry-over, money in advance and a
 * beschikking with totals and onderdelen, chosen so that every kind of signal fires.
 */
const SHEETS_UNDER_TEST: readonly string[] = [
  SHEETS.toets,
  SHEETS.samenvatting,
  SHEETS.beschikking,
  SHEETS.begroting,
  SHEETS.overzicht,
];
const ALMERE = 'GM0034' as CbsCode;
const LELYSTAD = 'GM0995' as CbsCode;

function generated(seed: number, rows: number): BegrotingInvoer {
  let x = seed;
  const rnd = (n: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor(x / 65536) % n;
  };
  const taakvelden = ['5.1', '6.1', '6.71', '7.1', '0.10', '6.3'];
  const regels: BegrotingRegel[] = [];
  for (let i = 0; i < rows; i++) {
    const regeling = BEGROTING_REGELINGEN[rnd(4)] ?? 'Brede SPUK';
    const onderdeel = regeling === 'Brede SPUK' && rnd(10) > 0 ? 1 + rnd(15) : undefined;
    const aard = (['structureel', 'incidenteel', 'incidenteel', undefined] as const)[rnd(4)];
    regels.push({
      rij: 7 + i,
      regeling,
      onderdeel,
      activiteit: `Activiteit ${i + 1}`,
      taakveld: taakvelden[rnd(taakvelden.length)] ?? '7.1',
      uitvoerder: rnd(2) ? 'GGD' : 'Gemeente',
      aard,
      lasten: [0, 1, 2, 3, 4, 5, 6].map(() =>
        euro(rnd(3) === 0 ? 0 : rnd(rnd(8) === 0 ? 2_000_000 : 250_000)),
      ),
      andereDekking: '',
      opmerking: '',
    });
  }
  // Besides the random rows, cases that make the per-onderdeel rules fire for sure.
  const fixed = (onderdeel: number | undefined, y2023: number, y2024: number): BegrotingRegel => ({
    rij: 7 + regels.length,
    regeling: 'Brede SPUK',
    onderdeel,
    activiteit: `Vast ${regels.length}`,
    taakveld: '7.1',
    uitvoerder: 'GGD',
    aard: 'incidenteel',
    lasten: [y2023, y2024, 0, 0, 0, 0, 0].map((v) => euro(v)),
    andereDekking: '',
    opmerking: '',
  });
  regels.push(fixed(5, 3_000_000, 0), fixed(undefined, 0, 1_000));
  const carry = Array.from({ length: 15 }, (_, i) =>
    euro(i === 0 ? 250_000 : rnd(3) === 0 ? rnd(80_000) : 0),
  );
  return {
    regels,
    overheveling2023: carry,
    overheveling2025: euro(400_000 + rnd(100_000)),
    vooruitOntvangen: [0, 0, 0, 9_000_000, 0, 0, 100].map((v) => euro(v)),
  };
}

const BESCHIKKING: BeschikkingRegel[] = [
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: euro(3_480_000) },
  { regeling: 'Brede SPUK', onderdeel: 2, jaar: 2023, bedrag: euro(900_000) },
  { regeling: 'Brede SPUK', onderdeel: 7, jaar: 2024, bedrag: euro(120_000) },
  { regeling: 'SPUK IZA', onderdeel: undefined, jaar: 2026, bedrag: euro(3_400_000) },
  { regeling: 'SPUK AZWA lokaal', onderdeel: undefined, jaar: 2027, bedrag: euro(2_600_000) },
];

function compare(p: WorkbookPlan): { bad: string[]; cells: number; master: unknown; name: unknown } {
  const ev = evaluatePlan(p);
  const bad: string[] = [];
  let cells = 0;
  try {
    for (const sheet of p.sheets) {
      if (!SHEETS_UNDER_TEST.includes(sheet.name)) continue;
      for (const b of sheet.blocks) {
        if (b.kind !== 'formula') continue;
        const r = parseRange(b.range);
        b.expected.forEach((line, dr) =>
          line.forEach((expected, dc) => {
            cells++;
            const a1 = cellAddress(r.top + dr, r.left + dc);
            const got = ev.value(sheet.name, a1);
            if (got !== expected)
              bad.push(`${sheet.name}!${a1}: got ${String(got)}, domain ${String(expected)} (${b.formula})`);
          }),
        );
      }
    }
    const name = p.names.find((n) => n.name === 'Begroting_Signalen')?.ref;
    return { bad, cells, master: ev.value(SHEETS.toets, 'C3'), name };
  } finally {
    ev.destroy();
  }
}

describe('begroting formulas equal the domain (HyperFormula), on generated begrotingen', () => {
  it('Almere (mandaatgemeente), 60 generated rows, beschikking, carry-over, money in advance: every kind of signal', () => {
    const begroting = generated(20261129, 60);
    const p = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: ALMERE,
      begroting,
      beschikking: BESCHIKKING,
    });
    const { bad, cells, master, name } = compare(p);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(cells).toBeGreaterThan(700);
    const input = editionInput('vws-2026-04');
    const t = toetsBegroting(
      new Ledger(input, builtInKey('spuk-2025', input.base)),
      ALMERE,
      begroting,
      BESCHIKKING,
    );
    expect(master).toBe(t.signalen.length);
    expect(name).toBe(`${SHEETS.toets}!$C$3`);
    const kinds = new Set<SignaalSoort>(t.signalen.map((s) => s.soort));
    expect([...kinds].sort()).toEqual(
      [
        'aard-ontbreekt',
        'bbv-gat-2026',
        'bbv-gat-2029',
        'bbv-structureel',
        'hoofdthema',
        'onderdeel',
        'overheveling-2023',
        'overheveling-2025',
        'plafond',
        'vooruit-ontvangen',
        'zonder-onderdeel',
      ].sort(),
    );
  });

  it('Lelystad (member gemeente): regional lasten are over a plafond of 0; an empty begroting has 0 signals', () => {
    const begroting = generated(7, 25);
    const p = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: LELYSTAD,
      begroting,
    });
    const { bad, master } = compare(p);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(master).toBeGreaterThan(0);
    const empty = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: LELYSTAD,
      begroting: legeBegroting(),
    });
    const e = compare(empty);
    expect(e.bad).toEqual([]);
    expect(e.master).toBe(0);
  });
});
