import { editionInput } from '../data';
import { parseBegrotingCsv } from '../data/begroting-input';
import { parseRealisatieCsv } from '../data/realisatie-input';
import { keyMisses } from '../domain/verantwoording';
import type { CbsCode } from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import { parsedRealisatie } from '../../test/support/parsed';
import { buildWorkbookPlan, SHEETS } from '.';
import { realisatieTable, zoekSleutel } from './realisatie';

/**
 * Issue #17: the Realisatie's key signal (rows of the table Realisatie whose Regeling|Onderdeel|
 * Activiteit is no row of the Begroting table, counted on the sheet Besteding) is a Controle check
 * (`realisatie-sleutel`), only in a werkmap with a Realisatie. Proven with HyperFormula on Zwolle's
 * werkmap: the two rows without a begrotingsregel are FOUT as built (Controle, Overzicht and the
 * domain's expectations agree), and 0 once those rows name a Begroting row; a werkmap without a
 * Realisatie has no such row.
 */
const input = editionInput('vws-2026-04');
const ZWOLLE = 'GM0193' as CbsCode;
const head =
  'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';
const csv =
  [
    head,
    'Brede SPUK;1;Sport;;Sportbedrijf;incidenteel;100000;150000;;;;;;;',
    'Brede SPUK;;Ontschot;;GGD;incidenteel;;;900000;700000;;;;;',
  ].join('\n') + '\n';
const realisatie = parsedRealisatie(csv, input.edition);

describe('Controle counts Realisatie rows without a begrotingsregel (HyperFormula)', () => {
  it('without a Realisatie: no such check row', () => {
    const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE });
    const controle = plan.sheets.find((s) => s.name === SHEETS.controle)!;
    const labels = controle.blocks.flatMap((b) => (b.kind === 'values' ? b.values.map((r) => r[0]) : []));
    expect(labels).toContain('Sleutel');
    expect(labels).not.toContain('Realisatie');
  });

  it('two rows without a begrotingsregel: FOUT 2 on Controle and Overzicht; named after a Begroting row: 0', () => {
    const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE, realisatie });
    const ev = evaluatePlan(plan);
    try {
      expect(
        formulaMismatches(plan, ev, [SHEETS.controle, SHEETS.overzicht, SHEETS.besteding]).bad.slice(0, 10),
      ).toEqual([]);
      const cid = ev.hf.getSheetId(SHEETS.controle)!;
      const row = ev.hf.getSheetValues(cid).findIndex((r) => r[0] === 'Realisatie');
      expect(row).toBeGreaterThan(0);
      const count = () => ev.hf.getCellValue({ sheet: cid, row, col: 2 });
      expect(ev.value(SHEETS.besteding, 'B3')).toBe(2);
      expect(count()).toBe(2);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(2);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe(`FOUT: zie blad ${SHEETS.controle}`);
      // The two Realisatie rows get the key of the Begroting's first two rows (Regeling, Onderdeel, Activiteit).
      const table = realisatieTable(input.edition.years);
      const bid = ev.hf.getSheetId(SHEETS.begroting)!;
      const rid = ev.hf.getSheetId(SHEETS.realisatie)!;
      for (let r = 0; r < 2; r++) {
        const key = [0, 1, 2].map((c) =>
          ev.hf.getCellValue({ sheet: bid, row: table.firstRow - 1 + r, col: c }),
        );
        ev.hf.setCellContents({ sheet: rid, row: table.firstRow - 1 + r, col: 0 }, [
          key.map((x) => x ?? null),
        ] as never);
      }
      expect(ev.value(SHEETS.besteding, 'B3')).toBe(0);
      expect(count()).toBe(0);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe('OK');
    } finally {
      ev.destroy();
    }
  });
});

/**
 * Issue #17: MATCH reads `*`, `?` and `~` in its lookup value as wildcards in Excel and LibreOffice
 * (not in HyperFormula), so "Sport*" found the Begroting's "Sportpark" there and the row was not
 * counted. The Besteding looks up each key's search form (no wildcard character left), the same in
 * every engine; test/libreoffice/realisatie-checks.test.ts shows LibreOffice's count.
 */
describe('the key check is exact: an Activiteit with * ? or ~ matches only itself (HyperFormula)', () => {
  const heads = head.split(';').slice(0, 15).join(';');
  const begrotingCsv = [
    heads,
    'Brede SPUK;1;Sportpark;;Sportbedrijf;incidenteel;100000;;;;;;;;',
    'Brede SPUK;;Ontschot ~1;;GGD;incidenteel;;;900000;;;;;;',
    'Brede SPUK;;Week #s;;GGD;incidenteel;;;1000;;;;;;',
  ].join('\n');
  const realisatieCsv = [
    heads,
    'Brede SPUK;1;Sport*;;Sportbedrijf;incidenteel;100000;;;;;;;;',
    'Brede SPUK;1;Sportp?rk;;Sportbedrijf;incidenteel;1000;;;;;;;;',
    'Brede SPUK;1;SPORTPARK;;Sportbedrijf;incidenteel;1000;;;;;;;;',
    'Brede SPUK;;Ontschot ~1;;GGD;incidenteel;;;900000;;;;;;',
    'Brede SPUK;;Week *;;GGD;incidenteel;;;1000;;;;;;',
  ].join('\n');
  const b = parseBegrotingCsv(begrotingCsv, { edition: input.edition });
  const r = parseRealisatieCsv(realisatieCsv, { edition: input.edition });
  if (!b.ok || !r.ok) throw new Error('unreadable');

  it('counts "Sport*", "Sportp?rk" and "Week *" (Begroting: "Week #s") as rows without a begrotingsregel, as the domain', () => {
    expect(keyMisses(r.value.regels, b.value.regels)).toEqual([true, true, false, false, true]);
    const plan = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: ZWOLLE,
      begroting: b.value,
      realisatie: r.value,
    });
    const ev = evaluatePlan(plan);
    try {
      expect(formulaMismatches(plan, ev, [SHEETS.besteding, SHEETS.controle]).bad.slice(0, 10)).toEqual([]);
      expect(ev.value(SHEETS.besteding, 'B3')).toBe(3);
      // The looked-up values hold no wildcard character: the key "Brede SPUK||Week *" in its search form.
      const sheet = plan.sheets.find((s) => s.name === SHEETS.besteding)!;
      const match = sheet.blocks.find((x) => x.kind === 'formula' && x.formula.includes('MATCH('));
      const lookup = /MATCH\((\$?[A-Z]+)\$?(\d+),/.exec(match?.kind === 'formula' ? match.formula : '');
      expect(lookup).not.toBeNull();
      const values = [0, 1, 2, 3, 4].map((i) =>
        ev.value(SHEETS.besteding, `${lookup![1]!.replace('$', '')}${Number(lookup![2]) + i}`),
      );
      expect(values).toEqual(
        ['Sport*', 'Sportp?rk', 'SPORTPARK', '|Ontschot ~1', '|Week *'].map((a, i) =>
          zoekSleutel(i < 3 ? `Brede SPUK|1|${a}` : `Brede SPUK|${a}`),
        ),
      );
      expect(values.join('')).not.toMatch(/[*?~]/);
      expect(zoekSleutel('Brede SPUK||Week *')).toBe('Brede SPUK||Week #s');
      expect(zoekSleutel('Brede SPUK||Week #s')).toBe('Brede SPUK||Week #hs');
    } finally {
      ev.destroy();
    }
  });
});
