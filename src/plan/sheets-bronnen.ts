import {
  checkStatusText,
  editionWarningText,
  formatDate,
  openPostJaren,
  readerText,
  ruleText,
} from '../messages';
import type { RuleParameter } from '../domain';
import type { CellValue, StyleName } from './types';
import type { NationalContext } from './context';
import { RowCursor } from './anchors';
import { SHEETS } from './layout';
import { ramingAmount, ramingYears } from './cells';
import { yearSpan } from './labels';
import { keyDescription } from './key-labels';
import { SheetBuilder } from './sheet-builder';
import { BODY_SIZE, wrapText } from './text-fit';

/**
 * Bronnen: the edition (and the ones it builds on), every dataset with provenance, the rule behind
 * the amounts of each regeling and year, the reconciliation and the warnings, the verdeelbasis, the
 * mutaties, the SPUK AZWA raming and the open posten.
 */
export function buildBronnen(ctx: NationalContext): SheetBuilder {
  const s = new SheetBuilder(SHEETS.bronnen, 'bronnen');
  const m = ctx.input.edition.manifest;
  s.value('A1', 'Bronnen, controles en kanttekeningen', 'title');
  s.value(
    'A2',
    readerText(
      `Editie ${m.id} (${formatDate(m.datum)}): ${m.naam}. Alle cijfers zijn openbaar; de bronbeschrijving van het project noemt per bestand de vindplaats.`,
    ),
    'subtitle',
  );
  s.value('A4', 'Lezing BBV op Overzicht', 'rowHeader');
  // The reading runs on from B over the printed columns, a line per row (#18: it was cut at the edge).
  const bbv = flowLines(
    'Commissie BBV, notitie incidentele baten en lasten: geld onder een regeling met een einddatum is incidenteel voor de eigen begroting; ook de SPUK AZWA (tot en met 2029). Na het eindjaar is alleen structureel wat een nieuwe regeling vastlegt: blad Landelijk, vlag per onderdeel met het jaar vanaf wanneer.',
    roomFrom(1),
  );
  s.values(
    'B4',
    bbv.map((l) => [l]),
  );
  // The key and its source with the other sources (Verdeelsleutel prints only its heading).
  const keyRow = 4 + bbv.length;
  s.value(`A${keyRow}`, 'Verdeelsleutel', 'rowHeader');
  const sleutel = flowLines(keyDescription(ctx.key.id), roomFrom(1));
  s.values(
    `B${keyRow}`,
    sleutel.map((l) => [l]),
  );
  const tables = new Tables(s, keyRow + sleutel.length + 1);
  editionTables(ctx, tables);
  checkTables(ctx, tables);
  dataTables(ctx, tables);
  // A..F hold the short columns; G and H give the long last column of a table room to run on (also
  // printed); 222 units in all: the sheet prints on the width of a landscape A4 at 7 pt or more (#18).
  // (Review 12 asked for larger type without more pages: at 195 units it printed at 8,2 pt but on 5
  // pages instead of 4, measured for Zwolle; the rows hold about 4 pages of text at this width.)
  WIDTHS.forEach((w, c) => s.width(String.fromCharCode(65 + c), w));
  // As many pages as the rows need at about 7,1 pt: every printed line is a row of its own (texts flow
  // a line per row), so the rows say how many pages it takes (#18: Zwolle's 5th page held 11 rows).
  s.printLayout({ area: `A1:H${tables.lastRow}`, fitToHeight: Math.ceil(tables.lastRow / ROWS_PER_PAGE) });
  return s;
}

/**
 * The share of a column's room a line may take. A line runs on over empty cells and is not wrapped
 * again, so more than `flowNotes`' 85 %: measured in LibreOffice's PDF (Zwolle), lines laid out at
 * 94 % ended at 86 % of their room (at 96 % and 99 % LibreOffice printed the sheet 4 % smaller: a run-on line it finds too wide shrinks the page); the print test checks that no word passes the page's edge.
 */
const FILL = 0.94;

/**
 * The rows a landscape page holds with the text at about 7,1 pt (the page width's scale is 7,3 pt):
 * measured in LibreOffice, Zwolle's 286 rows (vws-2026-04) on 4 pages at 7,15 pt. A longer sheet gets
 * more pages, never text below the 7 pt floor of #18.
 */
const ROWS_PER_PAGE = 72;

/** The height (pt) of the blank row between two tables. */
const SPACER_PT = 6;

