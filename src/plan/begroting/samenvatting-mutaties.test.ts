import * as fs from 'fs';
import * as path from 'path';
import { editionInput } from '../../data';
import { parseBegrotingCsv } from '../../data/begroting-input';
import type { BegrotingInvoer, BegrotingRegel, CbsCode, EditionYear } from '../../domain';
import {
  begrotingKolommen,
  begrotingMutaties,
  builtInKey,
  defaultTaakveld,
  euro,
  resolveScenario,
} from '../../domain';
import { mutatieExportRegels } from '../../messages';
import { evaluatePlan, formulaMismatches } from '../../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../../test/support/evaluate-plan';
import { generated } from '../../../test/support/generated-begroting';
import { buildWorkbookPlan, SHEETS } from '..';
import type { WorkbookPlan } from '..';
import {
  defaultTaakveldRuns,
  helperRijen,
  MIN_LINES,
  mutatieRegels,
  SPARE_LINES,
} from './samenvatting-mutaties';

/**
 * The Samenvatting's block "Mutaties voor de eigen begroting" equals the CLI's `begroting --formaat
 * mutaties` (the domain's `begrotingMutaties`, formatted as the CLI writes it), evaluated by
 * HyperFormula: on the sample begroting (Zwolle), on a generated one, and after the user changes the
 * table (the block follows the rows).
 */
const input = editionInput('vws-2026-04');
const years = input.edition.years;
const HEADER = 'Omschrijving (bedragen × € 1.000)';

/**
 * The CLI's rows (cli.ts `writeMutaties`, the formatter `mutatieExportRegels`): Taakveld, Omschrijving,
 * Inc., Struc., the years × € 1.000, with the dekking of the toets of `resolveScenario` for `begroting`
 * (gemeente `gemeente`).
 */
function cliRows(
  begroting: BegrotingInvoer,
  regels: readonly BegrotingRegel[],
  ys: readonly EditionYear[],
  gemeente = 'GM0193',
): (string | number)[][] {
  const s = resolveScenario({
    edition: input,
    key: builtInKey('spuk-2025', input.base),
    gemeente: gemeente as CbsCode,
    begroting: { ...begroting, regels },
  });
  return mutatieExportRegels(begrotingMutaties(regels, ys, s.toets.dekking)).map((l) => [
    l.taakveld,
    l.omschrijving,
    l.inc,
    l.struc,
    ...l.bedragen,
  ]);
}

/** The block as evaluated: the header row, then every line up to the first empty one, and the line count. */
function block(ev: EvaluatedPlan): {
  header: unknown[];
  lines: unknown[][];
  total: number;
  overflow: unknown;
} {
  const id = ev.hf.getSheetId(SHEETS.samenvatting) ?? -1;
  const grid = ev.hf.getSheetValues(id);
  const h = grid.findIndex((row) => row[1] === HEADER);
  if (h < 0) throw new Error('no mutaties header');
  const width = 4 + years.length;
  const all = grid.slice(h + 1).map((row) => row.slice(0, width).map((v) => (v === 0 ? 0 : v)));
  const end = all.findIndex((row) => row[0] === '' && row[1] === '');
  const total = all.findIndex((row) => typeof row[0] === 'string' && row[0].startsWith('Regels die niet'));
  return {
    header: (grid[h] ?? []).slice(0, width).map(String),
    lines: all.slice(0, end < 0 || end > total ? total : end),
    total,
    overflow: all[total]?.[4],
  };
}

/** Zwolle's "niet gedekt" lines (Taakveld, 2025, 2026 × € 1.000), from the CLI export. */
const NIET_GEDEKT_ZWOLLE: unknown[][] = [
  ['5.1 Sportbeleid en activering', -267, -235],
  ['6.1 Samenkracht en burgerparticipatie', 0, 0],
  ['7.1 Volksgezondheid', -348, -272],
];

const zwolleBegroting = () => {
  const csv = fs.readFileSync(path.join(__dirname, '../../../voorbeelden/begroting.csv'));
  const r = parseBegrotingCsv(csv, { edition: input.edition });
  if (!r.ok) throw new Error('voorbeelden/begroting.csv unreadable');
  return r.value;
};

