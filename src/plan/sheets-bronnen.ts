import { checkStatusText, warningText } from '../messages';
import type { CellValue } from './types';
import type { PlanContext } from './context';
import { SHEETS } from './layout';
import { SheetBuilder } from './sheet-builder';

/** Bronnen: every dataset with provenance, the reconciliation checks and warnings, the verdeelbasis, mutaties. */
export function buildBronnen(ctx: PlanContext): SheetBuilder {
  const s = new SheetBuilder(SHEETS.bronnen, 'bronnen');
  s.value('A1', 'Bronnen, controles en kanttekeningen', 'title');
  s.value(
    'A2',
    `Editie: ${ctx.data.edition.naam} (${ctx.data.edition.id}). Alle cijfers zijn openbaar; zie data/SOURCES.md in het project.`,
    'subtitle',
  );
  let row = 4;
  const table = (name: string, title: string, header: string[], rows: CellValue[][]) => {
    s.value(`A${row}`, title, 'rowHeader');
    row++;
    s.values(`A${row}`, [header], 'header');
    const body = rows.length > 0 ? rows : [header.map(() => '')];
    s.values(`A${row + 1}`, body, 'wrap');
    const lastCol = String.fromCharCode(64 + header.length);
    s.table({ name, range: `A${row}:${lastCol}${row + body.length}`, style: 'TableStyleLight1' });
    row += body.length + 3;
  };
  table(
    'Bronnen_Datasets',
    'Datasets',
    ['Dataset', 'Titel', 'Bron', 'Kenmerk', 'Datum', 'Bestand', 'Kanttekeningen'],
    ctx.data.edition.datasets.map((d) => [
      d.id,
      d.titel,
      d.bron,
      d.kenmerk,
      d.datum,
      d.bestand,
      d.kanttekeningen.join(' '),
    ]),
  );
  table(
    'Bronnen_Waarschuwingen',
    'Waarschuwingen bij de bronnen (gemeld, niet stilzwijgend gecorrigeerd)',
    ['Nr', 'Waarschuwing'],
    ctx.report.warnings.map((w, i) => [i + 1, warningText(w)]),
  );
  table(
    'Bronnen_Controles',
    'Aansluiting van de totalen (zoals spuk-begroting controle)',
    ['Controle', 'Onderwerp', 'Periode', 'Verwacht', 'Berekend', 'Status'],
    ctx.report.checks
      .filter((c) => !c.id.startsWith('verdeling:'))
      .map((c) => [
        c.id,
        c.subject,
        c.period === undefined ? '' : String(c.period),
        c.verwacht ?? '',
        c.berekend,
        checkStatusText(c),
      ]),
  );
  table(
    'Bronnen_Verdeelbasis',
    'Verdeelbasis en bijzonderheden per onderdeel',
    ['Nr', 'Onderdeel', 'Verdeelbasis volgens bronnen', 'Bijzonderheden'],
    ctx.lines.map((l) => [l.nr, l.naam, l.verdeelbasis, l.bijzonderheden]),
  );
  table(
    'Bronnen_Mutaties',
    'Mutaties 2025/2026 (VWS-brief 12-09-2025, Bijlage 1; €)',
    ['Jaar', 'Regeling', 'Onderwerp', 'Bedrag (€)', 'Herkomst', 'Structureel of incidenteel volgens bron'],
    ctx.data.mutaties.map((m) => [m.jaar, m.spuk, m.onderwerp, m.bedrag, m.herkomst, m.aard]),
  );
  table(
    'Bronnen_AZWA',
    'Vooruitblik SPUK AZWA 2027–2029 (plannen, geen regeling; €)',
    ['Financieringsmiddel', 'Wat', '2027 (€)', '2028 (€)', '2029 (€)'],
    ctx.data.azwaRaming.map((a) => [
      a.financieringsmiddel,
      a.wat,
      a.bedragen[2027],
      a.bedragen[2028],
      a.bedragen[2029],
    ]),
  );
  s.width('A', 22).width('B', 48).width('C', 60).width('D', 22).width('E', 16).width('F', 40).width('G', 70);
  return s;
}
