/**
 * Issue #17 through the add-in and the fake host, for the table Realisatie as for the Begroting's
 * (src/excel/begroting-column.test.ts): the user inserts a column "Kostenplaats" into the table
 * Realisatie before the years (Insert > Table Columns to the Left). The werkmap says so (Controle's
 * `realisatie-kolommen`, Modelcontrole FOUT, evaluated with HyperFormula on what the renderer wrote),
 * and a refresh refuses with a Dutch message naming the column and the fix, as for the Begroting
 * (`TableShapeUnknown`), instead of reading the years by position; nothing is written.
 */
import { editionInput } from '../data';
import { parseRealisatieCsv } from '../data/realisatie-input';
import type { CbsCode } from '../domain';
import { begrotingKolommen } from '../domain';
import { FakeExcel } from '../../test/support/fake-excel';
import { hyperFormulaEvaluator } from '../../test/support/fake-excel/hyperformula';
import { ok, render } from '../../test/support/render-fake';
import { excelFailureText } from '../messages';
import { buildWorkbookPlan, SHEETS } from '../plan';

const input = editionInput('vws-2026-04');
const years = input.edition.years;
const blanks = (k: number) => ';'.repeat(k);
const CSV = [
  `${begrotingKolommen(years).join(';')};Prognose 2026`,
  `Brede SPUK;;Ontschot;;GGD;incidenteel;;;1800000;1500000${blanks(years.length - 4)};;;1900000`,
  `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;100000;200000;300000;400000${blanks(years.length - 4)};;;`,
].join('\n');
const parsed = parseRealisatieCsv(CSV, { edition: input.edition });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.failures));
const plan = buildWorkbookPlan(input, {
  key: 'spuk-2025',
  gemeente: 'GM0193' as CbsCode,
  realisatie: parsed.value,
});

describe('a column inserted into the table Realisatie', () => {
  it('is FOUT on Controle in the werkmap, and a refresh refuses naming "Kostenplaats"; nothing changed', async () => {
    const fake = new FakeExcel({ evaluator: hyperFormulaEvaluator() });
    ok(await render(fake, plan, { expectExisting: false }));
    const controle = () => fake.values(SHEETS.controle, 'A1:D90');
    const row = (label: string) => controle().find((r) => r[0] === label);
    expect(row('Realisatie kolom')?.[2]).toBe(0);
    // FOUT as built already: no Begroting here, so both rows have no begrotingsregel (2).
    expect(row('Realisatie')?.[2]).toBe(2);

    fake.insertTableColumn('Realisatie', 6, 'Kostenplaats');
    expect(fake.values(SHEETS.realisatie, 'F6:H6')[0]).toEqual(['Aard lasten', 'Kostenplaats', '2023']);
    // 2023–2030, Andere dekking, Opmerking, Prognose: each heading out of place.
    expect(row('Realisatie kolom')?.[2]).toBe(years.length + 3);
    expect(fake.values(SHEETS.overzicht, 'C6')[0]?.[0]).toBe(`FOUT: zie blad ${SHEETS.controle}`);

    const before = fake.snapshot();
    const report = await render(fake, plan);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.failure).toMatchObject({
      kind: 'TableShapeUnknown',
      sheet: SHEETS.realisatie,
      table: 'Realisatie',
    });
    const text = excelFailureText(report.failure);
    expect(text).toContain('Kostenplaats');
    expect(text).toContain(SHEETS.realisatie);
    expect(text).toContain('Er is niets gewijzigd.');
    expect(fake.snapshot()).toEqual(before);
  }, 300_000);
});