/** The widths of A..H (the print area's columns). */
// A fits "Gezondheid en sociale basis" on one line (it took two rows a period in the Aansluiting table).
const WIDTHS = [27, 20, 17, 15, 18, 14, 40, 71] as const;

/** The room (width units) from column `c` (0-based) to the print area's right edge (H). */
function roomFrom(c: number): number {
  return WIDTHS.slice(c).reduce((a, w) => a + w, 0);
}

/**
 * `text` in lines that each fit `room` width units (whole words, measured in the body font at `FILL`
 * of the room: LibreOffice prints with a wider fallback font, see `flowNotes` on the Verantwoording).
 */
function flowLines(text: string, room: number): string[] {
  return wrapText(text, room, { size: BODY_SIZE }, FILL);
}

/** Titled tables, one below the other (a blank row between them). */
class Tables {
  private readonly rows: RowCursor;
  /** The last row of the last table. */
  lastRow = 0;

  constructor(
    private readonly s: SheetBuilder,
    first: number,
  ) {
    this.rows = new RowCursor(first);
  }

  /**
   * A titled table; `formats` gives a column (0-based) a number format (amounts as euros, counts as
   * whole numbers), or per row (a function) where a column mixes euros and counts.
   */
  add(
    name: string,
    title: string,
    header: string[],
    rows: CellValue[][],
    formats: Readonly<Record<number, StyleName | ((r: number) => StyleName)>> = {},
  ): void {
    const s = this.s;
    s.value(`A${this.rows.take()}`, title, 'rowHeader');
    const row = this.rows.take();
    s.values(`A${row}`, [header], 'header');
    // A text longer than its room goes on in the rows below it, a line per row (the record's other
    // cells empty there), so it prints whole (#18: texts were cut mid-word at the next column or the
    // page's edge). The room of the last column, the long text of every table, runs on to the print
    // area's edge (H); another column's is its own width (the next cell is filled). Not wrapped in the
    // cell: a column 20 wide would make a description twenty lines high.
    const last = header.length - 1;
    const lines = (rows.length > 0 ? rows : [header.map(() => '')]).flatMap((r, origin) => {
      const flowed = r.map((v, c) =>
        typeof v === 'string' ? flowLines(v, c === last ? roomFrom(c) : (WIDTHS[c] ?? 0)) : [v],
      );
      const height = Math.max(1, ...flowed.map((f) => f.length));
      return Array.from({ length: height }, (_, i) => ({
        origin,
        cells: flowed.map((f) => f[i] ?? ''),
      }));
    });
    const body = lines.map((l) => l.cells);
    s.values(`A${row + 1}`, body, 'text');
    const lastCol = String.fromCharCode(64 + header.length);
    for (const [c, f] of Object.entries(formats)) {
      const col = String.fromCharCode(65 + Number(c));
      if (typeof f === 'string') s.format(`${col}${row + 1}:${col}${row + body.length}`, f);
      else lines.forEach((l, r) => s.format(`${col}${row + 1 + r}`, f(l.origin)));
    }
    s.table({ name, range: `A${row}:${lastCol}${row + body.length}`, style: 'TableStyleLight1' });
    this.lastRow = this.rows.take(body.length) + body.length - 1;
    // The blank row between two tables half a line high: the sheet fits one page fewer (#18).
    this.s.rowHeight(this.rows.take(), SPACER_PT);
  }
}

