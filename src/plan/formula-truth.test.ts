import { editionInput, editionManifests } from '../data';
import type { CbsCode, EditionYear } from '../domain';
import {
  builtInKey,
  customKey,
  EDITION_YEARS,
  euro,
  largestKeySplitAmount,
  Ledger,
  splitByWeights,
} from '../domain';
import { parseRealisatieCsv } from '../data/realisatie-input';
import { legeBegroting } from '../domain';
import { verantwoording } from '../domain/verantwoording';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, cellAddress, SHEETS } from '.';
import type { PlanOptions, WorkbookPlan } from '.';
import { realisatieTable } from './realisatie';

const ALMERE = 'GM0034' as CbsCode;

function plan(editie: string, options: PlanOptions): WorkbookPlan {
  const vorige = editionManifests().find((m) => m.id === editie)?.vorige;
  return buildWorkbookPlan(editionInput(editie), {
    ...options,
    vorige: vorige ? editionInput(vorige) : undefined,
  });
}

/** Compares every formula cell of the plan with the engine's value; money to the euro, mln to the euro. */
function mismatches(p: WorkbookPlan): { cells: number; bad: string[] } {
  const ev = evaluatePlan(p);
  try {
    return formulaMismatches(p, ev);
  } finally {
    ev.destroy();
  }
}

/** Where a sheet's row of values is, found by its first cells (tests do not hard-code the layout). */
function rowOf(ev: EvaluatedPlan, sheet: string, match: (line: readonly unknown[]) => boolean): number {
  const id = ev.hf.getSheetId(sheet) ?? -1;
  const row = ev.hf.getSheetValues(id).findIndex((line) => match(line));
  if (row < 0) throw new Error(`No such row on ${sheet}`);
  return row;
}

/** The Allocatie column (0-based) of a line nr in a year: the header rows 3 (nr) and 6 (year). */
function allocColumn(ev: EvaluatedPlan, nr: number, jaar: EditionYear): number {
  const values = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.allocatie) ?? -1);
  const nrs = values[2] ?? [];
  const years = values[5] ?? [];
  const col = nrs.findIndex((v, i) => v === nr && years[i] === jaar);
  if (col < 0) throw new Error(`No Allocatie column for ${nr} ${jaar}`);
  return col;
}

