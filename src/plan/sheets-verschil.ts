import type { EditionDiffRow } from '../domain';
import { DIFF_SIGNAL_PCT, EIGEN_GELD_NETTO } from '../domain';
import type { PlanContext } from './context';
import { SHEETS } from './layout';
import { SheetBuilder } from './sheet-builder';
import { verschilCellen } from './verschil-rij';

/**
 * The rows a landscape page holds with the text at about 7,4 pt (fit to the page width and this many
 * rows a page): Zwolle's 135 rows (vws-2025-09 → vws-2026-04) printed on 2 pages at 7,4 pt in
 * LibreOffice, above the 7 pt floor of #18. A longer comparison gets more pages, never smaller text.
 */
const ROWS_PER_PAGE = 68;

/**
 * "Wat is er veranderd": the chosen edition against the one it is compared with (`ctx.vorige`: the
 * edition it builds on, or any earlier one, `werkboek --van`), per post (begroting post: SPUK AZWA
 * lokaal apart from regionaal), onderdeel and year, in € and %, flagged above DIFF_SIGNAL_PCT, with
 * per year the own money's net row (EIGEN_GELD_NETTO), for the gemeente chosen when the workbook was
 * built and nationally. Values from the domain (the scenario's `diff`, `editionDiff`): both editions
 * are published data, so nothing here changes when the user edits an input.
 */
export function buildVerschil(ctx: PlanContext): SheetBuilder | undefined {
  const vorige = ctx.vorige;
  const diff = ctx.scenario.diff;
  if (!vorige || !diff) return undefined;
  const s = new SheetBuilder(SHEETS.verschil, 'presentatie');
  const from = vorige.editie;
  const to = ctx.ledger.editie;
  const code = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.code;
  const naam = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.naam;
  s.value('A1', 'Wat is er veranderd', 'title');
  // The explanation in short lines (a long line would widen the printed page: LibreOffice prints
  // text that runs past the last column), then the sections from row 7.
  const uitleg = [
    `Van editie ${from} naar ${to}, per regeling, onderdeel en jaar (€ en %): alleen wat veranderde, met per regeling het totaal per jaar.`,
    'SPUK AZWA lokaal (eigen geld) en SPUK AZWA regionaal (wat de mandaatgemeente ontvangt en doorgeeft) staan apart.',
    `${EIGEN_GELD_NETTO}: per jaar het eigen geld (Brede SPUK, SPUK AZWA lokaal) in beide edities en het verschil; landelijk de som over alle gemeenten.`,
    `Signaal: meer dan ${DIFF_SIGNAL_PCT}% verschil, geld dat verschijnt of verdwijnt, of een open post: geld dat de regeling verlaat zonder bekend bedrag (geen nul, niet in de totalen).`,
    `Gemaakt bij het laden${naam ? ` voor ${naam} (${code})` : ''}; verandert niet mee met de keuze op Overzicht.`,
  ];
  uitleg.forEach((text, i) => s.value(`A${2 + i}`, text, 'subtitle'));
  const first = 2 + uitleg.length + 1;
  let row = first;
  let lastRow = row;
  const header = [
    'Regeling',
    'Onderdeel nr',
    'Onderdeel',
    'Jaar',
    `${from} (€)`,
    `${to} (€)`,
    'Verschil (€)',
    'Verschil (%)',
    'Signaal',
  ];
  const section = (title: string, rows: readonly EditionDiffRow[]) => {
    s.value(`A${row}`, title, 'rowHeader');
    row++;
    s.values(`A${row}`, [header], 'header');
    const body = rows
      // What changed, each post's total and the own money's net row per year (also when it did not
      // change); a line whose amount became (or stopped being) an open post when a known amount was
      // on the other side (the domain's signal): 0 → open post is no change of known money.
      .filter((r) =>
        r.verschil === undefined
          ? r.signaal
          : r.verschil !== 0 || (r.soort !== 'onderdeel' && (r.van !== 0 || r.naar !== 0)),
      )
      .map((r) => [
        ...verschilCellen(r),
        r.procent === undefined ? '' : r.procent / 100,
        r.signaal ? 'ja' : '',
      ]);
    if (body.length === 0) {
      s.value(`A${row + 1}`, 'Geen verschil.');
      lastRow = row + 1;
      row += 4;
      return;
    }
    s.values(`A${row + 1}`, body);
    // The onderdeel nr centred: right-aligned it read as one word with the name beside it ("1Sportakkoord").
    s.format(`B${row + 1}:B${row + body.length}`, 'center');
    s.format(`E${row + 1}:G${row + body.length}`, 'euro');
    s.format(`H${row + 1}:H${row + body.length}`, 'percent');
    s.format(`I${row + 1}:I${row + body.length}`, 'warning').format(
      `I${row + 1}:I${row + body.length}`,
      'center',
    );
    lastRow = row + body.length;
    row += body.length + 3;
  };
  // The gemeente's rows are there exactly when a gemeente is chosen (resolveScenario).
  if (code !== undefined && diff.gemeente !== undefined)
    section(`${naam} (${code}): wat de gemeente ontvangt`, diff.gemeente);
  section('Landelijk', diff.landelijk);
  // The first section's header row stays in view and is repeated on every printed page.
  s.freezeAt(first + 1, 0);
  // As many pages as the rows need at about 7,4 pt (#18: at the page width's 9,6 pt Zwolle's 135 rows
  // took 3 pages, the last a third full; fitted to 2 they print at 7,4 pt, measured in LibreOffice).
  s.printLayout({
    area: `A1:I${lastRow}`,
    titleRows: `${first + 1}:${first + 1}`,
    fitToHeight: Math.ceil(lastRow / ROWS_PER_PAGE),
  });
  // A fits "Subsidie Gezonde School", C the longest Brede SPUK onderdeel (#18: both were cut); a longer
  // name (the SPUK AZWA landelijk posts) wraps in C with its row height.
  s.width('A', 26).width('B', 12).width('C', 58).width('D', 6);
  for (const c of ['E', 'F', 'G']) s.width(c, 15);
  s.width('H', 12).width('I', 10);
  s.wrapLongTexts('C', 58);
  return s;
}