/** The editions chain, the rule per regeling × year, the datasets, the warnings. */
function editionTables(ctx: NationalContext, tables: Tables): void {
  const edition = ctx.input.edition;
  tables.add(
    'Bronnen_Edities',
    'De editie en de edities waarop zij voortbouwt (een latere editie neemt over wat zij niet opnieuw publiceert)',
    ['Editie (code)', 'Datum', 'Bouwt voort op', 'Omschrijving'],
    [...edition.chain]
      .reverse()
      .map((e) => [e.id, formatDate(e.datum), e.vorige ?? '', readerText(`${e.naam}. ${e.omschrijving}`)]),
  );
  tables.add(
    'Bronnen_Regels',
    'Hoe de bedragen zijn gemaakt, per regeling en jaar',
    ['Regeling', 'Jaar', 'Uit editie', 'Afleiding'],
    edition.regelingen.flatMap((r) =>
      ctx.years.flatMap((y) => {
        const rule = edition.rule(r.id, y);
        return rule ? [[r.naam, String(y), rule.editie, ruleText(rule.spec.regel)]] : [];
      }),
    ),
  );
  tables.add(
    'Bronnen_Regelparameters',
    'Regels van de regelingen (uit de editie; de Begrotingstoets rekent met die van de Brede SPUK; cofinanciering is informatie, geen signaal)',
    [
      'Regeling',
      'Regel',
      'Waarde',
      'Jaren',
      'Grondslag en datum',
      'Regeling en artikel',
      'Bron (letterlijk, met vindplaats)',
    ],
    ruleParameterRows(ctx),
  );
  const aannames = ruleParameters(ctx).filter((r) => r.p.grondslag === 'aanname');
  tables.add(
    'Bronnen_Aannames',
    'Aannames: regels die geen bron regelt (de controller beslist; pas de regel aan in de editie zodra een bron haar regelt)',
    ['Regeling', 'Regel', 'Aangenomen', 'Jaren', 'Wat de aanname is en waarom'],
    aannames.length > 0
      ? aannames.map((r) => [r.regeling, r.regel, r.waarde, r.jaren, readerText(r.p.bron)])
      : [['', '', '', '', 'Geen: elke regel van deze editie heeft een bron.']],
  );
  tables.add(
    'Bronnen_SiSa',
    'SiSa-codes per regeling (alleen wat een bron noemt; onbekend is onbekend, niet verzonnen)',
    ['Regeling', 'Code', 'Onderdeel', 'Bron'],
    edition.regelingen.flatMap((r) =>
      r.sisa === undefined
        ? [[r.naam, 'onbekend', '', 'Geen bron gevonden die een SiSa-code noemt.']]
        : r.sisa.map((c) => [
            r.naam,
            c.code,
            c.deel ?? c.omschrijving,
            readerText(`${c.omschrijving}. ${c.bron}`),
          ]),
    ),
  );
  tables.add(
    'Bronnen_Datasets',
    'Datasets',
    ['Datum', 'Kenmerk', 'Gegevens en bron'],
    [
      ...ctx.data.edition.datasets.filter((d) => !edition.datasets.some((e) => e.id === d.id)),
      ...edition.datasets,
    ].map((d) => [
      readerText(d.datum),
      d.kenmerk,
      readerText([`${d.titel}. Bron: ${d.bron}.`, ...d.kanttekeningen].join(' ')),
    ]),
  );
  tables.add(
    'Bronnen_Waarschuwingen',
    'Waarschuwingen bij de bronnen (gemeld, niet stilzwijgend gecorrigeerd)',
    ['Nr', 'Waarschuwing'],
    ctx.report.warnings.map((w, i) => [String(i + 1), editionWarningText(w)]),
  );
}

/** The reconciliation with the published amounts (as `spuk-begroting controle`). */
function checkTables(ctx: NationalContext, tables: Tables): void {
  const checks = ctx.report.checks.filter((c) => !c.id.startsWith('verdeling:'));
  const countOrEuro = (r: number): StyleName => (checks[r]?.periode === undefined ? 'integer' : 'euro');
  tables.add(
    'Bronnen_Controles',
    'Aansluiting met de gepubliceerde bedragen',
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
    { 2: countOrEuro, 3: countOrEuro, 4: 'integer', 5: 'center' },
  );
}

/** Verdeelbasis, mutaties, the SPUK AZWA raming and the open posten. */
function dataTables(ctx: NationalContext, tables: Tables): void {
  const edition = ctx.input.edition;
  tables.add(
    'Bronnen_Verdeelbasis',
    'Verdeelbasis volgens de bronnen en bijzonderheden per onderdeel (GALA)',
    ['Nr', 'Onderdeel'],
    ctx.data.onderdelen.map((l) => [
      String(l.nr),
      [`${l.naam}: ${l.verdeelbasis}.`, l.bijzonderheden].filter((t) => t !== '').join(' '),
    ]),
  );
  tables.add(
    'Bronnen_Mutaties',
    'Mutaties 2025/2026 (VWS-brief 12-09-2025, Bijlage 1; €)',
    ['Jaar', 'Regeling', 'Bedrag (€)', 'Volgens bron', 'Onderwerp'],
    ctx.data.mutaties.map((x) => [
      String(x.jaar),
      x.spuk,
      x.bedrag,
      x.aard,
      `${x.onderwerp} (${x.herkomst})`,
    ]),
    { 2: 'euro', 3: 'center' },
  );
  // The raming's columns are the years it publishes (2027–2029 in the letter of 22-04-2026).
  const raming = ramingYears(ctx.data.azwaRaming);
  tables.add(
    'Bronnen_AZWA',
    `Raming SPUK AZWA ${yearSpan(raming)} (brief 22-04-2026; €)`,
    ['Financieringsmiddel', ...raming.map((y) => `${y} (€)`), 'Wat'],
    ctx.data.azwaRaming.map((a) => [a.financieringsmiddel, ...raming.map((y) => ramingAmount(a, y)), a.wat]),
    Object.fromEntries(raming.map((_y, i) => [i + 1, 'euro' as const])),
  );
  tables.add(
    'Bronnen_OpenPosten',
    'Open posten (geld dat een regeling verlaat zonder bekend bedrag per gemeente)',
    ['Onderwerp', 'Onderdelen', 'Jaren', 'Toelichting'],
    edition.openPosten.map((p) => [
      p.onderwerp,
      p.nrs.join(', '),
      openPostJaren(p),
      readerText(`${p.toelichting} Bron: ${p.bron}.`),
    ]),
  );
}

