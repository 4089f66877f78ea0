import { EDITION_YEARS } from '../domain';
import { checkStatusText, editionWarningText, formatDate, readerText, ruleText } from '../messages';
import type { CellValue, StyleName } from './types';
import type { PlanContext } from './context';
import { SHEETS } from './layout';
import { SheetBuilder } from './sheet-builder';

/**
 * Bronnen: the edition (and the ones it builds on), every dataset with provenance, the rule behind
 * the amounts of each regeling and year, the reconciliation and the warnings, the verdeelbasis, the
 * mutaties, the SPUK AZWA raming and the open posten.
 */
export function buildBronnen(ctx: PlanContext): SheetBuilder {
  const s = new SheetBuilder(SHEETS.bronnen, 'bronnen');
  const edition = ctx.input.edition;
  const m = edition.manifest;
  s.value('A1', 'Bronnen, controles en kanttekeningen', 'title');
  s.value(
    'A2',
    readerText(
      `Editie ${m.id} (${formatDate(m.datum)}): ${m.naam}. ${m.omschrijving} Alle cijfers zijn openbaar; de bronbeschrijving van het project noemt per bestand de vindplaats.`,
    ),
    'subtitle',
  );
  s.value('A4', 'Lezing BBV op Overzicht', 'rowHeader');
  s.value(
    'B4',
    'Commissie BBV, notitie incidentele baten en lasten: geld onder een regeling met een einddatum ("eindigheid vastgelegd in een toekenningsbesluit") is incidenteel voor de eigen begroting; ook de SPUK AZWA (tot en met 2029).',
  );
  let row = 6;
  /**
   * A titled table; `formats` gives a column (0-based) a number format (amounts as euros, counts as
   * whole numbers), or per row (a function) where a column mixes euros and counts.
   */
  const table = (
    name: string,
    title: string,
    header: string[],
    rows: CellValue[][],
    formats: Readonly<Record<number, StyleName | ((r: number) => StyleName)>> = {},
  ) => {
    s.value(`A${row}`, title, 'rowHeader');
    row++;
    s.values(`A${row}`, [header], 'header');
    const body = rows.length > 0 ? rows : [header.map(() => '')];
    s.values(`A${row + 1}`, body, 'wrap');
    const lastCol = String.fromCharCode(64 + header.length);
    for (const [c, f] of Object.entries(formats)) {
      const col = String.fromCharCode(65 + Number(c));
      if (typeof f === 'string') s.format(`${col}${row + 1}:${col}${row + body.length}`, f);
      else body.forEach((_, r) => s.format(`${col}${row + 1 + r}`, f(r)));
    }
    s.table({ name, range: `A${row}:${lastCol}${row + body.length}`, style: 'TableStyleLight1' });
    row += body.length + 3;
  };
  const named = (id: string | null | undefined) =>
    id ? (edition.chain.find((e) => e.id === id)?.naam ?? id) : '';
  table(
    'Bronnen_Edities',
    'De editie en de edities waarop zij voortbouwt (een latere editie neemt over wat zij niet opnieuw publiceert)',
    ['Editie (code)', 'Datum', 'Naam', 'Bouwt voort op', 'Omschrijving'],
    [...edition.chain]
      .reverse()
      .map((e) => [e.id, formatDate(e.datum), e.naam, named(e.vorige), readerText(e.omschrijving)]),
  );
  table(
    'Bronnen_Regels',
    'Hoe de bedragen zijn gemaakt, per regeling en jaar',
    ['Regeling', 'Jaar', 'Hoe het bedrag is gemaakt', 'Uit editie'],
    edition.regelingen.flatMap((r) =>
      EDITION_YEARS.flatMap((y) => {
        const rule = edition.rule(r.id, y);
        return rule ? [[r.naam, y, ruleText(rule.spec.regel), rule.editie]] : [];
      }),
    ),
  );
  table(
    'Bronnen_Datasets',
    'Datasets',
    ['Gegevens', 'Bron', 'Kenmerk', 'Datum', 'Kanttekeningen'],
    [
      ...ctx.data.edition.datasets.filter((d) => !edition.datasets.some((e) => e.id === d.id)),
      ...edition.datasets,
    ].map((d) => [
      d.titel,
      readerText(d.bron),
      d.kenmerk,
      readerText(d.datum),
      readerText(d.kanttekeningen.join(' ')),
    ]),
  );
  table(
    'Bronnen_Waarschuwingen',
    'Waarschuwingen bij de bronnen (gemeld, niet stilzwijgend gecorrigeerd)',
    ['Nr', 'Waarschuwing'],
    ctx.report.warnings.map((w, i) => [i + 1, editionWarningText(w)]),
  );
  const checks = ctx.report.checks.filter((c) => !c.id.startsWith('verdeling:'));
  const countOrEuro = (r: number): StyleName => (checks[r]?.periode === undefined ? 'integer' : 'euro');
  table(
    'Bronnen_Controles',
    'Aansluiting met de gepubliceerde bedragen (zoals spuk-begroting controle)',
    ['Onderwerp', 'Periode', 'Verwacht', 'Berekend', 'Afwijkingen', 'Status'],
    checks.map((c) => [
      c.onderwerp,
      c.periode === undefined ? '' : String(c.periode),
      c.verwacht ?? '',
      c.berekend,
      c.afwijkingen,
      checkStatusText(c),
    ]),
    // A check without a period counts (gemeenten, regions); the others compare euros.
    { 2: countOrEuro, 3: countOrEuro, 4: 'integer' },
  );
  table(
    'Bronnen_Verdeelbasis',
    'Verdeelbasis en bijzonderheden per onderdeel (GALA)',
    ['Nr', 'Onderdeel', 'Verdeelbasis volgens bronnen', 'Bijzonderheden'],
    ctx.data.onderdelen.map((l) => [l.nr, l.naam, l.verdeelbasis, l.bijzonderheden]),
  );
  table(
    'Bronnen_Mutaties',
    'Mutaties 2025/2026 (VWS-brief 12-09-2025, Bijlage 1; €)',
    ['Jaar', 'Regeling', 'Onderwerp', 'Bedrag (€)', 'Herkomst', 'Structureel of incidenteel volgens bron'],
    ctx.data.mutaties.map((x) => [x.jaar, x.spuk, x.onderwerp, x.bedrag, x.herkomst, x.aard]),
    { 3: 'euro' },
  );
  table(
    'Bronnen_AZWA',
    'Raming SPUK AZWA 2027–2029 (brief 22-04-2026; €)',
    ['Financieringsmiddel', 'Wat', '2027 (€)', '2028 (€)', '2029 (€)'],
    ctx.data.azwaRaming.map((a) => [
      a.financieringsmiddel,
      a.wat,
      a.bedragen[2027],
      a.bedragen[2028],
      a.bedragen[2029],
    ]),
    { 2: 'euro', 3: 'euro', 4: 'euro' },
  );
  table(
    'Bronnen_OpenPosten',
    'Open posten (geld dat een regeling verlaat zonder bekend bedrag per gemeente)',
    ['Onderwerp', 'Onderdelen', 'Jaren', 'Toelichting', 'Bron'],
    edition.openPosten.map((p) => [
      p.onderwerp,
      p.nrs.join(', '),
      `${p.vanJaar}–${p.totEnMetJaar}`,
      readerText(p.toelichting),
      readerText(p.bron),
    ]),
  );
  s.width('A', 22).width('B', 48).width('C', 60).width('D', 22).width('E', 60).width('F', 40).width('G', 70);
  return s;
}
