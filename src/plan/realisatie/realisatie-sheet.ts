/**
 * The sheet Realisatie (the user's, like the Begroting): the Excel table `Realisatie` of what was
 * spent per activity and year (the Begroting's columns, then `Prognose`), created once; afterwards
 * the add-in rewrites only its heading rows 1–4 (SheetPlan.userOwned), so rows the user adds, deletes
 * or sorts survive every refresh. The heading rows hold the signal (rows without a Begroting row,
 * counted on the sheet Besteding), the table's version and the prognose year (an input, kept).
 *
 * Built with the sheet Besteding (its totals over this table, which the Verantwoording reads) when
 * the scenario has a verantwoording (a gemeente and a realisatie: `werkboek --realisatie`, or the
 * pane's option with an empty realisatie).
 */
import { begrotingKolommen } from '../../domain';
import type { RealisatieInvoer } from '../../domain/verantwoording';
import type { PlanContext } from '../context';
import { SHEETS } from '../layout';
import { SheetBuilder } from '../sheet-builder';
import type { Built } from '../sheet-builder';
import { begrotingRowCells, writeBegrotingColumnsTable } from '../begroting/user-table';
import type { CellValue, DefinedNameSpec } from '../types';
import type { BestedingCells } from './besteding-sheet';
import { buildBesteding } from './besteding-sheet';
import type { RealisatieTableCells } from './fixed-cells';
import { PROGNOSE_KOLOM, realisatieSchema, realisatieTable } from './fixed-cells';
import type { KeyedRow } from './keys';
import { prognoseJaarOf } from './keys';

export interface RealisatieCells extends BestedingCells {
  readonly table: RealisatieTableCells;
  /** `Invoer_Prognosejaar` (the year of the column Prognose). */
  readonly names: readonly DefinedNameSpec[];
}

/** The two sheets: Realisatie (the user's table) and Besteding (the add-in's totals). */
export interface RealisatieSheets {
  readonly realisatie: SheetBuilder;
  readonly besteding: SheetBuilder;
}

/** The name of the prognose year's input cell. */
export const PROGNOSEJAAR_NAME = 'Invoer_Prognosejaar';

/**
 * The sheets Realisatie and Besteding, or undefined when the scenario has no verantwoording (no
 * gemeente or no realisatie). The table holds `realisatie`'s rows as the file has them (at least
 * one empty row); `begroting`'s rows (the Begroting table as built) give the keys' expected values.
 */