/** One rule parameter as Bronnen lists it: the regeling, the rule's name, value and years as text. */
interface ParameterRow {
  readonly regeling: string;
  /** The regeling's publication (e.g. "Stcrt. 2023, 4245"), or its whole source where none is named. */
  readonly publicatie: string;
  readonly regel: string;
  readonly waarde: string;
  readonly jaren: string;
  readonly p: RuleParameter;
}

/** Years as Bronnen shows them: "2023", "2023–2026", or "" when none are stated. */
function jarenText(ys: readonly number[] | undefined): string {
  return ys === undefined || ys.length === 0
    ? ''
    : ys.length === 1
      ? String(ys[0])
      : `${ys[0]}–${ys[ys.length - 1]}`;
}

/**
 * Every rule parameter of each regeling (schuifruimte, per onderdeel, overheveling per year,
 * cofinanciering), in the regeling's order.
 */
function ruleParameters(ctx: NationalContext): ParameterRow[] {
  return ctx.input.edition.regelingen.flatMap((r) => {
    const p = r.regels;
    const publicatie = /Stcrt\. \d{4}, \d+/.exec(r.bron)?.[0] ?? r.bron;
    const row = (regel: string, waarde: string, jaren: string, q: RuleParameter): ParameterRow => ({
      regeling: r.naam,
      publicatie,
      regel,
      waarde,
      jaren,
      p: q,
    });
    const rows: ParameterRow[] = [];
    if (p.schuifruimte)
      rows.push(
        row(
          'Schuifruimte (hoofdthema)',
          `${p.schuifruimte.waarde}%`,
          jarenText(p.schuifruimte.jaren),
          p.schuifruimte,
        ),
      );
    if (p.perOnderdeel) rows.push(row('Per onderdeel', '', jarenText(p.perOnderdeel.jaren), p.perOnderdeel));
    for (const o of p.overheveling ?? [])
      rows.push(
        row(
          `Overheveling ${o.vanJaar} → ${o.vanJaar + 1} (${o.per === 'onderdeel' ? 'per onderdeel' : 'totaal'})`,
          `${o.waarde}%`,
          String(o.vanJaar),
          o,
        ),
      );
    const c = p.cofinanciering;
    if (c)
      rows.push(
        row(
          `Cofinanciering (informatie; onderdeel ${c.onderdelen.join(', ')})`,
          `${c.waarde}%`,
          jarenText(c.jaren),
          c,
        ),
      );
    return rows;
  });
}

/**
 * One row per rule parameter of each regeling: its value (%), years, the kind and date of its
 * source, the regeling and the article that states it ("artikel niet gelezen" where none was read:
 * never guessed), and the source's own words with where they were read.
 */
function ruleParameterRows(ctx: NationalContext): CellValue[][] {
  const basis = (p: RuleParameter): string =>
    `${p.grondslag === undefined ? 'niet vermeld' : p.grondslag}, ${formatDate(p.datum)}`;
  return ruleParameters(ctx).map((r) => [
    r.regeling,
    r.regel,
    r.waarde,
    r.jaren,
    basis(r.p),
    r.p.artikel === undefined ? `${r.publicatie}, artikel niet gelezen` : `${r.publicatie}, ${r.p.artikel}`,
    readerText(r.p.bron),
  ]);
}
