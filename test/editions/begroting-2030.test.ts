import { editionInput } from '../../src/data';
import { readFileSync } from 'fs';
import { join } from 'path';
import { runCli } from '../../src/cli/cli';
import { captureIo } from '../support/cli-io';
import { PROEF_2030_DIR, proef2030Files, registerProef2030 } from '../support/proef-2030';
import type { BegrotingInvoer, CbsCode } from '../../src/domain';
import { builtInKey, euro, Ledger, toetsBegroting } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import { evaluatePlan, formulaMismatches } from '../support/evaluate-plan';
import { BESCHIKKING, generated } from '../support/generated-begroting';

/**
 * The begroting sheets on an eight-year axis: the test edition proef-2030 (only data, see
 * edition-fixture.test.ts) adds 2030 and overrides the schuifruimte (12 %). Its Begroting table,
 * Beschikking, Begrotingstoets and Samenvatting are evaluated by HyperFormula and must equal the
 * domain's `toetsBegroting` on a generated begroting that has lasten in 2030.
 */
const ALMERE = 'GM0034' as CbsCode;
const BEGROTING_SHEETS: readonly string[] = [
  SHEETS.toets,
  SHEETS.samenvatting,
  SHEETS.beschikking,
  SHEETS.begroting,
];

/** `generated` (2030 empty, as the default edition vws-2026-04 runs to 2030) with lasten in 2030. */
function eightYears(b: BegrotingInvoer): BegrotingInvoer {
  return {
    ...b,
    regels: b.regels.map((r, i) => ({
      ...r,
      lasten: r.lasten.map((v, j) => (j === 7 ? euro(i % 3 === 0 ? 0 : 10_000 * (i + 1)) : v)),
    })),
  };
}

describe('the begroting sheets on the eight years of proef-2030 (HyperFormula)', () => {
  beforeAll(() => {
    registerProef2030();
  });

  // The whole plan lays out the edition's eight years (2023–2030): the begroting sheets read 2030
  // from Allocatie like every other year.
  it('Almere, 60 generated rows with lasten in 2030, beschikking, carry-over: 0 formula mismatches', () => {
    const input = editionInput('proef-2030');
    const begroting = eightYears(generated(20261129, 60));
    const p = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: ALMERE,
      begroting,
      beschikking: BESCHIKKING,
    });
    const ev = evaluatePlan(p);
    try {
      const { bad, cells } = formulaMismatches(p, ev, BEGROTING_SHEETS);
      expect(bad).toEqual([]);
      expect(cells).toBeGreaterThan(700);
      const t = toetsBegroting(
        new Ledger(input, builtInKey('spuk-2025', input.base)),
        ALMERE,
        begroting,
        BESCHIKKING,
      );
      expect(ev.value(SHEETS.toets, 'C3')).toBe(t.signalen.length);
      // The eighth year is laid out: 2030 heads the column after 2029 on the Begroting table and the toets.
      // A table header is text ("2030"), as the renderers write it (evaluate-plan keeps it text since session 10).
      expect(ev.value(SHEETS.begroting, 'N6')).toBe('2030');
      expect(t.totaalLasten[7]).toBeGreaterThan(0);
      expect(t.signalen.some((s) => s.jaar === 2030 && s.soort === 'plafond')).toBe(true);
    } finally {
      ev.destroy();
    }
  });
});

describe('2030 end to end: the CLI reads a Begroting CSV with a 2030 column and the toets checks 2030', () => {
  it('begroting --edities-map proef --editie proef-2030: structural lasten in 2030 stand against € 0, signalled', async () => {
    const files: Record<string, string> = {
      'proef/edition.json': readFileSync(join(PROEF_2030_DIR, 'edition.json'), 'utf8'),
    };
    for (const [name, text] of Object.entries(proef2030Files())) files[`proef/${name}`] = text;
    const H =
      'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;2030;Andere dekking;Opmerking';
    files['b.csv'] =
      [
        H,
        'SPUK AZWA lokaal;;Welzijn op recept;6.1;Stichting Welzijn;structureel;;;;;100.000;100.000;100.000;100.000;;',
      ].join('\n') + '\n';
    const c = captureIo(files);
    const code = await runCli(
      [
        'begroting',
        '--edities-map',
        'proef',
        '--editie',
        'proef-2030',
        '--invoer',
        'b.csv',
        '--gemeente',
        'GM0034',
      ],
      c.io,
      async () => new Uint8Array(),
    );
    expect(c.err()).toBe('');
    // Exit 1: the toets has signals (as for any begroting with signals).
    expect(code).toBe(1);
    // 2030 has no SPUK money: € 100.000 of lasten above a plafond of € 0, and the structural gap after 2029.
    expect(c.out()).toContain('SPUK AZWA lokaal, 2030: de lasten liggen € 100.000 boven het plafond.');
    expect(c.out()).toContain(
      'Na 2029: € 100.000 structurele lasten op de SPUK AZWA zonder dekking vanaf 2030.',
    );
  });
});
