/**
 * Issue #17: a range pasted in the task pane from an Excel-NL with "400.000" alone in a column was
 * refused as ambiguous (400000 or 400,0). The pane now reads the notation Excel shows numbers in
 * (`Application.decimalSeparator`, ExcelApi 1.11, through the fake host) once at start, in the start
 * read's own batch (no extra sync), and passes it as a hint for a paste only: a CSV file may come from
 * anywhere and is read as before.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import { ALMERE, installHost, realisatieRow, removeHost } from '../../test/support/pane-host';
import { defaultEditionId, defaultReferenceData } from '../data';
import type { CbsCode } from '../domain';
import { checkBeschikking } from './beschikking';
import { officeServices } from './office-services';
import { checkRealisatie, editionYears } from './realisatie';

const gemeenten = defaultReferenceData().gemeenten;
const EDITION = defaultEditionId();
const years = editionYears(EDITION);
/** One realisatie row, Brede SPUK Buurtsportcoaches, with € 400.000 in 2023 as Excel-NL copies it. */
const REAL = realisatieRow(years, 'Brede SPUK', 'Buurtsportcoaches', { 2023: '400.000' });
const BESCH = 'Brede SPUK\t\t2025\t400.000\n';

afterEach(removeHost);

describe('the beschikking and realisatie paste read "400.000" with Excel’s notation', () => {
  it('from an Excel-NL: 400000 (both pastes); without a known notation: refused, as before', () => {
    const b = checkBeschikking({ kind: 'paste', text: BESCH }, ALMERE as CbsCode, gemeenten, 'nl');
    expect(b).toMatchObject({ ok: true, regels: [{ regeling: 'Brede SPUK', jaar: 2025, bedrag: 400_000 }] });
    expect(checkBeschikking({ kind: 'paste', text: BESCH }, ALMERE as CbsCode, gemeenten).ok).toBe(false);
    const r = checkRealisatie({ kind: 'paste', text: REAL }, ALMERE, EDITION, 'nl');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.invoer.regels[0]?.lasten[years.indexOf(2023)]).toBe(400_000);
    expect(checkRealisatie({ kind: 'paste', text: REAL }, ALMERE, EDITION).ok).toBe(false);
  });

  it('from an English Excel "400.000" stays refused; a file is never read with the hint', () => {
    expect(checkRealisatie({ kind: 'paste', text: REAL }, ALMERE, EDITION, 'en').ok).toBe(false);
    const file = new TextEncoder().encode(`Regeling\tOnderdeel\tJaar\tBedrag_eur\n${BESCH}`);
    const f = checkBeschikking({ kind: 'file', bytes: file }, ALMERE as CbsCode, gemeenten, 'nl');
    expect(f.ok ? [] : f.failures.join(' ')).toMatch(/"400\.000" in kolom bedrag_eur kan 400000 zijn/);
  });

  it('read with the workbook at start, in the start read’s own sync: nl then 400000; without ExcelApi 1.11 refused', async () => {
    const fake = new FakeExcel();
    installHost(fake);
    const services = officeServices();
    await services.readWorkbook();
    expect(fake.syncCount).toBe(1);
    const nl = await services.excelNotation?.();
    expect(nl).toBe('nl');
    expect(fake.syncCount).toBe(1);
    expect(checkBeschikking({ kind: 'paste', text: BESCH }, ALMERE as CbsCode, gemeenten, nl)).toMatchObject({
      ok: true,
      regels: [{ regeling: 'Brede SPUK', jaar: 2025, bedrag: 400_000 }],
    });

    const old = new FakeExcel({ apiVersion: '1.10' });
    installHost(old);
    const oldServices = officeServices();
    await oldServices.readWorkbook();
    const unknown = await oldServices.excelNotation?.();
    expect(unknown).toBeUndefined();
    expect(old.syncCount).toBe(1);
    const refused = checkBeschikking({ kind: 'paste', text: BESCH }, ALMERE as CbsCode, gemeenten, unknown);
    expect(refused.ok ? [] : refused.failures.join(' ')).toMatch(/"400\.000" in kolom .* kan 400000 zijn/);
  });

  it('a start read that fails leaves the notation unknown, without a read of its own', async () => {
    const fake = new FakeExcel();
    fake.cellEditMode = true;
    installHost(fake);
    const services = officeServices();
    await expect(services.readWorkbook()).rejects.toBeDefined();
    const syncs = fake.syncCount;
    expect(await services.excelNotation?.()).toBeUndefined();
    expect(fake.syncCount).toBe(syncs);
  });

  it('officeServices reads the notation from Excel without a start read (fake host: Excel-NL, then English separators)', async () => {
    const fake = new FakeExcel();
    installHost(fake);
    expect(await officeServices().excelNotation?.()).toBe('nl');
    fake.model.decimalSeparator = '.';
    fake.model.thousandsSeparator = ',';
    expect(await officeServices().excelNotation?.()).toBe('en');
    removeHost();
    expect(await officeServices().excelNotation?.()).toBeUndefined();
  });
});
