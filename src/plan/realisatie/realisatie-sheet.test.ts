/**
 * The sheet Realisatie for Zwolle (vws-2026-04): the user's table as the file has it, its schema
 * (the Begroting's versions with Prognose), and the proof (HyperFormula) that the sheet Verantwoording
 * follows the table like the domain: every formula equals the domain, and after an activity's amount,
 * a prognose or a year's realisatie is changed in the table, the besteding, the terugvordering and the
 * peiljaar are `verantwoording()`'s on the changed realisatie, to the euro. A row whose key
 * (Regeling|Onderdeel|Activiteit) is no Begroting row's is counted in A3 until the Begroting has it.
 */
import { defaultReferenceData, editionInput } from '../../data';
import type { BegrotingInvoer, BeschikkingRegel, CbsCode, Euro } from '../../domain';
import { begrotingKolommen, builtInKey, Ledger, plafonds } from '../../domain';
import type { RealisatieInvoer, Verantwoording } from '../../domain/verantwoording';
import { verantwoording } from '../../domain/verantwoording';
import { schemaError } from '../../excel/table-schema';
import { evaluatePlan, formulaMismatches } from '../../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../../test/support/evaluate-plan';
import { parsedBegroting, parsedRealisatie } from '../../../test/support/parsed';
import { begrotingSchema } from '../begroting/fixed-cells';
import { buildWorkbookPlan, parseCell, SHEETS } from '..';
import type { WorkbookPlan } from '..';
import { keyMisses, realisatieTable } from '.';

const input = editionInput('vws-2026-04');
const years = input.edition.years;
const ledger = new Ledger(input, builtInKey('spuk-2025', defaultReferenceData()));
const ZWOLLE = 'GM0193' as CbsCode;
const gemeente = input.base.gemeenten.find((g) => g.code === ZWOLLE)!;
const BESCHIKKING: BeschikkingRegel[] = [
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 2_035_253 as Euro },
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2026, bedrag: 1_732_939 as Euro },
];
const { perOnderdeel, perRegeling } = plafonds(ledger, ZWOLLE, BESCHIKKING);
const IZA = [2023, 2024, 2025, 2026].map((y) => perRegeling['SPUK IZA'][y - 2023]?.bedrag ?? 0);
const ONDERDELEN = ledger.lines.filter((l) => l.begroting === 'Brede SPUK').map((l) => l.nr);
const H = begrotingKolommen(years).join(';');
const blanks = (k: number) => ';'.repeat(k);

/** Onderdeel 1 underspends 2023 by 30%; Ontschot 2025/2026; SPUK IZA as beschikt; 2026's with a prognose. */
const REALISATIE = [
  `${H};Prognose 2026`,
  ...ONDERDELEN.map((nr, i) => {
    const a = perOnderdeel(nr, 2023);
    const b = perOnderdeel(nr, 2024);
    return `Brede SPUK;${nr};Onderdeel ${nr};;Sportbedrijf;incidenteel;${i === 0 ? Math.floor(a * 0.7) : a};${b}${blanks(years.length - 2)};;;`;
  }),
  `Brede SPUK;;Ontschot;;GGD;incidenteel;;;1800000;1500000${blanks(years.length - 4)};;;1900000`,
  `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;${IZA.join(';')}${blanks(years.length - 4)};;;`,
  `SPUK IZA;;Niet begroot;;GGD IJsselland;incidenteel;;;;1000${blanks(years.length - 4)};;;`,
].join('\n');
/** The Begroting: every activity of the realisatie but "Niet begroot"; Ontschot budgets 2026 at 1.600.000. */
const BEGROTING = [
  H,
  ...ONDERDELEN.map(
    (nr) => `Brede SPUK;${nr};Onderdeel ${nr};;Sportbedrijf;incidenteel${blanks(years.length)};;`,
  ),
  `Brede SPUK;;Ontschot;;GGD;incidenteel;;;1800000;1600000${blanks(years.length - 4)};;`,
  `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel${blanks(years.length)};;`,
].join('\n');

const realisatie: RealisatieInvoer = parsedRealisatie(REALISATIE, input.edition);
const begroting: BegrotingInvoer = parsedBegroting(BEGROTING, input.edition);

