import { DIFF_SIGNAL_PCT, editionDiff } from '../domain';
import type { PlanContext } from './context';
import { SHEETS } from './layout';
import { SheetBuilder } from './sheet-builder';

/**
 * "Wat is er veranderd": the chosen edition against the one it builds on, per regeling, onderdeel
 * and year, in € and %, flagged above DIFF_SIGNAL_PCT, for the gemeente chosen when the workbook was
 * built and nationally. Values from the domain (`editionDiff`): both editions are published data, so
 * nothing here changes when the user edits an input.
 */
export function buildVerschil(ctx: PlanContext): SheetBuilder | undefined {
  const vorige = ctx.vorige;
  if (!vorige) return undefined;
  const s = new SheetBuilder(SHEETS.verschil, 'presentatie');
  const from = vorige.editie;
  const to = ctx.ledger.editie;
  const code = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.code;
  const naam = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.naam;
  s.value('A1', 'Wat is er veranderd', 'title');
  s.value(
    'A2',
    `Van editie ${from} naar ${to}, per regeling, onderdeel en jaar (€ en %). Alleen wat veranderde, met per regeling het totaal per jaar. Signaal: meer dan ${DIFF_SIGNAL_PCT}% verschil, of geld dat verschijnt of verdwijnt. Gemaakt bij het laden${naam ? ` voor ${naam} (${code})` : ''}; verandert niet mee met de keuze op Overzicht.`,
    'subtitle',
  );
  let row = 4;
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
  const section = (title: string, rows: ReturnType<typeof editionDiff>) => {
    s.value(`A${row}`, title, 'rowHeader');
    row++;
    s.values(`A${row}`, [header], 'header');
    const body = rows
      // What changed, and each regeling's total per year (also when it did not change).
      .filter((r) => r.verschil !== 0 || (r.nr === undefined && (r.van !== 0 || r.naar !== 0)))
      .map((r) => [
        r.regelingNaam,
        r.nr ?? 'totaal',
        r.onderdeel,
        r.jaar,
        r.van,
        r.naar,
        r.verschil,
        r.procent === undefined ? '' : r.procent / 100,
        r.signaal ? 'ja' : '',
      ]);
    if (body.length === 0) {
      s.value(`A${row + 1}`, 'Geen verschil.');
      row += 4;
      return;
    }
    s.values(`A${row + 1}`, body);
    s.format(`E${row + 1}:G${row + body.length}`, 'euro');
    s.format(`H${row + 1}:H${row + body.length}`, 'percent');
    s.format(`I${row + 1}:I${row + body.length}`, 'warning');
    row += body.length + 3;
  };
  if (code !== undefined)
    section(`${naam} (${code}): wat de gemeente ontvangt`, editionDiff(vorige, ctx.ledger, code));
  section('Landelijk', editionDiff(vorige, ctx.ledger));
  s.freezeAt(5, 0);
  s.printLayout({ titleRows: '5:5' });
  s.width('A', 16).width('B', 12).width('C', 50).width('D', 8);
  for (const c of ['E', 'F', 'G']) s.width(c, 16);
  s.width('H', 12).width('I', 10);
  return s;
}