export function buildRealisatie(
  ctx: PlanContext,
  realisatie: RealisatieInvoer | undefined,
  begroting: { readonly regels: readonly KeyedRow[] },
): (Built<RealisatieCells> & { readonly sheets: RealisatieSheets }) | undefined {
  const v = ctx.scenario.verantwoording;
  if (v === undefined || realisatie === undefined) return undefined;
  const years = ctx.years;
  const table = realisatieTable(years);
  const besteding = buildBesteding(ctx, table, {
    realisatie,
    begroting: begroting.regels,
    regelingen: v.regelingen,
    peiljaar: v.peiljaar,
  });
  const schema = realisatieSchema(years);
  const s = new SheetBuilder(SHEETS.realisatie, 'invoer');
  s.value('A1', 'Realisatie: wat per activiteit en jaar is besteed', 'title');
  s.value(
    'A2',
    `Eén rij per activiteit, met de kolommen van het blad ${SHEETS.begroting} (kopieer die rijen en overschrijf de bedragen): per jaar wat besteed is, in hele euro's. Rijen toevoegen of sorteren mag: de add-in laat de tabel staan. Totalen: blad ${SHEETS.besteding}.`,
    'subtitle',
  );
  const count = besteding.cells.zonderBegroting.abs();
  // The domain's count (Controle's `realisatie-sleutel`), against the rows the Begroting table is made with.
  const misses = ctx.scenario.modelChecks['realisatie-sleutel'];
  s.formula(
    'A3',
    `"Rijen zonder begrotingsregel: "&${count}&IF(${count}=0," (geen)"," (zie blad ${SHEETS.besteding})")`,
    () =>
      `Rijen zonder begrotingsregel: ${misses}${misses === 0 ? ' (geen)' : ` (zie blad ${SHEETS.besteding})`}`,
    'rowHeader',
  );
  const P = prognoseJaarOf(ctx, realisatie);
  // The table's schema version (SheetPlan.userOwned.table), in the add-in range: rewritten on every
  // refresh and read there (it stays in its cell). Not shown on screen or paper (#18: no machinery on
  // the raad's page): the formula bar shows it, with its label.
  s.value('A4', 'Tabelversie', 'lookupKey').value(schema.versionCell, schema.version, 'lookupKey');
  s.value('D4', 'Prognose', 'note');
  s.value(table.prognoseJaar.address(), P, 'input');
  // Beside the year, not in the subtitle: a subtitle wider than the table widens the printed page.
  s.value(
    'F4',
    'het jaar van de kolom Prognose: het verwachte totaal van dat jaar (leeg: de realisatie telt)',
    'note',
  );
  const first = years[0] ?? P;
  const last = years[years.length - 1] ?? P;
  s.validation({
    range: table.prognoseJaar.address(),
    type: 'whole',
    min: first,
    max: last,
    prompt: 'Het jaar waarvan de kolom Prognose het verwachte totaal geeft (meestal het lopende jaar).',
    error: `Vul een jaar van ${first} tot en met ${last} in.`,
  });
  s.userOwned([table.addinRange.address()], schema);
  // The Begroting's columns, widths and print (one helper for both sheets): Prognose's width comes
  // out of Activiteit, so the table prints on the Begroting's page width at the same size (#18).
  const uitvoerderAt = begrotingKolommen(years).indexOf('Uitvoerder');
  const n = writeBegrotingColumnsTable(s, {
    name: schema.name,
    style: 'TableStyleMedium4',
    place: table,
    years,
    extra: [{ name: PROGNOSE_KOLOM, width: 12, style: 'inputEuro' }],
    // An empty Uitvoerder as an empty cell, as a user leaves it (Besteding counts it by criterion "",
    // which some engines do not match against a cell holding the empty text); one of digits only as
    // its number, as Excel makes of a typed 0166: the criterion "0166" (a number to SUMIFS) matches a
    // number in Excel, LibreOffice and HyperFormula, the text "166" in Excel only (the domain's
    // `uitvoerderIs`).
    rows: realisatie.regels.map((r) => [
      ...begrotingRowCells(r).map((v, i) => (i === uitvoerderAt ? uitvoerderCell(v) : v)),
      r.prognose ?? null,
    ]),
  });
  // A CBS code typed without GM (Ommen's 0175) is that number, shown as typed: the cell's format
  // keeps the leading zero (the value, and so every match, stays the number 175).
  realisatie.regels.forEach((r, i) => {
    if (CBS_DIGITS.test(r.uitvoerder)) s.format(table.column('Uitvoerder').rows(i).address(), 'cbsCode');
  });
  validationsOfTable(s, table, n);
  return {
    sheet: s,
    sheets: { realisatie: s, besteding: besteding.sheet },
    cells: {
      ...besteding.cells,
      table,
      names: [
        {
          name: PROGNOSEJAAR_NAME,
          ref: table.prognoseJaar.abs(),
          comment: 'Het jaar van de kolom Prognose van de tabel Realisatie (invoer)',
          input: true,
        },
      ],
    },
  };
}

/** Validations of the table's amounts over its `n` rows (Excel extends them to the rows the table grows by). */
function validationsOfTable(s: SheetBuilder, table: RealisatieTableCells, n: number): void {
  const cap = (name: string): string => table.column(name).rows(0, n).address();
  const years = table.years.rows(0, n).address();
  s.validation({
    range: years,
    type: 'whole',
    min: 0,
    prompt: "Wat in dat jaar besteed is, in hele euro's.",
    error: "Vul een heel, niet-negatief bedrag in euro's in (zonder centen).",
  });
  s.validation({
    range: cap(PROGNOSE_KOLOM),
    type: 'whole',
    min: 0,
    prompt: "Het verwachte totaal van het prognosejaar (cel E4), in hele euro's; leeg: de realisatie telt.",
    error: "Vul een heel, niet-negatief bedrag in euro's in, of laat de cel leeg.",
  });
}

/**
 * A CBS code's four digits with its leading zero (0175): shown with format 0000. Other texts of
 * digits with leading zeros (00166) show as their number (166); the domain reads them alike.
 */
const CBS_DIGITS = /^0\d{3}$/;

/** The cell of an Uitvoerder: empty as no value, digits only (at most 15) as their number, else the text. */
function uitvoerderCell(v: CellValue): CellValue {
  if (v === '') return null;
  return typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : v;
}
