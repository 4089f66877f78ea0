/**
 * One layout for the tables with the Begroting's columns (#18): the sheet Realisatie has the
 * Begroting's widths, its Prognose column taken out of Activiteit, so both tables are equally wide
 * and print at the same size (the Realisatie printed at 6 pt with its own, wider columns).
 */
import { editionInput } from '../../data';
import type { CbsCode } from '../../domain';
import { begrotingKolommen } from '../../domain';
import { parsedRealisatie } from '../../../test/support/parsed';
import { buildWorkbookPlan, SHEETS } from '..';
import { begrotingColumnWidths } from './user-table';

const input = editionInput('vws-2026-04');
const years = input.edition.years;

describe('begrotingColumnWidths', () => {
  it("the Begroting's widths: 225 characters for 2023–2030; an extra column narrows Activiteit by its width", () => {
    const begroting = begrotingColumnWidths(years);
    expect(begroting.map(([n]) => n)).toEqual(begrotingKolommen(years));
    expect(begroting.reduce((s, [, w]) => s + w, 0)).toBe(225);
    const realisatie = begrotingColumnWidths(years, [{ name: 'Prognose', width: 12, style: 'inputEuro' }]);
    expect(realisatie.reduce((s, [, w]) => s + w, 0)).toBe(225);
    expect(realisatie.find(([n]) => n === 'Activiteit')?.[1]).toBe(24);
    // Activiteit keeps 24 characters: more extra width makes the table wider, never the activity unreadable.
    const wide = begrotingColumnWidths(years, [{ name: 'X', width: 20, style: 'input' }]);
    expect(wide.find(([n]) => n === 'Activiteit')?.[1]).toBe(24);
    expect(wide.reduce((s, [, w]) => s + w, 0)).toBe(233);
  });

  it('the planned sheets Begroting and Realisatie: the same widths per column but Activiteit, equally wide, landscape on the page width', async () => {
    const csv = `${begrotingKolommen(years).join(';')};Prognose 2026\nBrede SPUK;1;Sport;;GGD;incidenteel;100${';'.repeat(years.length + 2)}90`;
    const plan = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: 'GM0193' as CbsCode,
      realisatie: parsedRealisatie(csv, input.edition),
    });
    const widths = (name: string) =>
      new Map((plan.sheets.find((s) => s.name === name)?.columns ?? []).map((c) => [c.column, c.width]));
    const b = widths(SHEETS.begroting);
    const rs = widths(SHEETS.realisatie);
    const sum = (m: Map<string, number>) => [...m.values()].reduce((s, w) => s + w, 0);
    expect(sum(b)).toBe(225);
    expect(sum(rs)).toBe(225);
    for (const [col, w] of b) if (col !== 'C') expect([col, rs.get(col)]).toEqual([col, w]);
    expect([b.get('C'), rs.get('C')]).toEqual([36, 24]);
    for (const name of [SHEETS.begroting, SHEETS.realisatie]) {
      const print = plan.sheets.find((s) => s.name === name)?.print;
      expect([name, print?.orientation, print?.fitToWidth, print?.titleRows]).toEqual([
        name,
        'landscape',
        true,
        '6:6',
      ]);
    }
  });
});