describe('Samenvatting: the mutations block equals the CLI export (HyperFormula)', () => {
  it('takes the default taakveld per onderdeel from the domain, as runs over the edition’s onderdelen', () => {
    const onderdelen = Array.from({ length: 15 }, (_, i) => i + 1);
    const d = defaultTaakveldRuns(onderdelen);
    expect(d).toEqual({
      runs: [
        { vanaf: 1, taakveld: '5.1' },
        { vanaf: 3, taakveld: '7.1' },
        { vanaf: 10, taakveld: '6.1' },
        { vanaf: 14, taakveld: '7.1' },
      ],
      anders: '7.1',
    });
    for (const nr of onderdelen) {
      const run = d.runs.filter((r) => r.vanaf <= nr).pop();
      expect([nr, run?.taakveld]).toEqual([nr, defaultTaakveld('Brede SPUK', nr)]);
    }
  });

  it('Zwolle with the sample begroting: the CLI rows, header, 28 lines (16 used + 12 spare), no overflow', () => {
    const begroting = zwolleBegroting();
    const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: 'GM0193' as CbsCode, begroting });
    const ev = evaluatePlan(plan);
    try {
      expect(formulaMismatches(plan, ev, [SHEETS.samenvatting]).bad.slice(0, 10)).toEqual([]);
      const b = block(ev);
      expect(b.header).toEqual(['Taakveld', HEADER, 'Inc.', 'Struc.', ...years.map(String)]);
      const cli = cliRows(begroting, begroting.regels, years);
      expect(b.lines).toEqual(cli);
      // Real figures: Buurtsportcoaches 2025 € 1.000.000 → −1.000 / +1.000, structural lasten.
      expect(b.lines[2]).toEqual([
        '5.1 Sportbeleid en activering',
        'Buurtsportcoaches (Brede SPUK, onderdeel 2) – lasten',
        '',
        'x',
        0,
        0,
        -1000,
        -900,
        0,
        0,
        0,
        0,
      ]);
      expect(b.lines.map((l) => l[1]).filter((x) => String(x).startsWith('Totaal'))).toEqual([
        'Totaal taakveld 5.1',
        'Totaal taakveld 6.1',
        'Totaal taakveld 7.1',
      ]);
      // Per taakveld the correction "niet gedekt" (× € 1.000, 2025 and 2026): the Brede SPUK lasten over
      // what Zwolle receives; 6.1 is covered.
      const i25 = 4 + years.indexOf(2025 as EditionYear);
      const i26 = 4 + years.indexOf(2026 as EditionYear);
      expect(
        b.lines.filter((l) => String(l[1]).startsWith('Niet gedekt')).map((l) => [l[0], l[i25], l[i26]]),
      ).toEqual(NIET_GEDEKT_ZWOLLE);
      expect(cli.length).toBe(16);
      expect(b.total).toBe(mutatieRegels(16));
      expect(b.total).toBe(16 + SPARE_LINES);
      expect(b.overflow).toBe(0);
    } finally {
      ev.destroy();
    }
  });

  it('a generated begroting (25 rows, six taakvelden incl. 0.10 and 6.3, amounts that round half up): equal cell by cell', () => {
    const begroting = generated(20261206, 25);
    // Amounts ending in 500 round away from zero (2.500 → 3, its lasten −3).
    const regels = begroting.regels.map((r, i) =>
      i === 0 ? { ...r, lasten: r.lasten.map((x, j) => euro(j === 2 ? 2_500 : x)) } : r,
    );
    const plan = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: 'GM0034' as CbsCode,
      begroting: { ...begroting, regels },
    });
    const ev = evaluatePlan(plan);
    try {
      const { bad, cells } = formulaMismatches(plan, ev, [SHEETS.samenvatting]);
      expect(bad.slice(0, 10)).toEqual([]);
      // The whole Samenvatting, with the block's 37 lines and helper rows (25 table rows + 12 spare).
      expect(cells).toBeGreaterThan(2500);
      const b = block(ev);
      const cli = cliRows(begroting, regels, years, 'GM0034');
      expect(b.lines).toEqual(cli);
      expect(cli.map((r) => String(r[0]).split(' ')[0])).toContain('0.10');
      expect(b.total).toBe(cli.length + SPARE_LINES);
      const first = cli.find((r) => String(r[1]).startsWith('Activiteit 1 '));
      expect(first?.[6]).toBe(-3);
    } finally {
      ev.destroy();
    }
  });

  it('follows the user: onderdeel and taakveld changed, a row moved to 6.3 (overig), lasten cleared, a row added', () => {
    const begroting = zwolleBegroting();
    const plan: WorkbookPlan = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: 'GM0193' as CbsCode,
      begroting,
    });
    const ev = evaluatePlan(plan);
    try {
      const sheet = ev.hf.getSheetId(SHEETS.begroting) ?? -1;
      const kol = begrotingKolommen(years);
      const at = (row: number, name: string) => ({ sheet, row: 6 + row, col: kol.indexOf(name) });
      ev.hf.batch(() => {
        // Row 1 (Lokaal sportakkoord, onderdeel 1): onderdeel 11 and taakveld 6.1. (An emptied Taakveld
        // gets the default in the block, but the Begrotingstoets's dekking reads the column as typed,
        // so there the lasten are "overig": the toets, not this block, would have to follow the default.)
        ev.hf.setCellContents(at(0, 'Taakveld'), [["'6.1"]]);
        ev.hf.setCellContents(at(0, 'Onderdeel'), [[11]]);
        // Row 4 (Regionale coördinatie): to taakveld 6.3, which sorts between 6.1 and 7.1.
        ev.hf.setCellContents(at(3, 'Taakveld'), [["'6.3"]]);
        // Row 3 (Preventieakkoord): no lasten left, no lines.
        for (const y of years) ev.hf.setCellContents(at(2, String(y)), [[null]]);
        // A new row 6: SPUK IZA, taakveld 0.10 (first), 12.500 in 2026 (rounds to 13).
        const nieuw = ['SPUK IZA', null, 'Nieuw project', "'0.10", 'GGD', 'incidenteel'];
        nieuw.forEach((v, c) => ev.hf.setCellContents({ sheet, row: 6 + 5, col: c }, [[v]]));
        ev.hf.setCellContents(at(5, '2026'), [[12_500]]);
      });

      const regels: BegrotingRegel[] = begroting.regels.map((r, i) => {
        if (i === 0) return { ...r, onderdeel: 11, taakveld: defaultTaakveld(r.regeling, 11) };
        if (i === 3) return { ...r, taakveld: '6.3' };
        if (i === 2) return { ...r, lasten: r.lasten.map(() => euro(0)) };
        return r;
      });
      regels.push({
        rij: 12,
        regeling: 'SPUK IZA',
        onderdeel: undefined,
        activiteit: 'Nieuw project',
        taakveld: '0.10',
        uitvoerder: 'GGD',
        aard: 'incidenteel',
        lasten: years.map((y) => euro(y === 2026 ? 12_500 : 0)),
        andereDekking: '',
        opmerking: '',
      });
      const b = block(ev);
      const cli = cliRows(begroting, regels, years);
      expect(b.lines).toEqual(cli);
      // 0.10 and 6.3 are outside TAAKVELDEN: the group "overig" after the named taakvelden, each line
      // with its own code, in the table's order.
      const nieuw = cli.find((r) => String(r[1]).startsWith('Nieuw project'));
      expect(nieuw?.[0]).toBe('0.10');
      expect(nieuw?.slice(4)).toEqual([0, 0, 0, -13, 0, 0, 0, 0]);
      expect(cli.map((r) => r[1]).filter((x) => String(x).startsWith('Totaal'))).toEqual([
        'Totaal taakveld 5.1',
        'Totaal taakveld 6.1',
        'Totaal taakveld overig',
      ]);
      expect(b.overflow).toBe(0);
    } finally {
      ev.destroy();
    }
  });

  it('counts the lines that do not fit: 20 new activities each in its own taakveld', () => {
    const begroting = zwolleBegroting();
    const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: 'GM0193' as CbsCode, begroting });
    const ev = evaluatePlan(plan);
    try {
      const sheet = ev.hf.getSheetId(SHEETS.begroting) ?? -1;
      const kol = begrotingKolommen(years);
      ev.hf.batch(() => {
        for (let i = 0; i < 20; i++) {
          const row = 6 + 5 + i;
          const v = ['SPUK IZA', null, `Extra ${i}`, `'8.${i + 1}`, 'GGD', 'incidenteel'];
          v.forEach((x, c) => ev.hf.setCellContents({ sheet, row, col: c }, [[x]]));
          ev.hf.setCellContents({ sheet, row, col: kol.indexOf('2026') }, [[1_000]]);
        }
      });
      ev.hf.rebuildAndRecalculate();
      const b = block(ev);
      // 16 + 20 × 2 + 2 (the 8.x taakvelden are one group "overig") = 58 lines, 28 shown (16 + 12 spare).
      expect(b.overflow).toBe(58 - mutatieRegels(16));
      expect(b.lines.length).toBe(28);
      expect(mutatieRegels(0)).toBe(MIN_LINES);
      // The helper columns read the table's first 28 rows (the 5 written + 12 spare, at least the 28
      // lines): a filled row below them (table row 40) is counted too, an empty one is not.
      expect(helperRijen(28, 5)).toBe(28);
      ev.hf.batch(() => {
        const v = ['SPUK IZA', null, 'Verder weg', "'7.1", 'GGD', 'incidenteel'];
        v.forEach((x, c) => ev.hf.setCellContents({ sheet, row: 6 + 39, col: c }, [[x]]));
        ev.hf.setCellContents({ sheet, row: 6 + 39, col: kol.indexOf('2026') }, [[1_000]]);
      });
      expect(block(ev).overflow).toBe(58 - mutatieRegels(16) + 1);
      ev.hf.setCellContents({ sheet, row: 6 + 39, col: kol.indexOf('Activiteit') }, [[null]]);
      ev.hf.setCellContents({ sheet, row: 6 + 39, col: kol.indexOf('Regeling') }, [[null]]);
      expect(block(ev).overflow).toBe(58 - mutatieRegels(16));
    } finally {
      ev.destroy();
    }
  });
});
