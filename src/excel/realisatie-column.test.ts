/**
 * Issue #17 through the add-in and the fake host, for the table Realisatie as for the Begroting's
 * (src/excel/begroting-column.test.ts): the user inserts a column "Kostenplaats" into the table
 * Realisatie before the years (Insert > Table Columns to the Left). The werkmap says so (Controle's
 * `realisatie-kolommen`, Modelcontrole FOUT, evaluated with HyperFormula on what the renderer wrote),
 * and a refresh refuses with a Dutch message naming the column and the fix, as for the Begroting
 * (`TableShapeUnknown`), instead of reading the years by position; nothing is written.
 */
import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { FakeExcel } from '../../test/support/fake-excel';
import { hyperFormulaEvaluator } from '../../test/support/fake-excel/hyperformula';
import { controleWaarde, expectRefreshRefused, insertKostenplaats } from '../../test/support/inserted-column';
import { parsedRealisatie } from '../../test/support/parsed';
import { tweeRijenRealisatieCsv } from '../../test/support/realisatie-sample';
import { ok, render } from '../../test/support/render-fake';
import { buildWorkbookPlan, SHEETS } from '../plan';

const input = editionInput('vws-2026-04');
const years = input.edition.years;
const plan = buildWorkbookPlan(input, {
  key: 'spuk-2025',
  gemeente: 'GM0193' as CbsCode,
  realisatie: parsedRealisatie(tweeRijenRealisatieCsv(years), input.edition),
});

describe('a column inserted into the table Realisatie', () => {
  it('is FOUT on Controle in the werkmap, and a refresh refuses naming "Kostenplaats"; nothing changed', async () => {
    const fake = new FakeExcel({ evaluator: hyperFormulaEvaluator() });
    ok(await render(fake, plan, { expectExisting: false }));
    expect(controleWaarde(fake, 'Realisatie kolom')).toBe(0);
    // FOUT as built already: no Begroting here, so both rows have no begrotingsregel (2).
    expect(controleWaarde(fake, 'Realisatie')).toBe(2);

    insertKostenplaats(fake, 'Realisatie', SHEETS.realisatie);
    // 2023–2030, Andere dekking, Opmerking, Prognose: each heading out of place.
    expect(controleWaarde(fake, 'Realisatie kolom')).toBe(years.length + 3);
    expect(fake.values(SHEETS.overzicht, 'C6')[0]?.[0]).toBe(`FOUT: zie blad ${SHEETS.controle}`);

    await expectRefreshRefused(fake, plan, 'Realisatie', SHEETS.realisatie);
  }, 300_000);
});
