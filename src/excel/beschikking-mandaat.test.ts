/**
 * The Beschikking is input the user owns (#18, a mandaatgemeente's werkmap): the member's block
 * "Ontvangen van de mandaatgemeente" is hidden for a mandaatgemeente (Zwolle) instead of left out, so
 * a werkmap that main 445b32c built for Zwolle, with amounts typed, keeps every amount at its key
 * (regeling, onderdeel, jaar) through a refresh, and no row is lost. Through the add-in's renderer and
 * the fake host, formulas evaluated with HyperFormula.
 */
import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { FakeExcel } from '../../test/support/fake-excel';
import { hyperFormulaEvaluator } from '../../test/support/fake-excel/hyperformula';
import { ok, render } from '../../test/support/render-fake';
import { buildWorkbookPlan, SHEETS } from '../plan';
import type { WorkbookPlan } from '../plan';

const ZWOLLE = 'GM0193' as CbsCode; // mandaatgemeente of its SPUK IZA region (IJssel-Vecht)
const DALFSEN = 'GM0148' as CbsCode; // a member of that region
const input = editionInput('vws-2026-04');
const planFor = (gemeente: CbsCode): WorkbookPlan => buildWorkbookPlan(input, { key: 'spuk-2025', gemeente });

/**
 * The Beschikking's input names in Zwolle's werkmap as main 445b32c wrote them (read from the
 * workbook its CLI wrote: `werkboek --gemeente Zwolle`), the layout a user's old werkmap has.
 */
const MAIN_445B32C: Readonly<Record<string, string>> = {
  Invoer_Beschikking: 'Beschikking!$E$7:$L$25',
  Invoer_Beschikking_Gemeente: 'Beschikking!$C$4',
  Invoer_Beschikking_Nummer: 'Beschikking!$C$38:$C$41',
  Invoer_Beschikking_Datum: 'Beschikking!$E$38:$E$41',
  Invoer_Van_Mandaatgemeente: 'Beschikking!$E$31:$L$32',
};

/** Column A (the keys) and the year columns E..L (header row 6) of the sheet, as the fake holds them. */
function sheet(fake: FakeExcel): {
  at: (key: string, jaar: number, from?: number) => unknown;
  keys: () => string[];
} {
  const rows = fake.values(SHEETS.beschikking, 'A1:L45');
  const header = rows[5] ?? [];
  return {
    // The first row from `from` (1-based) whose key is `key`, in the year's column.
    at: (key, jaar, from = 7) => {
      const r = rows.findIndex((row, i) => i + 1 >= from && row[0] === key);
      return rows[r]?.[header.indexOf(String(jaar))];
    },
    // The keys in column A with their rows (BS, BS01, …, MG-IZA, …): not the texts around them.
    keys: () =>
      rows.flatMap((row, i) =>
        /^[A-Z][A-Z0-9-]*$/.test(String(row[0])) ? [`${i + 1}:${String(row[0])}`] : [],
      ),
  };
}