function plan(): WorkbookPlan {
  return buildWorkbookPlan(input, {
    key: 'spuk-2025',
    gemeente: ZWOLLE,
    beschikking: BESCHIKKING,
    begroting,
    realisatie,
  });
}

function domain(r: RealisatieInvoer): Verantwoording {
  return verantwoording({
    ledger,
    gemeente,
    gemeenten: input.base.gemeenten,
    beschikking: BESCHIKKING,
    begroting,
    realisatie: r,
  });
}

/** The realisatie with row `i`'s amount of `jaar` (and optionally its prognose) changed. */
function changed(
  r: RealisatieInvoer,
  i: number,
  jaar: number,
  bedrag: number,
  prognose?: number | null,
): RealisatieInvoer {
  const regels = r.regels.map((x, k) =>
    k !== i
      ? x
      : {
          ...x,
          lasten: x.lasten.map((v, j) => (years[j] === jaar ? (bedrag as Euro) : v)),
          prognose: prognose === undefined ? x.prognose : prognose === null ? undefined : (prognose as Euro),
        },
  );
  const given = regels.some((x) => x.prognose !== undefined);
  return { regels, prognoseJaar: given ? (r.prognoseJaar ?? 2026) : undefined };
}

const table = realisatieTable(years);

describe('the sheet Realisatie', () => {
  const p = plan();
  const sheet = p.sheets.find((s) => s.name === SHEETS.realisatie)!;

  it('is the user’s, right after Begroting, with the file’s rows and the Begroting’s schema plus Prognose', () => {
    const names = p.sheets.map((s) => s.name);
    expect(names.indexOf(SHEETS.realisatie)).toBe(names.indexOf(SHEETS.begroting) + 1);
    const schema = sheet.userOwned?.table;
    expect(schema?.name).toBe('Realisatie');
    expect(schema?.columns).toEqual([...begrotingKolommen(years), 'Prognose']);
    expect(schema?.version).toBe(begrotingSchema(years).version);
    expect(schemaError(schema!)).toBeUndefined();
    expect(sheet.tables).toEqual([
      { name: 'Realisatie', range: `A6:Q${6 + realisatie.regels.length}`, style: 'TableStyleMedium4' },
    ]);
    const body = sheet.blocks.find((b) => b.kind === 'values' && b.at === 'A7');
    expect(body?.kind === 'values' && body.values[ONDERDELEN.length]).toEqual([
      'Brede SPUK',
      null,
      'Ontschot',
      '7.1',
      'GGD',
      'incidenteel',
      null,
      null,
      1_800_000,
      1_500_000,
      null,
      null,
      null,
      null,
      '',
      '',
      1_900_000,
    ]);
    // The add-in's range: the heading rows only (its totals are on the sheet Besteding), never the table.
    expect(sheet.userOwned?.addinRanges).toEqual(['A1:Q4']);
    expect(names.indexOf(SHEETS.besteding)).toBe(names.indexOf(SHEETS.realisatie) + 1);
    expect(p.sheets.find((s) => s.name === SHEETS.besteding)?.userOwned).toBeUndefined();
    const name = (n: string) => p.names.find((x) => x.name === n);
    expect(name('Invoer_Prognosejaar')).toMatchObject({ ref: 'Realisatie!$E$4', input: true });
    expect(name('Invoer_Besteding_Brede_SPUK')?.input).toBe(false);
    expect(name('Invoer_Besteding_Onderdelen_Brede_SPUK')?.input).toBe(false);
    const without = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE });
    expect(without.sheets.map((s) => s.name)).not.toContain(SHEETS.realisatie);
  });

  it('Besteding prints on one page: the per-onderdeel realisatie, begroting and besteding side by side (#18)', () => {
    const b = p.sheets.find((s) => s.name === SHEETS.besteding)!;
    expect([b.print.orientation, b.print.fitToWidth, b.print.fitToHeight]).toEqual(['landscape', true, 1]);
    const heads = b.blocks.find(
      (x) => x.kind === 'values' && x.values[0]?.[0] === 'Realisatie 2023' && x.at.startsWith('D'),
    );
    expect(heads?.kind === 'values' && heads.values[0]).toEqual([
      'Realisatie 2023',
      'Realisatie 2024',
      'Begroting 2023',
      'Begroting 2024',
      'Besteding 2023',
      'Besteding 2024',
      'Prognose opgegeven 2023',
      'Prognose opgegeven 2024',
      'Prognose 2023',
      'Prognose 2024',
    ]);
    // The years with realisatie and the peiljaar (D6:K8) read as years, not "2.026" (the last format wins).
    expect(b.formats.filter((f) => /^D6:/.test(f.range)).map((f) => f.style)).toEqual(['year']);
    // 15 onderdelen once, not three times: the sheet's rows end within one landscape page's 70 rows.
    const last = Number(/\d+$/.exec(b.print.area ?? '')?.[0]);
    expect(last).toBeLessThanOrEqual(70);
  });

  it('keeps the house rules: ≤ 125 characters, one IF', () => {
    const formulas = p.sheets
      .filter((x) => x.name === SHEETS.realisatie || x.name === SHEETS.besteding)
      .flatMap((x) => x.blocks.flatMap((b) => (b.kind === 'formula' ? [b.formula] : [])));
    expect(formulas.length).toBeGreaterThan(20);
    const code = (f: string) => f.replace(/"(?:[^"]|"")*"/g, '""');
    expect(formulas.filter((f) => f.length > 125 || (code(f).match(/\bIF\(/g) ?? []).length > 1)).toEqual([]);
  });

  it('the Verantwoording follows the table like the domain (HyperFormula)', () => {
    const ev: EvaluatedPlan = evaluatePlan(p);
    try {
      const { cells, bad } = formulaMismatches(p, ev, [
        SHEETS.realisatie,
        SHEETS.besteding,
        SHEETS.verantwoording,
      ]);
      expect(bad.slice(0, 10)).toEqual([]);
      expect(cells).toBeGreaterThan(1_500);
      const rid = ev.hf.getSheetId(SHEETS.realisatie) ?? -1;
      const vid = ev.hf.getSheetId(SHEETS.verantwoording) ?? -1;
      const a3 = () => ev.value(SHEETS.realisatie, 'A3');
      expect(keyMisses(realisatie.regels, begroting.regels).filter(Boolean)).toHaveLength(1);
      expect(a3()).toBe('Rijen zonder begrotingsregel: 1 (zie blad Besteding)');
      const rows = (label: string) =>
        ev.hf
          .getSheetValues(vid)
          .filter((line) => line[0] === label)
          .map((line) => line.slice(1, 5));
      const follows = (r: RealisatieInvoer) => {
        const v = domain(r);
        expect(rows('Besteding')).toEqual(v.regelingen.map((x) => x.jaren.map((j) => j.besteding)));
        expect(rows('Terugvordering (lezing per jaar)')).toEqual(
          v.regelingen.map((x) => x.jaren.map((j) => j.terugvordering ?? 'onbekend')),
        );
        expect(rows('Verwachte terugvordering: cumulatief over de looptijd').map((x) => x[0])).toEqual(
          v.regelingen.map((x) => x.terugvordering.cumulatief ?? 'onbekend'),
        );
        expect(ev.value(SHEETS.besteding, 'D8')).toBe(v.peiljaar ?? 0);
        return v;
      };
      const set = (row: number, col: number, value: number | null) =>
        ev.hf.setCellContents({ sheet: rid, row: table.firstRow + row - 1, col: col - 1 }, [[value]]);
      const colOf = (heading: string) => table.column(heading).left;
      const ontschot = ONDERDELEN.length;
      const before = follows(realisatie);
      // One activity's amount: onderdeel 1 spends all of 2023 → its underspend and terugvordering go.
      const all2023 = perOnderdeel(ONDERDELEN[0] ?? 1, 2023);
      set(0, colOf('2023'), all2023);
      let r = changed(realisatie, 0, 2023, all2023);
      const after = follows(r);
      const brede = (v: Verantwoording) => v.regelingen.find((x) => x.regels.regeling === 'brede-spuk')!;
      expect(brede(after).terugvordering.cumulatief).toBeLessThan(
        brede(before).terugvordering.cumulatief ?? 0,
      );
      // Ontschot 2025 spends 300.000 less: the cumulative terugvordering rises by as much as the domain says.
      set(ontschot, colOf('2025'), 1_500_000);
      r = changed(r, ontschot, 2025, 1_500_000);
      follows(r);
      // Without the prognose the 2026 realisatie counts; without any 2026 amount the peiljaar is 2025 and
      // 2026 is the begroting (1.600.000).
      set(ontschot, colOf('Prognose'), null);
      r = changed(r, ontschot, 2026, 1_500_000, null);
      expect(follows(r).peiljaar).toBe(2026);
      set(ontschot, colOf('2026'), null);
      set(ontschot + 1, colOf('2026'), null);
      set(ontschot + 2, colOf('2026'), null);
      r = changed(changed(changed(r, ontschot, 2026, 0), ontschot + 1, 2026, 0), ontschot + 2, 2026, 0);
      const v = follows(r);
      expect(v.peiljaar).toBe(2025);
      expect(brede(v).jaren.find((j) => j.jaar === 2026)?.besteding).toBe(1_600_000);
      // The activity without a Begroting row: counted until its key is in the Begroting.
      const bid = ev.hf.getSheetId(SHEETS.begroting) ?? -1;
      const next = 7 + begroting.regels.length;
      ev.hf.setCellContents({ sheet: bid, row: next - 1, col: 0 }, [['SPUK IZA', null, 'Niet begroot']]);
      expect(a3()).toBe('Rijen zonder begrotingsregel: 0 (geen)');
    } finally {
      ev.destroy();
    }
  });
});

