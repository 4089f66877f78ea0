/**
 * The Samenvatting prints as a raad member reads it (#18): page 1 the summary with its signals and
 * warnings, the mutaties from page 2 on. In Calibri's metrics the summary was a few rows longer than
 * its page (Zwolle with the samples: "Let op" and the signals on a nearly empty second page). Now its
 * rows are SUMMARY_ROW_PT high and its blank rows SUMMARY_GAP_PT, and its height (the rows above the
 * mutaties page break) must fit the page Excel prints (`summaryPageHeight`: the landscape page between
 * the margins at the scale that fits the columns to its width). Checked for the measured gemeenten and,
 * per role in the SPUK IZA region, for the gemeente whose warnings take the most lines (the longest
 * summary of that role). The LibreOffice measure (test/libreoffice/print-measure.test.ts) prints it.
 */
import { defaultReferenceData, editionInput } from '../../data';
import type { CbsCode, RegioRol } from '../../domain';
import {
  builtInKey,
  editionControle,
  gemeenteWaarschuwingen,
  Ledger,
  legeBegroting,
  regioRol,
  toetsBegroting,
} from '../../domain';
import { gemeenteWaarschuwingText } from '../../messages/begroting.nl';
import { zwolleVoorbeeldenPlan } from '../../../test/support/zwolle-voorbeelden';
import { buildWorkbookPlan, SHEETS } from '..';
import type { SheetPlan, WorkbookPlan } from '..';
import { linesHeight, wrapText } from '../text-fit';
import { SUMMARY_GAP_PT, SUMMARY_ROW_PT, summaryPageHeight, summaryPrintedWidth } from './samenvatting';

const input = editionInput('vws-2026-04');
const years = input.edition.years.length;

function samenvatting(plan: WorkbookPlan): SheetPlan {
  const s = plan.sheets.find((x) => x.name === SHEETS.samenvatting);
  if (s === undefined) throw new Error('no Samenvatting');
  return s;
}

/** The text in column A per row (values blocks only). */
function labels(s: SheetPlan): Map<number, string> {
  const out = new Map<number, string>();
  for (const b of s.blocks) {
    if (b.kind !== 'values' || !/^A\d+$/.test(b.at)) continue;
    const top = Number(b.at.slice(1));
    b.values.forEach((row, i) => {
      if (typeof row[0] === 'string') out.set(top + i, row[0]);
    });
  }
  return out;
}

/**
 * The summary's printed height (pt, unscaled): its rows above the mutaties page break, each its planned
 * height, else the title's one line at 15 pt or Excel's default 15 pt; hidden rows 0.
 */
function summaryHeight(s: SheetPlan): { height: number; rows: number } {
  const brk = s.pageBreaks?.[0];
  if (brk === undefined) throw new Error('no page break before the mutaties');
  const planned = new Map((s.rowHeights ?? []).map((h) => [h.row, h.height]));
  let height = 0;
  for (let r = 1; r < brk; r++) height += planned.get(r) ?? (r === 1 ? linesHeight(1, { size: 15 }) : 15);
  return { height, rows: brk - 1 };
}

/** `make` once: a plan takes about a second to build. */
function once(make: () => WorkbookPlan): () => WorkbookPlan {
  let plan: WorkbookPlan | undefined;
  return () => (plan ??= make());
}

const plans: [string, () => WorkbookPlan][] = [
  ['Zwolle with both samples', once(() => zwolleVoorbeeldenPlan({ vorige: editionInput('vws-2025-09') }))],
  ...(
    [
      ['Almere', 'GM0034'],
      ['Dalfsen', 'GM0148'],
      ['Schiermonnikoog', 'GM0088'],
    ] as const
  ).map(
    ([naam, code]) =>
      [naam, once(() => buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: code as CbsCode }))] as [
        string,
        () => WorkbookPlan,
      ],
  ),
];

/** Per role, the gemeente whose "Let op" takes the most lines (ties: the first). */
function longestPerRole(): [RegioRol, CbsCode, number][] {
  const ledger = new Ledger(input, builtInKey('spuk-2025', defaultReferenceData()));
  const report = editionControle(ledger);
  const width = summaryPrintedWidth(years);
  const best = new Map<RegioRol, [CbsCode, number]>();
  for (const code of ledger.gemeenten) {
    const t = toetsBegroting(ledger, code, legeBegroting(input.edition));
    const lines = gemeenteWaarschuwingen(ledger, report, code, t).reduce(
      (a, w) => a + wrapText(gemeenteWaarschuwingText(w), width, { bold: true }, 0.85).length,
      0,
    );
    const rol = regioRol(ledger, code);
    if (lines > (best.get(rol)?.[1] ?? -1)) best.set(rol, [code, lines]);
  }
  return [...best].map(([rol, [code, lines]]) => [rol, code, lines]);
}

describe('the Samenvatting: the summary on its page, the mutaties on the next (#18)', () => {
  const page = summaryPageHeight(years);

  it('the page holds about 771 pt of rows (A4 landscape between the margins, at 66 %: the columns fit the width)', () => {
    expect(Math.round(page)).toBe(771);
  });

  it.each(plans)(
    '%s: the summary fits its page, the signals and "Let op" above the figures',
    (_naam, make) => {
      const s = samenvatting(make());
      const { height } = summaryHeight(s);
      expect(height).toBeLessThanOrEqual(page);
      // The summary's rows at SUMMARY_ROW_PT (or their own height: the header, hidden rows), its gaps lower.
      const planned = (s.rowHeights ?? []).map((h) => h.height);
      expect(planned.filter((h) => h === SUMMARY_ROW_PT).length).toBeGreaterThan(30);
      expect(planned).toContain(SUMMARY_GAP_PT);
      // The signals and the warnings come before the year header row and the figures.
      const a = [...labels(s)];
      const row = (text: string) => a.find(([, l]) => l === text)?.[0] ?? -1;
      expect(row('Signalen van de Begrotingstoets')).toBeGreaterThan(0);
      expect(row('Signalen van de Begrotingstoets')).toBeLessThan(row('Omschrijving'));
      if (row('Let op') > 0) expect(row('Let op')).toBeLessThan(row('Omschrijving'));
      // The mutaties block starts the page after the summary (its title is the row of the page break).
      expect(labels(s).get(s.pageBreaks?.[0] ?? 0)).toMatch(/^Mutaties voor de eigen begroting/);
    },
  );

  it('Zwolle with both samples: the summary with three rows to spare (it spilled 4 rows at 15 pt)', () => {
    const { height } = summaryHeight(samenvatting(plans[0]![1]()));
    // At 15 pt a row and whole blank rows it was 835 pt, over the page.
    expect(height).toBeLessThanOrEqual(page - 3 * SUMMARY_ROW_PT);
  });

  it('per role in the region, the gemeente with the longest "Let op": its summary fits its page', () => {
    const worst = longestPerRole();
    // vws-2026-04: every gemeente is in a SPUK IZA region ('geen' has none).
    expect(worst.map(([rol]) => rol).sort()).toEqual(['lid', 'mandaatgemeente']);
    for (const [rol, code, lines] of worst) {
      const s = samenvatting(buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: code }));
      const { height } = summaryHeight(s);
      expect([rol, code, lines, height <= page]).toEqual([rol, code, lines, true]);
    }
  });

  it('the mutaties note names no CLI command (a raad member has none); the equivalence is tested instead', () => {
    const text = [...labels(samenvatting(plans[1]![1]())).values()].join('\n');
    expect(text).toContain('Selecteer de kop en de regels en plak ze (als waarden)');
    expect(text).not.toMatch(/--formaat|begroting --/);
  });
});