describe('formula truth: every formula cell equals the engine value, for every edition', () => {
  it.each([
    ['gala-2023', 'spuk-2025', ALMERE, []],
    ['gala-2023', 'inwoners', 'GM0363', [{ nr: 7, vanaf: 2028 }, 16, 2]],
    ['vws-2025-09', 'gelijk', undefined, []],
    ['vws-2025-09', 'spuk-2025', 'GM0088', [1]],
    ['vws-2026-04', 'spuk-2025', ALMERE, []],
    ['vws-2026-04', 'inwoners', undefined, [2, 17]],
  ] as const)('%s, key %s, gemeente %s, BBV vastgelegd %j', (editie, key, gemeente, flags) => {
    const { cells, bad } = mismatches(
      plan(editie, { key, gemeente: gemeente as CbsCode | undefined, bbvVastgelegd: flags }),
    );
    expect(bad.slice(0, 10)).toEqual([]);
    expect(cells).toBeGreaterThan(60_000);
  });

  it('holds for a generated key (seeded random weights, zeros included) on the newest edition', () => {
    const input = editionInput('vws-2026-04');
    let seed = 20261129;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const weights = input.base.gemeenten.map(() => (next() % 5 === 0 ? 0 : next() % 2_000_000));
    const key = customKey(
      input.base.gemeenten.map((g, i) => ({ row: i + 2, code: g.code, value: String(weights[i]) })),
      input.base.gemeenten,
      { maxAmount: largestKeySplitAmount(input.base) },
    );
    if (!key.ok) throw new Error('generated key rejected');
    const { bad } = mismatches(
      plan('vws-2026-04', { key: key.value, gemeente: 'GM0363' as CbsCode, bbvVastgelegd: [4] }),
    );
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('computes the published figures and an OK master check in the sheet itself', () => {
    const ev = evaluatePlan(plan('vws-2026-04', { key: 'spuk-2025', gemeente: ALMERE }));
    try {
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe('OK');
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      expect(ev.value(SHEETS.overzicht, 'C5')).toBe('Almere (GM0034)');
      // Almere's own money in 2025 and 2026 is its Bijlage 2A total, to the euro, in the sheet itself.
      const eigen = rowOf(ev, SHEETS.overzicht, (l) => l[1] === 'Eigen geld: baten van de gemeente');
      expect(ev.value(SHEETS.overzicht, cellAddress(eigen + 1, 7))).toBe(3_478_172);
      expect(ev.value(SHEETS.overzicht, cellAddress(eigen + 1, 8))).toBe(2_961_529);
      // As mandaatgemeente of Flevoland it receives the region's SPUK IZA (Bijlage 2B), kept apart.
      expect(ev.value(SHEETS.overzicht, cellAddress(eigen + 2, 7))).toBe(3_161_954);
    } finally {
      ev.destroy();
    }
  });

  it('follows a changed weight and IZA membership like the engine does (gala-2023)', () => {
    const input = editionInput('gala-2023');
    const ev = evaluatePlan(plan('gala-2023', { key: 'spuk-2025', gemeente: ALMERE }));
    try {
      const hf = ev.hf;
      const data = input.base;
      const row = data.gemeenten.findIndex((g) => g.code === ALMERE);
      const sheet = (name: string) => hf.getSheetId(name) ?? -1;
      const key = builtInKey('spuk-2025', data);
      const weights = key.weights.map((w, i) => (i === row ? w * 2 : w));
      hf.setCellContents({ sheet: sheet(SHEETS.verdeelsleutel), row: 10 + row, col: 7 }, [
        [weights[row] ?? 0],
      ]);
      const changedKey = { ...key, id: 'eigen' as const, weights, total: weights.reduce((a, b) => a + b, 0) };
      // The user moves Almere from Flevoland to Gooi en Vechtstreek in the IZA membership table.
      const memberRow = rowOf(ev, SHEETS.iza, (l) => l[0] === ALMERE && l[2] === 'Flevoland');
      hf.setCellContents({ sheet: sheet(SHEETS.iza), row: memberRow, col: 2 }, [['Gooi en Vechtstreek']]);
      const leden = data.lidmaatschap.map((m) =>
        m.code === ALMERE ? { ...m, regio: 'Gooi en Vechtstreek' } : m,
      );
      const changed = new Ledger({ ...input, base: { ...data, lidmaatschap: leden } }, changedKey);
      for (const nr of [1, 2, 7, 16])
        for (const jaar of EDITION_YEARS) {
          const v = ev.value(SHEETS.allocatie, cellAddress(11 + row, 1 + allocColumn(ev, nr, jaar)));
          expect([nr, jaar, v]).toEqual([nr, jaar, changed.gemeente(ALMERE, nr, jaar)?.bedrag]);
        }
      // The built-in key's weight no longer equals its source: Controle's check `sleutel-bron` counts
      // it (issue #17 item 4); nothing else does.
      expect(ev.value(SHEETS.controle, 'C4')).toBe(1);
    } finally {
      ev.destroy();
    }
  });

  it('a mutation typed into Landelijk moves the split, keeps Bijlage 2A and is no FOUT (vws-2025-09)', () => {
    const input = editionInput('vws-2025-09');
    const ev = evaluatePlan(plan('vws-2025-09', { key: 'spuk-2025', gemeente: ALMERE }));
    try {
      const ledger = new Ledger(input, builtInKey('spuk-2025', input.base));
      const row = input.base.gemeenten.findIndex((g) => g.code === ALMERE);
      // +1 mln for overgewicht (6) in 2026, typed over the national amount on Landelijk.
      const line6 = rowOf(ev, SHEETS.landelijk, (l) => l[0] === 6);
      const col2026 = 4 + EDITION_YEARS.indexOf(2026);
      const composition = input.edition.lines
        .filter((l) => l.regeling.id === 'brede-spuk')
        .map((l) => ledger.national(l.nr, 2026).bedrag + (l.nr === 6 ? 1_000_000 : 0));
      ev.hf.setCellContents({ sheet: ev.hf.getSheetId(SHEETS.landelijk) ?? -1, row: line6, col: col2026 }, [
        [composition[5] ?? 0],
      ]);
      const total = input.base.bijlage2A.find((r) => r.code === ALMERE)?.totaal2026 ?? euro(0);
      const split = splitByWeights(
        total,
        composition,
        composition.reduce((a, b) => a + b, 0),
      ).amounts;
      for (let nr = 1; nr <= 15; nr++)
        expect([
          nr,
          ev.value(SHEETS.allocatie, cellAddress(11 + row, 1 + allocColumn(ev, nr, 2026))),
        ]).toEqual([nr, split[nr - 1]]);
      expect(split.reduce((a, b) => a + b, 0)).toBe(2_961_529);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe('OK');
    } finally {
      ev.destroy();
    }
  });

  it('a pasted negative national amount is split like the engine splits it (floored MOD), vws-2026-04', () => {
    const input = editionInput('vws-2026-04');
    const ev = evaluatePlan(plan('vws-2026-04', { key: 'gelijk' }));
    try {
      const line17 = rowOf(ev, SHEETS.landelijk, (l) => l[0] === 17);
      const col = 4 + EDITION_YEARS.indexOf(2028);
      ev.hf.setCellContents({ sheet: ev.hf.getSheetId(SHEETS.landelijk) ?? -1, row: line17, col }, [
        [-1_000],
      ]);
      const key = builtInKey('gelijk', input.base);
      const expected = splitByWeights(euro(-1_000), key.weights, key.total).amounts;
      const c = 1 + allocColumn(ev, 17, 2028);
      const got = input.base.gemeenten.map((_, r) => ev.value(SHEETS.allocatie, cellAddress(11 + r, c)));
      expect(got).toEqual(expected);
      expect(expected.reduce((a, b) => a + b, 0)).toBe(-1_000);
    } finally {
      ev.destroy();
    }
  });

  it("a pasted negative amount is incidental in the Rijk reading on Overzicht, as the domain reads it (no BBV 'risico')", () => {
    const input = editionInput('vws-2026-04');
    const ev = evaluatePlan(plan('vws-2026-04', { key: 'gelijk', gemeente: ALMERE }));
    try {
      const overzicht = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.overzicht) ?? -1);
      const labelRow = (label: string) => overzicht.findIndex((l) => l[1] === label);
      const col = 4 + EDITION_YEARS.indexOf(2028);
      const at = (row: number) => ev.value(SHEETS.overzicht, cellAddress(row + 1, col + 1));
      const rijk = labelRow('Totaal structureel (Rijk)');
      const risico = labelRow('Risico: structureel bij het Rijk, niet structureel volgens BBV');
      const before = [at(rijk), at(risico)];
      // SPUK AZWA lokaal (17) in 2028, national: a correction pasted as a negative amount.
      const line17 = rowOf(ev, SHEETS.landelijk, (l) => l[0] === 17);
      ev.hf.setCellContents({ sheet: ev.hf.getSheetId(SHEETS.landelijk) ?? -1, row: line17, col }, [
        [-1_000],
      ]);
      // The domain: Rijk structural = max(0, min(amount, level)); line 17 has no level, so nothing moves.
      const share = splitByWeights(
        euro(-1_000),
        builtInKey('gelijk', input.base).weights,
        input.base.gemeenten.length,
      ).amounts[input.base.gemeenten.findIndex((g) => g.code === ALMERE)];
      expect(share).toBeLessThan(0);
      expect([at(rijk), at(risico)]).toEqual(before);
      expect(before).toEqual([expect.any(Number), 0]);
    } finally {
      ev.destroy();
    }
  });

  it('catches a number typed over an Overzicht formula on Controle (untouched: 0)', () => {
    const ev = evaluatePlan(plan('vws-2026-04', { key: 'spuk-2025', gemeente: ALMERE }));
    try {
      const ov = ev.hf.getSheetId(SHEETS.overzicht) ?? -1;
      // Controle_Totaal (Controle!C4).
      const total = () => ev.value(SHEETS.controle, 'C4');
      expect(total()).toBe(0);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe('OK');
      const col2025 = 4 + EDITION_YEARS.indexOf(2025);
      // Onderdeel 1 in 2025: a formula (INDEX into Allocatie); typing its own value changes nothing.
      const line1 = rowOf(ev, SHEETS.overzicht, (l) => l[0] === 1);
      const own = ev.value(SHEETS.overzicht, cellAddress(line1 + 1, col2025 + 1));
      expect(typeof own).toBe('number');
      ev.hf.setCellContents({ sheet: ov, row: line1, col: col2025 }, [[own]]);
      expect(total()).toBe(0);
      // A different number over the amount: Controle counts it and Overzicht says FOUT.
      ev.hf.setCellContents({ sheet: ov, row: line1, col: col2025 }, [[(own as number) + 1_000]]);
      expect(total()).toBeGreaterThan(0);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe('FOUT: zie blad Controle');
      // Its own value again: OK again.
      ev.hf.setCellContents({ sheet: ov, row: line1, col: col2025 }, [[own]]);
      expect(total()).toBe(0);
      // A total (the BBV incidental row at the top) overwritten with a number, and text over an amount.
      const inc = rowOf(ev, SHEETS.overzicht, (l) => l[1] === 'Totaal incidenteel (BBV)');
      ev.hf.setCellContents({ sheet: ov, row: inc, col: col2025 }, [[1]]);
      expect(total()).toBe(1);
      ev.hf.setCellContents({ sheet: ov, row: line1, col: col2025 }, [['veel']]);
      expect(total()).toBeGreaterThanOrEqual(2);
    } finally {
      ev.destroy();
    }
  });

  it('flags a sorted Verdeelsleutel on Controle and Overzicht instead of moving money silently', () => {
    const ev = evaluatePlan(plan('vws-2026-04', { key: 'spuk-2025', gemeente: ALMERE }));
    try {
      const vs = ev.hf.getSheetId(SHEETS.verdeelsleutel) ?? -1;
      // Swap the first two gemeenten (code, name, … and weight) as a sort would.
      const plain = (line: readonly unknown[]) =>
        line.slice(0, 8).map((v) => (typeof v === 'string' || typeof v === 'number' ? v : null));
      const rows = ev.hf.getSheetValues(vs).slice(10, 12).map(plain);
      ev.hf.setCellContents({ sheet: vs, row: 10, col: 0 }, [rows[1]!]);
      ev.hf.setCellContents({ sheet: vs, row: 11, col: 0 }, [rows[0]!]);
      expect(ev.value(SHEETS.controle, 'C4')).toBeGreaterThan(0);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe('FOUT: zie blad Controle');
    } finally {
      ev.destroy();
    }
  });

  it('Verantwoording follows a besteding per onderdeel and limits typed in, like the domain (vws-2026-04)', () => {
    const input = editionInput('vws-2026-04');
    const zwolle = input.base.gemeenten.find((g) => g.code === 'GM0193')!;
    const head =
      'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';
    // Onderdeel 1 spends a1 in 2023 and 150.000 in 2024; the rest of the money in one row per year.
    const csv = (a1: number) =>
      [
        head,
        `Brede SPUK;1;Sport;;Sportbedrijf;incidenteel;${a1};150000;;;;;;;`,
        'Brede SPUK;;Ontschot;;GGD;incidenteel;;;900000;700000;;;;;',
      ].join('\n') + '\n';
    const read = (text: string) => {
      const r = parseRealisatieCsv(text, { edition: input.edition });
      if (!r.ok) throw new Error(JSON.stringify(r.failures));
      return r.value;
    };
    const p = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: zwolle.code,
      realisatie: read(csv(100_000)),
    });
    const ev = evaluatePlan(p);
    try {
      const ref = (name: string) => {
        const m = /!\$([A-Z]+)\$(\d+)/.exec(p.names.find((x) => x.name === name)?.ref ?? '') ?? [];
        return {
          sheet: ev.hf.getSheetId(SHEETS.verantwoording) ?? -1,
          row: Number(m[2]) - 1,
          col: (m[1] ?? 'A').charCodeAt(0) - 65,
        };
      };
      // Typed in: onderdeel 1 spent 40.000 in 2023 (its row of the table Realisatie, whose totals the
      // Verantwoording reads); the limits 2023 (per onderdeel) 10% and 2024 0%.
      const table = realisatieTable(input.edition.years);
      ev.hf.setCellContents(
        {
          sheet: ev.hf.getSheetId(SHEETS.realisatie) ?? -1,
          row: table.firstRow - 1,
          col: table.column('2023').left - 1,
        },
        [[40_000]],
      );
      ev.hf.setCellContents(ref('Invoer_Limiet_Overheveling_Brede_SPUK'), [[10, 0]]);
      const v = verantwoording({
        ledger: new Ledger(input, builtInKey('spuk-2025', input.base)),
        gemeente: zwolle,
        gemeenten: input.base.gemeenten,
        beschikking: [],
        begroting: legeBegroting(input.edition),
        realisatie: read(csv(40_000)),
        aannames: {
          overheveling: [
            { regeling: 'brede-spuk', vanJaar: 2023, waarde: 10 },
            { regeling: 'brede-spuk', vanJaar: 2024, waarde: 0 },
          ],
        },
      });
      const brede = v.regelingen.find((r) => r.regels.regeling === 'brede-spuk')!;
      const values = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.verantwoording) ?? -1);
      const row = (label: string) => values.find((l) => l[0] === label)?.slice(1, 5);
      expect(row('Overheveling naar het volgende jaar')).toEqual(brede.jaren.map((j) => j.overhevelingUit));
      expect(row('Terugvordering (lezing per jaar)')).toEqual(brede.jaren.map((j) => j.terugvordering));
      expect(brede.jaren[0]?.overhevelingUit).toBeGreaterThan(0);
      expect(row('Verwachte terugvordering: som van de jaren (lezing per jaar)')?.[0]).toBe(
        brede.terugvordering.perJaar,
      );
      expect(row('Verwachte terugvordering: cumulatief over de looptijd')?.[0]).toBe(
        brede.terugvordering.cumulatief,
      );
    } finally {
      ev.destroy();
    }
  });
});