/**
 * Issue #17: the prognose counts per regeling, as the domain's basis (a regeling's rows in the
 * prognose year count with their prognose only when one of its own rows has one). SPUK IZA has no
 * prognose here, the Brede SPUK has (Ontschot 2026): text "n.v.t." in the column Prognose of the
 * SPUK IZA row made that row's 2026 realisatie drop from the SPUK IZA besteding (the flag was set by
 * the Brede SPUK's prognose and the row is no row "zonder prognose"); now SPUK IZA keeps its
 * realisatie, as the domain (which never sees the text: the readers refuse it), and Controle counts
 * the text (`realisatie-tekst`).
 */
describe('the prognose counts per regeling, as the domain (HyperFormula)', () => {
  it('text in the Prognose of a SPUK IZA row: the SPUK IZA besteding 2026 stays its realisatie', () => {
    const p = plan();
    const ev = evaluatePlan(p);
    try {
      const regioplan = ONDERDELEN.length + 1;
      expect(realisatie.regels[regioplan]?.activiteit).toBe('Regioplan');
      const rid = ev.hf.getSheetId(SHEETS.realisatie) ?? -1;
      const vid = ev.hf.getSheetId(SHEETS.verantwoording) ?? -1;
      ev.hf.setCellContents(
        { sheet: rid, row: table.firstRow + regioplan - 1, col: table.column('Prognose').left - 1 },
        [['n.v.t.']],
      );
      const besteding = ev.hf
        .getSheetValues(vid)
        .filter((line) => line[0] === 'Besteding')
        .map((line) => line.slice(1, 5));
      const v = domain(realisatie);
      const iza = v.regelingen.findIndex((x) => x.regels.regeling === 'spuk-iza');
      expect(v.regelingen[iza]?.jaren.map((j) => j.basis)).toEqual([
        'realisatie',
        'realisatie',
        'realisatie',
        'realisatie',
      ]);
      expect(besteding[iza]?.[3]).toBe((IZA[3] ?? 0) + 1000); // Regioplan and "Niet begroot"
      expect(besteding).toEqual(v.regelingen.map((x) => x.jaren.map((j) => j.besteding)));
    } finally {
      ev.destroy();
    }
  });
});