describe('Beschikking of a mandaatgemeente: the member block hidden, the typed amounts kept', () => {
  it('keeps every amount typed in a werkmap of main 445b32c through a refresh, for Zwolle and after a switch to Dalfsen', async () => {
    const zwolle = planFor(ZWOLLE);
    // The new plan keeps the input names where main had them (nothing to migrate, no name left behind).
    for (const [name, ref] of Object.entries(MAIN_445B32C))
      expect([name, zwolle.names.find((n) => n.name === name)?.ref]).toEqual([name, ref]);
    const fake = new FakeExcel({ evaluator: hyperFormulaEvaluator() });
    ok(await render(fake, zwolle, { expectExisting: false }));
    // Hidden for Zwolle: the block's title to its planned shares (29–34).
    const hidden = fake.model.sheets.find((s) => s.name === SHEETS.beschikking)?.hiddenRows;
    expect([...(hidden ?? [])].sort((a, b) => a - b)).toEqual([29, 30, 31, 32, 33, 34]);
    expect(fake.values(SHEETS.beschikking, 'A3')).toEqual([['']]);

    // The user's amounts: a Brede SPUK total, an onderdeel, the IZA, the AZWA regionaal, a number, and
    // (typed while main showed the block to Zwolle) an amount "ontvangen van de mandaatgemeente".
    const typed: [string, number, number][] = [
      ['BS', 2025, 2_000_000],
      ['BS01', 2024, 123_456],
      ['IZA', 2025, 1_500_000],
      ['AZWA-R', 2028, 300_000],
    ];
    const before = sheet(fake);
    for (const [key, jaar, bedrag] of typed) {
      const row = Number(
        before
          .keys()
          .find((k) => k.endsWith(`:${key}`))
          ?.split(':')[0],
      );
      const col = String.fromCharCode('E'.charCodeAt(0) + input.edition.years.indexOf(jaar as never));
      expect(row).toBeGreaterThan(6);
      fake.type(SHEETS.beschikking, `${col}${row}`, bedrag);
    }
    fake.type(SHEETS.beschikking, 'C38', 'BS-2025-0042');
    fake.type(SHEETS.beschikking, 'G31', 15_000); // MG-IZA 2025
    const keysBefore = sheet(fake).keys();

    {
      ok(await render(fake, planFor(ZWOLLE), { expectExisting: true }));
      const after = sheet(fake);
      // No row lost: the same keys on the same rows.
      expect(after.keys()).toEqual(keysBefore);
      for (const [key, jaar, bedrag] of typed)
        expect([key, jaar, after.at(key, jaar)]).toEqual([key, jaar, bedrag]);
      expect(fake.values(SHEETS.beschikking, 'C38')).toEqual([['BS-2025-0042']]);
      // The amount in the hidden block is kept and counted: row 3 says FOUT naming the rows, Z3 = 1.
      expect(after.at('MG-IZA', 2025)).toBe(15_000);
      expect(fake.values(SHEETS.beschikking, 'Z3')).toEqual([[1]]);
      expect(String(fake.values(SHEETS.beschikking, 'A3')[0]?.[0])).toMatch(
        /^FOUT: 1 bedrag\(en\).*verborgen rijen 29–34 \(ontvangen van de mandaatgemeente/,
      );
    }

    // The same werkmap rebuilt for Dalfsen (a member): the block is its input, the amount counts as
    // received from the mandaatgemeente, the other amounts stay at their keys. Zwolle's regional
    // beschikking (IZA 2025, AZWA-R 2028) is no money of Dalfsen's: its rows (grid 23 and 25, nummer
    // and datum 39 and 41) are hidden now, the amounts kept there and counted as FOUT (Z3 = 2).
    ok(await render(fake, planFor(DALFSEN), { expectExisting: true }));
    const dalfsen = sheet(fake);
    expect(dalfsen.keys()).toEqual(keysBefore);
    for (const [key, jaar, bedrag] of typed) expect(dalfsen.at(key, jaar)).toBe(bedrag);
    expect(dalfsen.at('MG-IZA', 2025)).toBe(15_000);
    const hiddenDalfsen = fake.model.sheets.find((s) => s.name === SHEETS.beschikking)?.hiddenRows;
    expect([...(hiddenDalfsen ?? [])].sort((a, b) => a - b)).toEqual([23, 25, 39, 41]);
    expect(fake.values(SHEETS.beschikking, 'Z3')).toEqual([[2]]);
    expect(String(fake.values(SHEETS.beschikking, 'A3')[0]?.[0])).toMatch(
      /^FOUT: 2 bedrag\(en\).* Of in de verborgen rijen 23 en 25 \(SPUK IZA en SPUK AZWA regionaal: regionaal geld, alleen op de beschikking van de mandaatgemeente\): maak ze zichtbaar en leeg\.$/,
    );
    // Emptied by the user: no FOUT; a refresh keeps them empty and the rows hidden.
    fake.type(SHEETS.beschikking, 'G23', '');
    fake.type(SHEETS.beschikking, 'J25', '');
    ok(await render(fake, planFor(DALFSEN), { expectExisting: true }));
    expect(fake.values(SHEETS.beschikking, 'Z3')).toEqual([[0]]);
    expect(fake.values(SHEETS.beschikking, 'A3')).toEqual([['']]);
    expect(sheet(fake).at('BS', 2025)).toBe(2_000_000);
  }, 300_000);
});
