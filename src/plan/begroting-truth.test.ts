import { editionInput } from '../data';
import type { BegrotingRegeling, CbsCode, Euro, SignaalSoort } from '../domain';
import { builtInKey, Ledger, legeBegroting, toetsBegroting } from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import { BESCHIKKING, generated } from '../../test/support/generated-begroting';
import { buildWorkbookPlan, SHEETS } from '.';
import { begrotingTable } from './begroting/fixed-cells';
import type { WorkbookPlan } from '.';

/**
 * The begroting's formulas (Begrotingstoets, Samenvatting, Beschikking, Overzicht's signal cell) equal
 * the domain's `toetsBegroting` on generated begrotingen: rows across every regeling, onderdelen
 * with and without a number, unknown taakvelden, missing aard, carry-over, money in advance and a
 * beschikking with totals and onderdelen, chosen so that every kind of signal fires.
 */
const SHEETS_UNDER_TEST: readonly string[] = [
  SHEETS.toets,
  SHEETS.samenvatting,
  SHEETS.beschikking,
  SHEETS.begroting,
  SHEETS.overzicht,
];
const ALMERE = 'GM0034' as CbsCode;
const LELYSTAD = 'GM0995' as CbsCode;
const ZWOLLE = 'GM0193' as CbsCode;

function compare(p: WorkbookPlan): {
  bad: string[];
  cells: number;
  master: unknown;
  name: unknown;
  amountOf: (nr: number, jaar: number) => unknown;
} {
  const ev = evaluatePlan(p);
  try {
    const { bad, cells } = formulaMismatches(p, ev, SHEETS_UNDER_TEST);
    const name = p.names.find((n) => n.name === 'Begroting_Signalen')?.ref;
    // Overzicht's row of a line (column A holds its nr) and the value in a year's column (E = 2023).
    const overzicht = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.overzicht) ?? -1);
    const amountOf = (nr: number, jaar: number): unknown =>
      overzicht.find((row) => row[0] === nr && typeof row[4] === 'number')?.[4 + jaar - 2023];
    return { bad, cells, master: ev.value(SHEETS.toets, 'C3'), name, amountOf };
  } finally {
    ev.destroy();
  }
}