describe('a verantwoording drawn up in 2024: the prognose of a per-onderdeel year (#19)', () => {
  // Onderdeel 1 has spent 2024 up to now and expects 100.000 more; the others spent their plafond.
  const first = ONDERDELEN[0] ?? 1;
  const spent = Math.floor(perOnderdeel(first, 2024) * 0.5);
  const csv = [
    `${H};Prognose 2024`,
    ...ONDERDELEN.map((nr, i) => {
      const a = perOnderdeel(nr, 2023);
      const b = i === 0 ? spent : perOnderdeel(nr, 2024);
      return `Brede SPUK;${nr};Onderdeel ${nr};;Sportbedrijf;incidenteel;${a};${b}${blanks(years.length - 2)};;;${i === 0 ? spent + 100_000 : ''}`;
    }),
  ].join('\n');
  const r2024: RealisatieInvoer = parsedRealisatie(csv, input.edition);
  const p = buildWorkbookPlan(input, {
    key: 'spuk-2025',
    gemeente: ZWOLLE,
    beschikking: BESCHIKKING,
    begroting,
    realisatie: r2024,
  });

  it('counts the onderdeel with its prognose on the sheet Besteding, as the domain does (HyperFormula)', () => {
    expect(r2024.prognoseJaar).toBe(2024);
    const v = domain(r2024);
    const brede = v.regelingen.find((x) => x.regels.regeling === 'brede-spuk')!;
    const o1 = brede.onderdelen.find((o) => o.nr === first)!.jaren.find((j) => j.jaar === 2024)!;
    expect([o1.basis, o1.besteding]).toEqual(['prognose', spent + 100_000]);
    const ev: EvaluatedPlan = evaluatePlan(p);
    try {
      const { cells, bad } = formulaMismatches(p, ev, [SHEETS.besteding, SHEETS.verantwoording]);
      expect(bad.slice(0, 10)).toEqual([]);
      expect(cells).toBeGreaterThan(500);
      // The Besteding's per-onderdeel block (the onderdeel's number in the hidden column C, its name in
      // A): onderdeel 1's 2024 besteding is its realisatie plus what it still expects, the prognose.
      const bid = ev.hf.getSheetId(SHEETS.besteding) ?? -1;
      const row = ev.hf.getSheetValues(bid).find((line) => line[2] === first && line[1] === 'Brede SPUK');
      expect(row?.[0]).toBe('1. Sportakkoord');
      expect(row?.slice(3, 9)).toEqual([
        perOnderdeel(first, 2023),
        spent,
        0,
        0,
        perOnderdeel(first, 2023),
        spent + 100_000,
      ]);
    } finally {
      ev.destroy();
    }
  });
});

