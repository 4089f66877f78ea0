/**
 * Issue #17 item 2 through the add-in and the fake host: the user inserts a column "Kostenplaats" into
 * the table Begroting before the years (Insert > Table Columns to the Left). The werkmap itself then
 * says so (Controle's `begroting-kolommen`, Modelcontrole FOUT, evaluated with HyperFormula on what the
 * renderer wrote), and a refresh refuses with a Dutch message naming the column and the fix instead of
 * reading the years by position; nothing is written.
 */
import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { FakeExcel } from '../../test/support/fake-excel';
import { hyperFormulaEvaluator } from '../../test/support/fake-excel/hyperformula';
import { controleWaarde, expectRefreshRefused, insertKostenplaats } from '../../test/support/inserted-column';
import { ok, render } from '../../test/support/render-fake';
import { buildWorkbookPlan, SHEETS } from '../plan';

const plan = buildWorkbookPlan(editionInput('vws-2026-04'), {
  key: 'spuk-2025',
  gemeente: 'GM0034' as CbsCode,
});

describe('a column inserted into the table Begroting', () => {
  it('is FOUT on Controle in the werkmap, and a refresh refuses naming "Kostenplaats"; nothing changed', async () => {
    const fake = new FakeExcel({ evaluator: hyperFormulaEvaluator() });
    ok(await render(fake, plan, { expectExisting: false }));
    expect(controleWaarde(fake, 'Kolommen Begroting')).toBe(0);
    expect(fake.values(SHEETS.overzicht, 'C6')[0]?.[0]).toBe('OK');
    const sumifs = fake
      .formulas(SHEETS.toets, 'E1:E400')
      .flat()
      .find((f) => String(f).includes('Begroting!G$7:G$506'));
    expect(sumifs).toBeDefined();

    insertKostenplaats(fake, 'Begroting', SHEETS.begroting);
    // References reaching below the table's rows stay (Excel moves only those wholly in the shifted rows).
    expect(fake.formulas(SHEETS.toets, 'E1:E400').flat()).toContain(sumifs);
    expect(controleWaarde(fake, 'Kolommen Begroting')).toBe(10); // 2023–2030, Andere dekking, Opmerking
    const listed = fake.values(SHEETS.controle, 'A1:D90').find((r) => r[0] === 7);
    expect(listed).toEqual([7, '2023', 1, 'Kostenplaats']);
    expect(fake.values(SHEETS.overzicht, 'C6')[0]?.[0]).toBe(`FOUT: zie blad ${SHEETS.controle}`);

    await expectRefreshRefused(fake, plan, 'Begroting', SHEETS.begroting);
  }, 300_000);
});