describe('begroting formulas equal the domain (HyperFormula), on generated begrotingen', () => {
  it('Almere (mandaatgemeente), 60 generated rows, beschikking, carry-over, money in advance: every kind of signal', () => {
    const begroting = generated(20261129, 60);
    const p = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: ALMERE,
      begroting,
      beschikking: BESCHIKKING,
    });
    const { bad, cells, master, name, amountOf } = compare(p);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(cells).toBeGreaterThan(700);
    // The beschikking wins on Overzicht too: Almere's SPUK IZA 2026 and onderdeel 2 in 2023.
    expect(amountOf(16, 2026)).toBe(3_400_000);
    expect(amountOf(2, 2023)).toBe(900_000);
    expect(amountOf(16, 2025)).toBe(3_161_954);
    const input = editionInput('vws-2026-04');
    const t = toetsBegroting(
      new Ledger(input, builtInKey('spuk-2025', input.base)),
      ALMERE,
      begroting,
      BESCHIKKING,
    );
    expect(master).toBe(t.signalen.length);
    expect(name).toBe(`${SHEETS.toets}!$C$3`);
    const kinds = new Set<SignaalSoort>(t.signalen.map((s) => s.soort));
    expect([...kinds].sort()).toEqual(
      [
        'aard-ontbreekt',
        'bbv-gat-2026',
        'bbv-gat-2029',
        'bbv-structureel',
        'hoofdthema',
        'onderdeel',
        'overheveling-2023',
        'overheveling-2025',
        'plafond',
        'vooruit-ontvangen',
        'zonder-onderdeel',
      ].sort(),
    );
  });

  it("Zwolle 2025: the Samenvatting's baten per taakveld are what is received (5.059.018), 90.747 eigen middelen", () => {
    const input = editionInput('vws-2026-04');
    const lasten = (y2025: number) => input.edition.years.map((y) => (y === 2025 ? y2025 : 0) as Euro);
    const row = (rij: number, regeling: BegrotingRegeling, taakveld: string, bedrag: number) => ({
      rij,
      regeling,
      onderdeel: undefined,
      activiteit: `Activiteit ${rij}`,
      taakveld,
      uitvoerder: 'Gemeente',
      aard: 'incidenteel' as const,
      lasten: lasten(bedrag),
      andereDekking: '',
      opmerking: '',
    });
    const begroting = {
      ...legeBegroting(input.edition),
      regels: [
        row(7, 'Brede SPUK', '5.1', 1_000_000),
        row(8, 'Brede SPUK', '6.1', 1_126_000),
        row(9, 'SPUK IZA', '7.1', 3_023_765),
      ],
    };
    const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE, begroting });
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, [SHEETS.toets, SHEETS.samenvatting]);
      expect(bad.slice(0, 10)).toEqual([]);
      const sheet = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.samenvatting) ?? -1);
      const start = sheet.findIndex((r) => String(r[0]).startsWith('Incidentele baten'));
      const baten = sheet.slice(start + 1, start + 6).map((r) => r[6]);
      expect(baten).toEqual([957_316, 1_077_937, 0, 3_023_765, 0]);
      expect(sheet[start + 6]?.[0]).toMatch(/Niet gedekt door de uitkering \(eigen middelen\)/);
      expect(sheet[start + 6]?.[6]).toBe(90_747);
    } finally {
      ev.destroy();
    }
  });

  it('an emptied Taakveld cell: the toets’s dekking, the Samenvatting and its mutaties put the lasten on the default taakveld (#18)', () => {
    const input = editionInput('vws-2026-04');
    const years = input.edition.years;
    const lasten = (bedrag: number) => years.map((y) => (y === 2025 ? bedrag : 0) as Euro);
    // Onderdeel 1 → 5.1, 11 → 6.1, 5 → 7.1, no onderdeel → 7.1, SPUK IZA → 7.1 (defaultTaakveld).
    const rows = (leeg: boolean) =>
      (
        [
          ['Brede SPUK', 1, '5.1', 1_500_000],
          ['Brede SPUK', 11, '6.1', 1_000_000],
          ['Brede SPUK', 5, '7.1', 200_000],
          ['Brede SPUK', undefined, '7.1', 100_000],
          ['SPUK IZA', undefined, '7.1', 3_100_000],
          ['Brede SPUK', 2, '6.71', 50_000],
          // Structural: no incidentele last, typed or emptied (its default is 7.1).
          ['SPUK IZA', undefined, '7.1', 400_000],
        ] as const
      ).map(([regeling, onderdeel, taakveld, bedrag], i) => ({
        rij: 7 + i,
        regeling,
        onderdeel,
        activiteit: `Activiteit ${i + 1}`,
        // The 6.71 row keeps its typed taakveld.
        taakveld: leeg && i !== 5 ? '' : taakveld,
        uitvoerder: 'Gemeente',
        aard: i === 6 ? ('structureel' as const) : ('incidenteel' as const),
        lasten: lasten(bedrag),
        andereDekking: '',
        opmerking: '',
      }));
    const begroting = (leeg: boolean) => ({ ...legeBegroting(input.edition), regels: rows(leeg) });
    const typed = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: ZWOLLE,
      begroting: begroting(false),
    });
    const emptied = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: ZWOLLE,
      begroting: begroting(true),
    });
    const t = toetsBegroting(new Ledger(input, builtInKey('spuk-2025', input.base)), ZWOLLE, begroting(true));
    // The domain: 5.1, 6.1, 6.71, 7.1, overige; nothing on "overige".
    expect(t.dekking['Brede SPUK'][2]?.lasten).toEqual([1_500_000, 1_000_000, 50_000, 300_000, 0]);
    // The werkmap made with typed taakvelden, then the user empties six Taakveld cells (all but the 6.71 row).
    const ev = evaluatePlan(typed);
    try {
      const col = begrotingTable(years).column('Taakveld');
      const sheet = ev.hf.getSheetId(SHEETS.begroting) ?? -1;
      for (const i of [0, 1, 2, 3, 4, 6])
        ev.hf.setCellContents({ sheet, row: col.top - 1 + i, col: col.left - 1 }, null);
      const { bad, cells } = formulaMismatches(emptied, ev, [
        SHEETS.toets,
        SHEETS.samenvatting,
        SHEETS.overzicht,
      ]);
      expect(cells).toBeGreaterThan(1000);
      expect(bad.slice(0, 10)).toEqual([]);
      const sv = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.samenvatting) ?? -1);
      const start = sv.findIndex((r) => String(r[0]).startsWith('Incidentele baten'));
      // 2.035.253 received pro rata 1.500.000 : 1.000.000 : 50.000 : 300.000; SPUK IZA 3.023.765 on 7.1.
      const baten = sv.slice(start + 1, start + 6).map((r) => r[6]);
      expect(baten).toEqual(t.perTaakveld.map((tv) => tv.baten[2]));
      expect(baten[4]).toBe(0);
      // The incidentele lasten on the same taakvelden (an emptied cell on its default, not "overige"):
      // 5.1, 6.1, 6.71, 7.1 (200.000 + 100.000 + 3.100.000; the structural 400.000 not), overige.
      const lastenStart = sv.findIndex((r) => String(r[0]).startsWith('Incidentele lasten'));
      const incidenteel = sv.slice(lastenStart + 1, lastenStart + 6).map((r) => r[6]);
      expect(incidenteel).toEqual([1_500_000, 1_000_000, 50_000, 3_400_000, 0]);
      expect(t.perTaakveld.map((tv) => tv.incidenteleLasten[2])).toEqual(incidenteel);
    } finally {
      ev.destroy();
    }
  });

  it('Rozendaal (member): a € 20.000 SPUK IZA activity is checked against what Arnhem passes on, typed or planned', () => {
    const input = editionInput('vws-2026-04');
    const rozendaal = 'GM0277' as CbsCode;
    const regel = {
      rij: 7,
      regeling: 'SPUK IZA' as const,
      onderdeel: undefined,
      activiteit: 'Valpreventie',
      taakveld: '7.1',
      uitvoerder: 'GGD',
      aard: 'incidenteel' as const,
      lasten: input.edition.years.map((y) => (y === 2025 ? 20_000 : 0) as Euro),
      andereDekking: '',
      opmerking: '',
    };
    const planned = { ...legeBegroting(input.edition), regels: [regel] };
    const typed = { ...planned, vanMandaatgemeente: { 'SPUK IZA': [undefined, undefined, 15_000 as Euro] } };
    for (const [begroting, signalen] of [
      [planned, 0],
      [typed, 1],
    ] as const) {
      const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: rozendaal, begroting });
      const ev = evaluatePlan(p);
      try {
        const { bad } = formulaMismatches(p, ev, [SHEETS.toets, SHEETS.samenvatting, SHEETS.beschikking]);
        expect(bad.slice(0, 10)).toEqual([]);
        expect(ev.value(SHEETS.toets, 'C3')).toBe(signalen);
        // "Let op" on the Samenvatting: the bodembedrag the SPUK AZWA lokaal 2027 does not carry.
        const texts = ev.hf
          .getSheetValues(ev.hf.getSheetId(SHEETS.samenvatting) ?? -1)
          .map((r) => String(r[0] ?? ''));
        // Wrapped to the printed width, a line per row: the warning is its row and the rows under it
        // up to the next warning or the empty row.
        const at = texts.findIndex((x) => x.startsWith('Bodembedrag:'));
        const end = texts.findIndex((x, i) => i > at && (x === '' || x.startsWith('SPUK AZWA')));
        expect(texts.slice(at, end).join(' ')).toContain('€ 72.896 in 2026, € 54.233 in 2027');
        expect(end - at).toBeGreaterThan(1);
      } finally {
        ev.destroy();
      }
    }
  });

  it('Rozendaal (member): Invoer_Van_Mandaatgemeente changed in the workbook, every sheet follows the domain built with it', () => {
    const input = editionInput('vws-2026-04');
    const rozendaal = 'GM0277' as CbsCode;
    const years = input.edition.years;
    const regel = (
      regeling: 'SPUK IZA' | 'SPUK AZWA regionaal',
      jaar: number,
      bedrag: number,
      rij: number,
    ) => ({
      rij,
      regeling,
      onderdeel: undefined,
      activiteit: `Activiteit ${regeling} ${jaar}`,
      taakveld: '7.1',
      uitvoerder: 'GGD',
      aard: 'incidenteel' as const,
      lasten: years.map((y) => (y === jaar ? bedrag : 0) as Euro),
      andereDekking: '',
      opmerking: '',
    });
    const planned = {
      ...legeBegroting(input.edition),
      regels: [regel('SPUK IZA', 2025, 20_000, 7), regel('SPUK AZWA regionaal', 2028, 50_000, 8)],
    };
    // What Arnhem passes on, typed: SPUK IZA 2025 € 15.000, SPUK AZWA regionaal 2028 € 40.000.
    const at = (jaar: number, bedrag: number): (Euro | undefined)[] =>
      years.map((y) => (y === jaar ? (bedrag as Euro) : undefined));
    const typed = {
      ...planned,
      vanMandaatgemeente: { 'SPUK IZA': at(2025, 15_000), 'SPUK AZWA regionaal': at(2028, 40_000) },
    };
    const given = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: rozendaal, begroting: typed });
    const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: rozendaal, begroting: planned });
    const expected = toetsBegroting(
      new Ledger(input, builtInKey('spuk-2025', input.base)),
      rozendaal,
      typed,
      [],
    );
    expect(expected.signalen.length).toBeGreaterThan(0);
    const ev = evaluatePlan(p);
    try {
      const ref = p.names.find((n) => n.name === 'Invoer_Van_Mandaatgemeente')?.ref ?? '';
      const [sheetName, range] = ref.split('!');
      const m = /\$([A-Z]+)\$(\d+)/.exec(range ?? '');
      const sheet = ev.hf.getSheetId(sheetName ?? '') ?? -1;
      const row0 = Number(m?.[2]) - 1;
      const col0 = (m?.[1] ?? 'E').charCodeAt(0) - 65;
      // Rows in REGIONALE_POSTEN order (SPUK IZA, SPUK AZWA regionaal), one column per year.
      const keys = ev.hf
        .getSheetValues(sheet)
        .slice(row0, row0 + 2)
        .map((r) => r[0]);
      expect(keys).toEqual(['MG-IZA', 'MG-AZWAR']);
      expect(ev.value(SHEETS.toets, 'C3')).toBe(buildSignalen(input, rozendaal, planned));
      ev.hf.setCellContents({ sheet, row: row0, col: col0 + years.indexOf(2025) }, 15_000);
      ev.hf.setCellContents({ sheet, row: row0 + 1, col: col0 + years.indexOf(2028) }, 40_000);
      const { bad, cells } = formulaMismatches(given, ev, [
        SHEETS.toets,
        SHEETS.samenvatting,
        SHEETS.beschikking,
        SHEETS.overzicht,
        SHEETS.controle,
      ]);
      expect(cells).toBeGreaterThan(1000);
      expect(bad.slice(0, 10)).toEqual([]);
      expect(ev.value(SHEETS.toets, 'C3')).toBe(expected.signalen.length);
      // The Samenvatting's baten 2025 include the € 15.000 passed on; Controle stays 0.
      expect(expected.vanMandaatgemeente['SPUK IZA'][years.indexOf(2025)]?.bedrag).toBe(15_000);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
    } finally {
      ev.destroy();
    }
  });

  it('Lelystad (member gemeente): regional lasten above what the mandaatgemeente passes on are signalled; an empty begroting has 0 signals', () => {
    const begroting = generated(7, 25);
    const p = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: LELYSTAD,
      begroting,
    });
    const { bad, master } = compare(p);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(master).toBeGreaterThan(0);
    const empty = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: LELYSTAD,
      begroting: legeBegroting(editionInput('vws-2026-04').edition),
    });
    const e = compare(empty);
    expect(e.bad).toEqual([]);
    expect(e.master).toBe(0);
  });
});

/** The domain's signal count for a begroting of a gemeente (the edition's ledger, no beschikking). */
function buildSignalen(
  input: ReturnType<typeof editionInput>,
  code: CbsCode,
  begroting: Parameters<typeof toetsBegroting>[2],
): number {
  return toetsBegroting(new Ledger(input, builtInKey('spuk-2025', input.base)), code, begroting, []).signalen
    .length;
}
