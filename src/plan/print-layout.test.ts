/**
 * The print remnants of #18 fixed in the plan (what LibreOffice printed, see test/libreoffice): the
 * Begrotingstoets's rounding steps hidden, its signal counts without red zeros and its Nr column without
 * a repeated number; the Begroting's year headings right-aligned and its page header naming the
 * gemeente; the Samenvatting's sources right-aligned under their amounts; the Overzicht's signalen
 * cell left-aligned and its floor notice without a visible zero; Excel-NL's negative amounts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { editionInput, parseBegrotingCsv, parseRealisatieCsv } from '../data';
import type { CbsCode } from '../domain';
import { buildWorkbookPlan, parseCell, parseRange, STYLES } from '.';
import type { CellValue, SheetPlan, StyleName } from '.';
import { EURO_FORMAT } from './styles';

/** The value written at `a1` on `sheet` (a value block), or undefined. */
function valueAt(sheet: SheetPlan, a1: string): CellValue | undefined {
  const { row, col } = parseCell(a1);
  for (const b of sheet.blocks) {
    if (b.kind !== 'values') continue;
    const tl = parseCell(b.at);
    const v = b.values[row - tl.row]?.[col - tl.col];
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The styles formatted over the cell `a1`, in order. */
function stylesAt(sheet: SheetPlan, a1: string): StyleName[] {
  const { row, col } = parseCell(a1);
  return sheet.formats
    .filter((f) => {
      const r = parseRange(f.range);
      return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
    })
    .map((f) => f.style);
}

/** Rows (1-based) whose column `col` holds a text matching `re`. */
function rowsWith(sheet: SheetPlan, col: string, re: RegExp): number[] {
  const rows: number[] = [];
  for (let r = 1; r <= parseRange(sheet.usedRange).bottom; r++) {
    const v = valueAt(sheet, `${col}${r}`);
    if (typeof v === 'string' && re.test(v)) rows.push(r);
  }
  return rows;
}

const sheetOf = (plan: ReturnType<typeof buildWorkbookPlan>, name: string): SheetPlan => {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

describe('print layout of #18 in the plan', () => {
  const plan = buildWorkbookPlan(editionInput('vws-2026-04'), {
    key: 'spuk-2025',
    gemeente: 'GM0193' as CbsCode,
  });
  const toets = sheetOf(plan, 'Begrotingstoets');
  const hidden = new Set((toets.rowHeights ?? []).filter((h) => h.height === 0).map((h) => h.row));

  it('hides the rounding steps of the Begrotingstoets, not the amounts they round', () => {
    const steps = [
      ...rowsWith(toets, 'B', /^rest \(N·w mod W\)$|^correctie \(0\/1\)$|^d: |^t: |^g: /),
      ...rowsWith(toets, 'B', /^(Rest|Correctie) |^Euro’s over na afronden|^Drempel \(t\)|^Boven de drempel/),
    ];
    // Brede SPUK spread: 15 rests, 3 steps, 15 corrections; dekking: 4 regelingen × (5 + 3 + 5).
    expect(steps).toHaveLength(33 + 4 * 13);
    // The weights and their sums too (they printed over pages, #18): Brede SPUK 15 + 1, dekking 4 × (5 + 1).
    const weights = [
      ...rowsWith(toets, 'B', /^gewicht \(editie|^Som van de gewichten/),
      ...rowsWith(toets, 'B', /^Gewicht \(niet negatief\)/),
    ];
    expect(weights).toHaveLength(16 + 4 * 6);
    expect(weights.filter((r) => !hidden.has(r))).toEqual([]);
    // Where they are, said on the sheet (traceable in the werkmap).
    expect(
      rowsWith(
        toets,
        'B',
        /^Gewichten en afrondingsstappen staan in verborgen rijen direct boven dit blok; maak ze zichtbaar/,
      ),
    ).toHaveLength(1);
    expect(steps.filter((r) => !hidden.has(r))).toEqual([]);
    const amounts = [
      ...rowsWith(toets, 'B', /^aandeel in het totaal$/),
      ...rowsWith(toets, 'B', /^Baat /),
      ...rowsWith(toets, 'B', /^Gedekt: /),
    ];
    expect(amounts.length).toBeGreaterThan(15);
    expect(amounts.filter((r) => hidden.has(r))).toEqual([]);
  });

  it('shows the signal counts without zeros, and the onderdeel number once', () => {
    const countStyles = new Set(
      toets.formats.filter((f) => /^[A-Z]+\d+:[A-Z]+\d+$/.test(f.range)).map((f) => f.style),
    );
    expect(countStyles.has('signalCount')).toBe(true);
    expect(STYLES.signalCount.numberFormat).toBe('0;-0;;@');
    // The carry-over inputs: "1" in A, "Sportakkoord" in B (was "1. Sportakkoord").
    const sportakkoord = rowsWith(toets, 'B', /Sportakkoord$/);
    expect(sportakkoord.length).toBeGreaterThan(0);
    for (const r of sportakkoord) expect(valueAt(toets, `B${r}`)).not.toMatch(/^\d+\. /);
    // The label of the count in B (A printed "Signal") and the status in a year column (D cut "LET OP").
    expect(valueAt(toets, 'B3')).toBe('Signalen: aantal actieve signalen');
    expect(valueAt(toets, 'A3')).toBeUndefined();
  });

  it('prints the Begroting with the gemeente and right-aligned year headings', () => {
    const begroting = sheetOf(plan, 'Begroting');
    expect(begroting.print.header.center).toBe('Zwolle (GM0193)');
    expect(valueAt(begroting, 'G6')).toBe('2023');
    expect(stylesAt(begroting, 'G6')).toContain('right');
    expect(stylesAt(begroting, 'N6')).toContain('right');
  });

  it('puts the Samenvatting sources under their amounts and the Overzicht signalen cell whole', () => {
    const sam = sheetOf(plan, 'Samenvatting');
    const bron = rowsWith(sam, 'A', /^ {2}bron /);
    expect(bron).toHaveLength(4);
    for (const r of bron) expect(stylesAt(sam, `E${r}`)).toContain('right');
    const overzicht = sheetOf(plan, 'Overzicht');
    expect(stylesAt(overzicht, 'C7')).toEqual(['rowHeader']);
  });

  it('hides the Overzicht helper grid of the weakest source, not the source row it answers', () => {
    const overzicht = sheetOf(plan, 'Overzicht');
    const hiddenRows = new Set((overzicht.rowHeights ?? []).filter((h) => h.height === 0).map((h) => h.row));
    const [head] = rowsWith(overzicht, 'A', /^Bronnen van het eigen geld \(1 = komt voor/);
    expect(head).toBeDefined();
    const grid = rowsWith(overzicht, 'C', /^(raming|geschat|afgeleid|gepubliceerd|beschikking)$/);
    expect(grid).toEqual([1, 2, 3, 4, 5].map((i) => (head ?? 0) + i));
    // The blank row above it, its label and the five source rows: hidden (still live formulas).
    for (let r = (head ?? 0) - 1; r <= (head ?? 0) + 5; r++)
      expect([r, hiddenRows.has(r)]).toEqual([r, true]);
    expect(hiddenRows.has((head ?? 0) + 6)).toBe(false);
    // The answer it feeds (the "bron" row under the amounts at the top) stays visible.
    const bronTop = rowsWith(overzicht, 'B', /^Bron van de bedragen \(de zwakste in het jaar\)$/);
    expect(bronTop).toHaveLength(1);
    expect(bronTop.filter((r) => hiddenRows.has(r))).toEqual([]);
  });

  it('flows the Landelijk notes over the printed columns, a line per row, not wrapped in B', () => {
    const landelijk = sheetOf(plan, 'Landelijk');
    const cofi = rowsWith(landelijk, 'B', /eigen bijdrage van de gemeente|Lbr\. 25\/036/);
    expect(cofi.length).toBeGreaterThanOrEqual(2);
    const tall = new Set((landelijk.rowHeights ?? []).filter((h) => h.height > 15).map((h) => h.row));
    expect(cofi.filter((r) => tall.has(r))).toEqual([]);
  });

  it('writes negative amounts as Excel-NL does ("€ -90.747") and hides a notice without an amount', () => {
    expect(EURO_FORMAT.split(';')[1]).toBe('[$€-413] -#,##0');
    expect(STYLES.warningEuroBlank.numberFormat?.split(';')[2]).toBe('');
    expect(STYLES.wrap.verticalAlignment).toBe('bottom');
  });
});

describe('the Overzicht checks, legend and chart on a last page of their own (#18)', () => {
  it.each([[undefined], ['GM0034']] as const)(
    'gemeente %s: a page starts at the checks and holds the legend and the chart',
    (gemeente) => {
      const plan = buildWorkbookPlan(editionInput('vws-2026-04'), {
        key: 'spuk-2025',
        gemeente: gemeente as CbsCode | undefined,
      });
      const overzicht = sheetOf(plan, 'Overzicht');
      const chart = overzicht.charts[0];
      const top = parseCell(chart?.from ?? 'A1').row;
      const bottom = parseCell(chart?.to ?? 'A1').row;
      // The legend alone printed on a near-empty page before the chart's: one break, above the checks.
      expect(overzicht.pageBreaks).toHaveLength(1);
      const start = overzicht.pageBreaks?.[0] ?? 0;
      const text = (row: number): unknown => {
        for (const b of overzicht.blocks)
          if (b.kind === 'values' && parseCell(b.at).row <= row) {
            const v = b.values[row - parseCell(b.at).row]?.[0];
            if (parseCell(b.at).col === 1 && v !== undefined) return v;
          }
        return undefined;
      };
      expect(String(text(start))).toMatch(/^Aansluiting tussen de bladen/);
      const legend = overzicht.blocks.find((b) => b.kind === 'values' && b.values[0]?.[0] === 'Legenda');
      const legendRow = parseCell(legend?.kind === 'values' ? legend.at : 'A1').row;
      expect(legendRow).toBeGreaterThan(start);
      expect(top).toBeGreaterThan(legendRow);
      // The chart is 20 rows; the page from the checks to the chart's end (36 rows of default height,
      // 15 pt, and the repeated header row) fits one landscape page at the print scale.
      expect(bottom - top + 1).toBe(20);
      expect(bottom - start + 1).toBeLessThanOrEqual(40);
    },
  );
});

describe('the Overzicht as the controller reads it: BBV answer and amounts first, sources and the Rijk reading after (#18)', () => {
  const first = (sheet: SheetPlan, col: string, re: RegExp): number => {
    const rows = rowsWith(sheet, col, re);
    expect([re.source, rows.length]).toEqual([re.source, 1]);
    return rows[0] ?? 0;
  };
  it.each([
    ['GM0193', 'Zwolle, mandaatgemeente'],
    ['GM0148', 'Dalfsen, member'],
    [undefined, 'national'],
  ] as const)('%s (%s)', (gemeente, _label) => {
    const plan = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: gemeente as CbsCode | undefined,
    });
    const overzicht = sheetOf(plan, 'Overzicht');
    const order = [
      first(overzicht, 'A', /^Lezing BBV: wat de gemeente in de eigen begroting/),
      first(overzicht, 'B', /^Eigen geld \(baten van de gemeente/),
      first(overzicht, 'B', /^Risico: structureel bij het Rijk/),
      first(overzicht, 'B', /^Bron van de bedragen \(de zwakste in het jaar\)$/),
      first(overzicht, 'A', /^Wat de gemeente ontvangt, per onderdeel en jaar/),
      first(overzicht, 'B', /^Eigen geld: baten van de gemeente$/),
      first(overzicht, 'A', /^Per regeling \(€/),
      first(overzicht, 'A', /^Bron per onderdeel en jaar/),
      first(overzicht, 'A', /^Lezing Rijk: ter informatie, niet voor de eigen begroting/),
      first(overzicht, 'B', /^Totaal structureel \(Rijk\)$/),
      first(overzicht, 'A', /^Lezing Rijk per onderdeel/),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // No Rijk reading between the BBV answer and the amounts (it sat there before session 12).
    expect(rowsWith(overzicht, 'A', /Rijk/).filter((r) => r < (order[4] ?? 0))).toEqual([]);
    // The SPUK AZWA notice's label is one line in B (it wrapped onto three and page 1 lacked the room).
    const azwa = first(overzicht, 'B', /^SPUK AZWA 2027–2029: bron$/);
    expect((overzicht.rowHeights ?? []).filter((h) => h.row === azwa)).toEqual([]);
    // A member's page 1 ends with its rows from the mandaatgemeente: a break above the block per
    // regeling; the other break above the checks (the last page), for every gemeente.
    const perRegeling = order[6] ?? 0;
    const member = gemeente === 'GM0148';
    expect(overzicht.pageBreaks?.includes(perRegeling)).toBe(member);
    expect(overzicht.pageBreaks).toHaveLength(member ? 2 : 1);
  });
});

describe('print texts of #18 for the raad (session 11)', () => {
  const plan = buildWorkbookPlan(editionInput('vws-2026-04'), {
    key: 'spuk-2025',
    gemeente: 'GM0193' as CbsCode,
  });
  const samenvatting = sheetOf(plan, 'Samenvatting');

  it('counts the Samenvatting’s signals and the mutaties it does not show as "geen" at zero, without "(0 = …)"', () => {
    const sig = rowsWith(samenvatting, 'A', /^Signalen van de Begrotingstoets$/);
    const over = rowsWith(samenvatting, 'A', /^Regels die niet in dit blok staan$/);
    expect([sig.length, over.length]).toEqual([1, 1]);
    for (const r of [...sig, ...over]) expect(stylesAt(samenvatting, `E${r}`)).toContain('warningCount');
    expect(STYLES.warningCount.numberFormat).toBe('0;-0;[Black]"geen";@');
    // No machinery in the printed columns: no "(0 = …)" and no row range of the Begroting.
    expect(rowsWith(samenvatting, 'A', /\(0 = |rijen \d+–\d+/)).toEqual([]);
    // The rows the block reads: labelled in its hidden helper columns.
    const hiddenCols = new Set(samenvatting.columns.filter((c) => c.hidden).map((c) => c.column));
    const label = samenvatting.blocks.find(
      (b) => b.kind === 'values' && b.values[0]?.[0] === 'Begroting: eerste rij die het blok leest',
    );
    expect(label?.kind === 'values' && hiddenCols.has(label.at.replace(/\d+$/, ''))).toBe(true);
  });

  it('keeps the Tabelversie in B4 of the Begroting and the Realisatie, not shown', () => {
    const input = editionInput('vws-2026-04');
    const read = (file: string) => fs.readFileSync(path.join(__dirname, '../../voorbeelden', file));
    const begroting = parseBegrotingCsv(read('begroting.csv'), { edition: input.edition });
    const realisatie = parseRealisatieCsv(read('realisatie.csv'), { edition: input.edition });
    if (!begroting.ok || !realisatie.ok) throw new Error('voorbeelden unreadable');
    const met = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: 'GM0193' as CbsCode,
      begroting: begroting.value,
      realisatie: realisatie.value,
    });
    for (const name of ['Begroting', 'Realisatie']) {
      const s = sheetOf(met, name);
      expect([name, valueAt(s, 'A4'), stylesAt(s, 'B4')]).toEqual([name, 'Tabelversie', ['lookupKey']]);
      expect(stylesAt(s, 'A4')).toEqual(['lookupKey']);
    }
    expect(STYLES.lookupKey.numberFormat).toBe(';;;');
  });

  it('stacks only the own money in the Overzicht’s chart, and says where the open posts are', () => {
    const overzicht = sheetOf(plan, 'Overzicht');
    expect(overzicht.charts[0]?.series.map((x) => x.name)).toEqual([
      'Structureel (BBV)',
      'Incidenteel (BBV)',
      'Niet te begroten',
    ]);
    const bottom = parseCell(overzicht.charts[0]?.to ?? 'A1').row;
    expect(String(valueAt(overzicht, `B${bottom + 1}`))).toMatch(
      /^De open posten .* staan niet in de grafiek/,
    );
  });

  it('centres the IZA status beside the last amount and keeps "Bijlage 2B" on one line', () => {
    const iza = sheetOf(plan, 'IZA');
    const status = iza.blocks.find((b) => b.kind === 'formula' && b.formula.includes('"bekend","afgeleid"'));
    const statusTop = status?.kind === 'formula' ? (status.range.split(':')[0] ?? 'A1') : 'A1';
    expect(stylesAt(iza, statusTop)).toContain('center');
    const header = rowsWith(iza, 'A', /^Regio$/).find((r) =>
      iza.blocks.some(
        (b) =>
          b.kind === 'values' &&
          parseCell(b.at).row === r &&
          b.values[0]?.includes('Gewicht (Bijlage\u00a02B)'),
      ),
    );
    expect(header).toBeDefined();
    expect(iza.rowHeights?.find((h) => h.row === header)?.height).toBeGreaterThan(15);
  });
});
