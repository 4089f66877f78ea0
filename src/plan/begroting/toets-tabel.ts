/**
 * Begrotingstoets, the last rule rows: amounts in the Begroting table that are text (issue #17 item
 * 3). A year cell holding text (a pasted "12.500" or "€ 1.000", a no-break space after the number) is
 * skipped by every SUMIFS of the toets and the Samenvatting, so the lasten would be too low without a
 * word: per year column the count of such cells (a signal each; Controle counts them too, check
 * `begroting-tekst`) and the first row that holds one. The same for the sheet Beschikking, whose
 * formulas take the edition's amount where a cell is not a number (`3.912.345 ` with a no-break
 * space would fall back without a word): its grid and the amounts from the mandaatgemeente. And the
 * toets's own inputs (overheveling, vooruit ontvangen, the limits %), which SUM and MIN skip or
 * refuse when they hold text: one count (Controle counts each of these too, checks
 * `beschikking-tekst` and `invoer-tekst`).
 */
import type { SheetRange } from '../anchors';
import { SHEETS } from '../layout';
import type { BeschikkingCells } from './beschikking-sheet';
import type { ToetsSection } from './toets-section';
import { yearsAt } from './toets-section';

/**
 * Text in the year columns of the Begroting table (the count per year, a check, and its first row), in
 * the Beschikking's amounts (the count per year, a check) and in the toets's inputs `invoer` (one
 * count in the first year column, a check).
 */
export function tekstRules(
  v: ToetsSection,
  beschikking: BeschikkingCells,
  invoer: { readonly overheveling: readonly SheetRange[]; readonly vooruit: SheetRange },
): void {
  const { s, rows, table } = v;
  const count = yearsAt(v, rows.take());
  s.values(`A${count.top}`, [
    [
      null,
      `Tekst in een bedrag (blad Begroting)`,
      'Een bedrag dat tekst is (geplakt "12.500", "€ 1.000"), telt niet mee in de lasten. Typ het als getal.',
    ],
  ]);
  s.format(`C${count.top}`, 'note');
  const column = table.years.cols(0).fixRow();
  s.formula(count.address(), `COUNTA(${column})-COUNT(${column})`, () => 0, 'integer');
  // The domain's begroting holds numbers only (the CSV reader refuses a text amount): 0 at build.
  v.checks.push({ range: count, value: () => 0 });
  const first = yearsAt(v, rows.take());
  s.values(`A${first.top}`, [[null, 'Eerste rij met tekst in die kolom (blad Begroting)']]);
  // SUMPRODUCT evaluates its argument as an array in Excel and LibreOffice (no array entry): the
  // largest 1000000 − row over the text cells gives the first such row. (HyperFormula: #VALUE!.)
  const col = table.years.cols(0).fixRow();
  s.formula(
    first.address(),
    `IF(${count.local().cell().fixRow()}=0,"",1000000-SUMPRODUCT(MAX(ISTEXT(${col})*(1000000-ROW(${col})))))`,
    () => '',
    'integer',
  );
  const bes = yearsAt(v, rows.take());
  s.values(`A${bes.top}`, [
    [
      null,
      'Tekst in een bedrag (blad Beschikking)',
      'Een bedrag van de beschikking dat tekst is, telt niet: dan geldt het bedrag van de editie. Typ het als getal.',
    ],
  ]);
  s.format(`C${bes.top}`, 'note');
  const grid = beschikking.grid.cols(0).fixRow();
  const mandaat = beschikking.vanMandaat.input.cols(0).fixRow();
  s.formula(
    bes.address(),
    `COUNTA(${grid})-COUNT(${grid})+COUNTA(${mandaat})-COUNT(${mandaat})`,
    () => 0,
    'integer',
  );
  // The domain's beschikking holds numbers only (the readers refuse text): 0 at build.
  v.checks.push({ range: bes, value: () => 0 });
  // The toets's own inputs: the carry-over and its limits (one count, in the first year column), and
  // the money received in advance (per year, under its year).
  const text = (r: SheetRange) => `COUNTA(${r.local().abs()})-COUNT(${r.local().abs()})`;
  const over = yearsAt(v, rows.take()).cols(0);
  const uitleg = `Invoer op dit blad die tekst is, telt niet mee. Typ een getal (ook geteld op ${SHEETS.controle}).`;
  s.values(`A${over.top}`, [[null, 'Tekst in de invoer: overheveling en limieten %', uitleg]]);
  s.format(`C${over.top}`, 'note');
  s.formula(over.address(), invoer.overheveling.map(text).join('+') || '0', () => 0, 'integer');
  const voor = yearsAt(v, rows.take());
  s.values(`A${voor.top}`, [[null, 'Tekst in de invoer: vooruit ontvangen', uitleg]]);
  s.format(`C${voor.top}`, 'note');
  const vooruit = invoer.vooruit.local().cols(0).fixRow();
  s.formula(voor.address(), `COUNTA(${vooruit})-COUNT(${vooruit})`, () => 0, 'integer');
  // The domain's inputs are numbers (the readers refuse text): 0 at build.
  v.checks.push({ range: over, value: () => 0 }, { range: voor, value: () => 0 });
}
