/**
 * LibreOffice as the second oracle for a werkmap with a realisatie (Zwolle, vws-2026-04, the starter
 * Begroting, a realisatie with a prognose, rows without a Begroting row and a medeoverheid, Kampen,
 * spelled by code and by name: the H35B SUMIFS by Uitvoerder, exact spellings GM0166/0166/name; the
 * count of Uitvoerders with spaces before or after them, " Kampen"; GGD IJsselland a partner, H35):
 * every formula cell of every sheet, the Realisatie's signal, Besteding's SUMIFS (criterion "" for rows
 * without a prognose) and the Verantwoording that reads them, equals the engine's value.
 */
import ExcelJS from 'exceljs';
import { editionInput } from '../../src/data';
import type { CbsCode, Euro } from '../../src/domain';
import { begrotingKolommen } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import { renderXlsx } from '../../src/xlsx';
import { parsedRealisatie } from '../support/parsed';
import { comparePlan } from './compare-plan';
import { recalculatedPlan } from './recalculate-plan';
import { SOFFICE_TIMEOUT_MS } from './soffice';

const input = editionInput('vws-2026-04');
const years = input.edition.years;
const blanks = (k: number) => ';'.repeat(k);
const CSV = [
  `${begrotingKolommen(years).join(';')};Prognose 2026`,
  `Brede SPUK;1;Sportakkoord;;Sportbedrijf;incidenteel;50000;60000${blanks(years.length - 2)};;;`,
  `Brede SPUK;;Ontschot;;GGD;incidenteel;;;1800000;1500000${blanks(years.length - 4)};;;1900000`,
  `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;100000;200000;300000;400000${blanks(years.length - 4)};;;`,
  // Kampen as a medeoverheid (SiSa H35B, live over the table), spelled by CBS code and by name.
  `SPUK IZA;;Kampen;;GM0166;incidenteel;300000${blanks(years.length - 1)};;;`,
  `SPUK IZA;;Kampen zorg;;kampen;incidenteel;100000;450000${blanks(years.length - 2)};;;`,
  // The Uitvoerder as SUMIFS/COUNTIFS compare it (#19): Ommen by its code without GM (a text that
  // looks like a number), empty and ZWOLLE (own: H35), and " Kampen" (set below: a cell typed with a
  // leading space, which no reader passes) is no spelling of Kampen: refused (GGD IJsselland: a partner, H35).
  `SPUK IZA;;Ommen;;0175;incidenteel;7000${blanks(years.length - 1)};;;`,
  `SPUK IZA;;Eigen;;;incidenteel;20000${blanks(years.length - 1)};;;`,
  `SPUK IZA;;Eigen Zwolle;;ZWOLLE;incidenteel;40000${blanks(years.length - 1)};;;`,
  `SPUK IZA;;Kampen spatie;;Kampen;incidenteel;9000${blanks(years.length - 1)};;;`,
].join('\n');

it(
  'LibreOffice recalculates a werkmap with the Realisatie to the engine values',
  async () => {
    const read = parsedRealisatie(CSV, input.edition);
    const realisatie = {
      ...read,
      regels: read.regels.map((x) =>
        x.activiteit === 'Kampen spatie' ? { ...x, uitvoerder: ' Kampen' } : x,
      ),
    };
    const plan = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: 'GM0193' as CbsCode,
      realisatie,
      // A beschikkingsdatum: the Verantwoording's "… van 05-03-2025" built without TEXT()'s date codes.
      beschikking: [
        {
          regeling: 'Brede SPUK',
          onderdeel: undefined,
          jaar: 2025,
          bedrag: 2_035_253 as Euro,
          nummer: '1234567-202345-PG',
          datum: '2025-03-05',
        },
      ],
    });
    const names = plan.sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([SHEETS.realisatie, SHEETS.besteding, SHEETS.verantwoording]),
    );
    const { fields, formulas } = await recalculatedPlan(plan, names);
    const { cells, mismatches, errors } = comparePlan(plan, fields);
    expect(errors.slice(0, 20)).toEqual([]);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(cells).toBe(formulas);
    // " Kampen": counted on Besteding (B4) as the domain counts it (the wildcard COUNTIFS in LibreOffice).
    const besteding = fields.get(SHEETS.besteding) ?? [];
    expect(besteding[3]?.[1]?.text).toBe('1');
    const verantw = fields.get(SHEETS.verantwoording) ?? [];
    expect(verantw.flat().map((f) => f.text)).toContain('Beschikking nr 1234567-202345-PG van 05-03-2025');
    // Ommen's 0175 (row 12 of the table, Uitvoerder in E): the number 175, which the H35B SUMIFS above
    // matched in LibreOffice, shown as typed by its format 0000 (closing9 "Noticed": it showed 175).
    const realisatieSheet = fields.get(SHEETS.realisatie) ?? [];
    expect(realisatieSheet[11]?.[4]).toEqual({ text: '175', quoted: false });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderXlsx(plan)) as unknown as ExcelJS.Buffer);
    const cell = book.getWorksheet(SHEETS.realisatie)?.getCell('E12');
    expect([cell?.value, cell?.numFmt]).toEqual([175, '0000']);
  },
  SOFFICE_TIMEOUT_MS + 30_000,
);