describe('an Uitvoerder of digits only (closing9 "Noticed": Ommen’s 0175 showed 175)', () => {
  it('is its number, so SUMIFS matches it everywhere, and a CBS code keeps its leading zero on screen (format 0000)', () => {
    const row = (activiteit: string, uitvoerder: string) =>
      `SPUK IZA;;${activiteit};;${uitvoerder};incidenteel;1000${blanks(years.length - 1)};;`;
    const csv = [H, row('Ommen', '0175'), row('Kampen', '166'), row('Nullen', '00166'), row('Code', 'GM0166')]
      .join('\n')
      .concat('\n');
    const plan = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: ZWOLLE,
      realisatie: parsedRealisatie(csv, input.edition),
    });
    const sheet = plan.sheets.find((s) => s.name === SHEETS.realisatie)!;
    const table = realisatieTable(years);
    const col = table.column('Uitvoerder');
    const cells = [0, 1, 2, 3].map((i) => col.rows(i).address());
    const valueAt = (a1: string) => {
      for (const b of sheet.blocks) {
        if (b.kind !== 'values') continue;
        const at = parseCell(b.at);
        const c = parseCell(a1);
        const v = b.values[c.row - at.row]?.[c.col - at.col];
        if (v !== undefined) return v;
      }
      return undefined;
    };
    expect(cells.map(valueAt)).toEqual([175, 166, 166, 'GM0166']);
    const formatOf = (a1: string) =>
      sheet.formats
        .filter((f) => f.range === a1)
        .map((f) => plan.styles[f.style].numberFormat)
        .filter((x) => x !== undefined);
    expect(cells.map(formatOf)).toEqual([['0000'], [], [], []]);
    // The number the formulas read is unchanged: every formula still equals the domain.
    const ev = evaluatePlan(plan);
    try {
      expect(formulaMismatches(plan, ev, [SHEETS.besteding, SHEETS.verantwoording]).bad).toEqual([]);
    } finally {
      ev.destroy();
    }
  });
});
