import fc from 'fast-check';
import { defaultReferenceData, editionInput } from '../../data';
import type { BegrotingRegel, BeschikkingRegel, Gemeente } from '..';
import { builtInKey, doorTeGevenAanLeden, euro, Ledger, legeBegroting, plafonds } from '..';
import type { RealisatieRegel, VerantwoordingAannames } from '.';
import { sisaOpgave, verantwoording, verantwoordingRegels } from '.';
import { sisaCodes } from '../edition';
import { rowBuilder } from '../../../test/support/begroting-rows';

const base = defaultReferenceData();
const ledger = new Ledger(editionInput('vws-2026-04'), builtInKey('spuk-2025', base));
const edition = ledger.input.edition;
const gemeente = (code: string): Gemeente => {
  const g = base.gemeenten.find((x) => x.code === code);
  if (!g) throw new Error(code);
  return g;
};
const ZWOLLE = gemeente('GM0193'); // mandaatgemeente IJssel-Vecht
const KAMPEN = gemeente('GM0166'); // member of IJssel-Vecht
/** The edition's year axis (2023–2030 for vws-2026-04). */
const YEARS = edition.years;

// Zwolle's Brede SPUK 2025 and 2026 as in Bijlage 2A of the VWS letter of 12-09-2025.
const BESCHIKKING: BeschikkingRegel[] = [
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: euro(2_035_253) },
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2026, bedrag: euro(1_732_939) },
];
const { perOnderdeel } = plafonds(ledger, ZWOLLE.code, BESCHIKKING);
/** What the Regioverdeling plans Zwolle to pass on to the 7 other members of IJssel-Vecht, 2023–2026. */
const GEPLAND = doorTeGevenAanLeden(ledger, ZWOLLE.code)['SPUK IZA'].slice(0, 4);
const ONDERDELEN = edition.lines.filter((l) => l.begroting === 'Brede SPUK').map((l) => l.nr);

/** Realisatie rows (and begroting rows: the same shape) with lasten per year given as {2025: 100, …}. */
const { realisatie: regel } = rowBuilder(YEARS, { activiteit: (rij) => `Activiteit ${rij}` });

/** Realisatie rows that spend each onderdeel's 2023 and 2024 beschikking exactly (plus deltas). */
function onderdelenExact(delta: Partial<Record<string, number>> = {}): RealisatieRegel[] {
  return ONDERDELEN.map((nr) =>
    regel(
      'Brede SPUK',
      {
        2023: perOnderdeel(nr, 2023) + (delta[`${nr}|2023`] ?? 0),
        2024: perOnderdeel(nr, 2024) + (delta[`${nr}|2024`] ?? 0),
      },
      { onderdeel: nr },
    ),
  );
}

function run(
  rows: RealisatieRegel[],
  opts: {
    prognoseJaar?: number;
    begroting?: BegrotingRegel[];
    beschikking?: BeschikkingRegel[];
    aannames?: VerantwoordingAannames;
    g?: Gemeente;
  } = {},
) {
  return verantwoording({
    ledger,
    gemeente: opts.g ?? ZWOLLE,
    gemeenten: base.gemeenten,
    beschikking: opts.beschikking ?? BESCHIKKING,
    begroting: { ...legeBegroting(edition), regels: opts.begroting ?? [] },
    realisatie: { regels: rows, prognoseJaar: opts.prognoseJaar },
    ...(opts.aannames ? { aannames: opts.aannames } : {}),
  });
}
const brede = (v: ReturnType<typeof run>) => v.regelingen.find((r) => r.regels.post === 'Brede SPUK')!;
const iza = (v: ReturnType<typeof run>) => v.regelingen.find((r) => r.regels.post === 'SPUK IZA')!;
const year = (r: ReturnType<typeof brede>, jaar: number) => r.jaren.find((j) => j.jaar === jaar)!;

describe('verantwoording rules from the edition', () => {
  it('Brede SPUK: 20% per onderdeel from 2023, 2024 not found (aanname), 10% from 2025; SPUK IZA 0% from 2023', () => {
    const rs = verantwoordingRegels(edition);
    const b = rs.find((r) => r.regeling === 'brede-spuk')!;
    expect(b.post).toBe('Brede SPUK');
    expect(b.perOnderdeelJaren).toEqual([2023, 2024]);
    expect(b.overheveling(2023)).toMatchObject({ waarde: 20, per: 'onderdeel', grondslag: 'praktijk' });
    expect(b.overheveling(2024)).toMatchObject({ waarde: null, grondslag: 'aanname' });
    expect(b.overheveling(2025)).toMatchObject({ waarde: 10, per: 'regeling', grondslag: 'brief' });
    expect(b.eindafrekening).toMatchObject({ jaar: 2027, wijze: null, grondslag: 'aanname' });
    const i = rs.find((r) => r.regeling === 'spuk-iza')!;
    expect(i.overheveling(2023)).toMatchObject({ waarde: 0, grondslag: 'praktijk' });
    // 2024 and 2025: no source; the edition's rules (regels.overheveling) state 0% as a flagged aanname.
    expect(i.overheveling(2025)).toMatchObject({ waarde: 0, grondslag: 'aanname' });
    expect(i.vervaldatum).toMatchObject({ vervalt: '2027-07-16', grondslag: 'regeling' });
    expect(rs.map((r) => r.regeling)).toEqual(['brede-spuk', 'spuk-iza']);
  });

  it('a controller aanname replaces a rule and says so', () => {
    const b = verantwoordingRegels(edition, {
      overheveling: [{ regeling: 'brede-spuk', vanJaar: 2024, waarde: 5 }],
    }).find((r) => r.regeling === 'brede-spuk')!;
    expect(b.overheveling(2024)).toMatchObject({ waarde: 5, grondslag: 'aanname' });
    expect(b.overheveling(2024)?.bron).toMatch(/^Ingesteld door de controller \(editie: niet gevonden/);
  });
});

describe('verantwoording: Brede SPUK 2025–2026 (Zwolle, Bijlage 2A)', () => {
  it('underspend 2025 carried at the limit (10% = 203.525) and spent in 2026', () => {
    const v = run([
      ...onderdelenExact(),
      regel('Brede SPUK', { 2025: 1_800_000, 2026: 1_732_939 + 203_525 }),
    ]);
    const b = brede(v);
    const y25 = year(b, 2025);
    expect(y25).toMatchObject({
      beschikking: 2_035_253,
      beschikkingBron: 'beschikking',
      besteding: 1_800_000,
      saldo: 235_253,
      limiet: 203_525,
      overhevelingUit: 203_525,
      gebruikt: 203_525,
      overhevelingTeveel: 0,
      terugvordering: 31_728,
    });
    const y26 = year(b, 2026);
    expect(y26).toMatchObject({
      overhevelingIn: 203_525,
      beschikbaar: 1_936_464,
      saldo: 0,
      limiet: 0,
      terugvordering: 0,
    });
    expect(b.terugvordering.perJaar).toBe(31_728);
    expect(b.terugvordering.cumulatief).toBe(31_728);
    expect(y26.cumOnderbesteding).toBe(31_728);
    expect(v.signalen.filter((s) => s.regeling === 'Brede SPUK').map((s) => s.soort)).toEqual([
      'terugvordering',
    ]);
  });

  it('carry-over above the limit: 220.000 used in 2026, 16.475 above the 10%', () => {
    const v = run([
      ...onderdelenExact(),
      regel('Brede SPUK', { 2025: 1_800_000, 2026: 1_732_939 + 220_000 }),
    ]);
    const b = brede(v);
    expect(year(b, 2025)).toMatchObject({
      gebruikt: 220_000,
      overhevelingUit: 203_525,
      overhevelingTeveel: 16_475,
    });
    expect(year(b, 2026)).toMatchObject({ overschrijding: 16_475, onbesteed: 0 });
    expect(b.terugvordering).toMatchObject({ perJaar: 31_728, cumulatief: 15_253 });
    const soorten = v.signalen
      .filter((s) => s.regeling === 'Brede SPUK')
      .map((s) => [s.soort, s.jaar, s.bedrag]);
    expect(soorten).toEqual([
      ['overheveling-boven-limiet', 2025, 16_475],
      ['boven-plafond', 2026, 16_475],
      ['terugvordering', undefined, 15_253],
    ]);
  });

  it('overspend: realisatie above the plafond, nothing to reclaim', () => {
    const v = run([...onderdelenExact(), regel('Brede SPUK', { 2025: 2_100_000, 2026: 1_732_939 })]);
    const b = brede(v);
    expect(year(b, 2025)).toMatchObject({ overschrijding: 64_747, onbesteed: 0, terugvordering: 0 });
    expect(b.terugvordering).toMatchObject({ perJaar: 0, cumulatief: 0 });
    const soorten = v.signalen.filter((s) => s.regeling === 'Brede SPUK').map((s) => s.soort);
    expect(soorten).toEqual(['boven-plafond']);
  });

  it('money spent after the end of the regeling (2027) is signalled', () => {
    const v = run([
      ...onderdelenExact(),
      regel('Brede SPUK', { 2025: 2_035_253, 2026: 1_732_939, 2027: 50_000 }),
    ]);
    expect(brede(v).naEinde).toEqual([{ jaar: 2027, bedrag: 50_000 }]);
    expect(v.signalen).toContainEqual({
      soort: 'na-einde',
      regeling: 'Brede SPUK',
      jaar: 2027,
      bedrag: 50_000,
    });
  });

  it('a prognose replaces the realisatie of its year; the begroting counts after the peiljaar', () => {
    const v = run(
      [
        ...onderdelenExact(),
        regel('Brede SPUK', { 2025: 2_035_253, 2026: 900_000 }, { prognose: euro(1_700_000) }),
      ],
      { prognoseJaar: 2026 },
    );
    const y26 = year(brede(v), 2026);
    expect(y26).toMatchObject({
      realisatie: 900_000,
      prognose: 1_700_000,
      besteding: 1_700_000,
      basis: 'prognose',
      onbesteed: 32_939,
    });
    expect(brede(v).terugvordering.cumulatief).toBe(32_939);
    expect(v.peiljaar).toBe(2026);
  });
});

describe('verantwoording: Brede SPUK per onderdeel 2023–2024', () => {
  const [o1, o2] = ONDERDELEN as [number, number];
  it('20% of an onderdeel carried from 2023 and used in 2024; above it: signal per onderdeel', () => {
    const b23 = perOnderdeel(o1, 2023);
    const limiet = Math.floor((b23 * 20) / 100);
    const rows = [
      ...onderdelenExact({ [`${o1}|2023`]: -limiet - 1_000, [`${o1}|2024`]: limiet + 1_000 }),
      regel('Brede SPUK', { 2025: 2_035_253, 2026: 1_732_939 }),
    ];
    const b = brede(run(rows));
    const r23 = b.onderdelen.find((o) => o.nr === o1)!.jaren[0]!;
    expect(r23).toMatchObject({
      jaar: 2023,
      limiet,
      onbesteed: limiet + 1_000,
      overhevelingUit: limiet,
      gebruikt: limiet + 1_000,
      overhevelingTeveel: 1_000,
      terugvordering: 1_000,
    });
    expect(year(b, 2023)).toMatchObject({
      onbesteed: limiet + 1_000,
      overhevelingUit: limiet,
      overhevelingTeveel: 1_000,
      terugvordering: 1_000,
    });
    const r24 = b.onderdelen.find((o) => o.nr === o1)!.jaren[1]!;
    expect(r24).toMatchObject({ overhevelingIn: limiet, overschrijding: 1_000 });
    const v = run(rows);
    expect(v.signalen).toContainEqual(
      expect.objectContaining({
        soort: 'overheveling-boven-limiet',
        onderdeel: o1,
        jaar: 2023,
        bedrag: 1_000,
      }),
    );
    expect(v.signalen).toContainEqual({
      soort: 'boven-plafond',
      regeling: 'Brede SPUK',
      onderdeel: o1,
      jaar: 2024,
      bedrag: 1_000,
    });
    // Cumulatively the two years net out.
    expect(b.terugvordering.cumulatief).toBe(0);
  });

  it('an overspent onderdeel does not cover another one’s underspend (per jaar); cumulatively it does', () => {
    const rows = [
      ...onderdelenExact({ [`${o1}|2024`]: 5_000, [`${o2}|2024`]: -5_000 }),
      regel('Brede SPUK', { 2025: 2_035_253, 2026: 1_732_939 }),
    ];
    const v = run(rows);
    const b = brede(v);
    expect(year(b, 2024)).toMatchObject({
      saldo: 0,
      onbesteed: 5_000,
      overschrijding: 5_000,
      limiet: undefined,
      terugvordering: undefined,
    });
    expect(b.terugvordering).toMatchObject({ perJaar: undefined, cumulatief: 0 });
    expect(v.signalen).toContainEqual(
      expect.objectContaining({ soort: 'limiet-onbekend', jaar: 2024, bedrag: 5_000 }),
    );
    // The controller decides the 2024 rule: 0% carried.
    const w = run(rows, {
      aannames: { overheveling: [{ regeling: 'brede-spuk', vanJaar: 2024, waarde: 0 }] },
    });
    expect(year(brede(w), 2024)).toMatchObject({ limiet: 0, terugvordering: 5_000 });
    expect(brede(w).terugvordering.perJaar).toBe(5_000);
  });

  it('realisatie without onderdeel in 2023–2024 is signalled', () => {
    const v = run([
      ...onderdelenExact(),
      regel('Brede SPUK', { 2024: 10_000, 2025: 2_035_253, 2026: 1_732_939 }),
    ]);
    expect(v.signalen).toContainEqual({
      soort: 'zonder-onderdeel',
      regeling: 'Brede SPUK',
      jaar: 2024,
      bedrag: 10_000,
    });
  });
});

describe('verantwoording: SPUK IZA (Zwolle, mandaatgemeente IJssel-Vecht, 3.023.765 per year)', () => {
  const begroting = [
    regel('SPUK IZA', { 2024: 500_000, 2025: 500_000 }, { uitvoerder: 'Kampen' }),
    regel('SPUK IZA', { 2024: 2_523_765 }, { uitvoerder: 'GGD IJsselland' }),
  ];
  it('H35 own besteding, H35B per medeoverheid; a medeoverheid that spent less than it received', () => {
    const rows = [
      ...onderdelenExact(),
      regel('Brede SPUK', { 2025: 2_035_253, 2026: 1_732_939 }),
      regel(
        'SPUK IZA',
        { 2023: 3_023_765, 2024: 420_000, 2025: 500_000 },
        { uitvoerder: 'GM0166', activiteit: 'Kampen' },
      ),
      regel(
        'SPUK IZA',
        { 2024: 2_523_765, 2025: 2_523_765, 2026: 3_242_094 },
        { uitvoerder: 'GGD IJsselland' },
      ),
    ];
    const v = run(rows, { begroting });
    const i = iza(v);
    expect(i.iza?.rol).toBe('mandaatgemeente');
    expect(i.iza?.medeoverheden.filter((m) => m.jaar === 2024)).toEqual([
      {
        code: KAMPEN.code,
        naam: 'Kampen',
        jaar: 2024,
        ontvangen: 500_000,
        besteed: 420_000,
        realisatie: 420_000,
        verschil: 80_000,
      },
    ]);
    expect(i.iza?.jaren.find((j) => j.jaar === 2024)).toEqual({
      jaar: 2024,
      eigen: 2_523_765,
      doorbetaald: 500_000,
      gepland: GEPLAND[1],
      h35b: 420_000,
      basis: 'realisatie',
    });
    expect(year(i, 2024)).toMatchObject({ beschikking: 3_023_765, besteding: 2_943_765, onbesteed: 80_000 });
    // 2023 → 2024: 0% (VNG), so nothing carries; 2024 → 2025: 0% as an aanname (no source), so the
    // € 80.000 not spent by Kampen is expected back.
    expect(year(i, 2023)).toMatchObject({ limiet: 0, terugvordering: 0 });
    expect(year(i, 2024)).toMatchObject({ limiet: 0, terugvordering: 80_000 });
    expect(i.terugvordering.cumulatief).toBe(80_000);
    expect(v.signalen).toContainEqual({
      soort: 'h35b-verschil',
      regeling: 'SPUK IZA',
      jaar: 2024,
      bedrag: 80_000,
    });
    expect(v.signalen).not.toContainEqual(
      expect.objectContaining({ soort: 'limiet-onbekend', regeling: 'SPUK IZA', jaar: 2024 }),
    );
  });

  it('the SiSa opgave: H35 own besteding, H35B per medeoverheid, cumulative through T, eindverantwoording Ja in 2026', () => {
    const rows = [
      ...onderdelenExact(),
      regel('Brede SPUK', { 2025: 2_035_253, 2026: 1_732_939 }),
      regel('SPUK IZA', { 2024: 420_000 }, { uitvoerder: 'Kampen' }),
      regel('SPUK IZA', { 2023: 3_023_765, 2024: 2_523_765, 2025: 3_023_765, 2026: 3_242_094 }),
    ];
    const v = run(rows, { begroting });
    const lines = sisaOpgave(iza(v), sisaCodes(edition, 'spuk-iza'));
    expect(lines.filter((l) => l.jaar === 2024)).toEqual([
      { jaar: 2024, code: 'H35', besteding: 2_523_765, cumulatief: 5_967_530, eindverantwoording: false },
      {
        jaar: 2024,
        code: 'H35B',
        medeoverheid: { code: 'GM0166', naam: 'Kampen' },
        besteding: 420_000,
        cumulatief: undefined,
        eindverantwoording: false,
      },
    ]);
    expect(lines.filter((l) => l.eindverantwoording).map((l) => l.jaar)).toEqual([2026]);
    // Brede SPUK: per onderdeel in 2023–2024 (15 lines each), one line from 2025; no code is stated.
    const b = sisaOpgave(brede(v), sisaCodes(edition, 'brede-spuk'));
    expect(b.filter((l) => l.jaar === 2023)).toHaveLength(15);
    expect(b.filter((l) => l.jaar === 2025)).toEqual([
      {
        jaar: 2025,
        code: undefined,
        besteding: 2_035_253,
        cumulatief: year(brede(v), 2025).cumBesteding,
        eindverantwoording: false,
      },
    ]);
  });

  it('H35 and H35B on one basis: in the prognose year both the prognose (review: 745.000 mixed Kampen’s prognose into H35)', () => {
    const rows = [
      {
        ...regel('SPUK IZA', { 2023: 410_250, 2024: 455_800, 2025: 463_920, 2026: 371_460 }),
        prognose: euro(495_000),
      },
      {
        ...regel(
          'SPUK IZA',
          { 2023: 200_000, 2024: 250_000, 2025: 300_000, 2026: 100_000 },
          { uitvoerder: 'Kampen' },
        ),
        prognose: euro(350_000),
      },
    ];
    const kampen = regel('SPUK IZA', { 2025: 300_000, 2026: 350_000 }, { uitvoerder: 'Kampen' });
    const i = iza(run(rows, { prognoseJaar: 2026, begroting: [kampen] }));
    const j2026 = i.iza?.jaren.find((j) => j.jaar === 2026);
    expect(j2026).toEqual({
      jaar: 2026,
      eigen: 495_000,
      doorbetaald: 350_000,
      gepland: GEPLAND[3],
      h35b: 350_000,
      basis: 'prognose',
    });
    expect(year(i, 2026).besteding).toBe(845_000);
    expect(i.iza?.medeoverheden.find((m) => m.jaar === 2026)).toMatchObject({
      ontvangen: 350_000,
      realisatie: 100_000,
      besteed: 350_000,
      verschil: 0,
    });
    const lines = sisaOpgave(i, sisaCodes(edition, 'spuk-iza')).filter((l) => l.jaar === 2026);
    expect(lines.map((l) => [l.code, l.besteding])).toEqual([
      ['H35', 495_000],
      ['H35B', 350_000],
    ]);
    // After the peiljaar (no prognose, realisatie through 2025): 2026 is the begroting, Kampen what it received.
    const later = iza(
      run(
        rows.map((r) => ({
          ...r,
          prognose: undefined,
          lasten: r.lasten.map((x, k) => (YEARS[k] === 2026 ? euro(0) : x)),
        })),
        { begroting: [kampen] },
      ),
    );
    expect(later.iza?.jaren.find((j) => j.jaar === 2026)).toMatchObject({
      h35b: 350_000,
      basis: 'begroting',
    });
  });

  it('a year of the regeling without realisatie is signalled', () => {
    const rows = [
      ...onderdelenExact(),
      regel('Brede SPUK', { 2025: 2_035_253, 2026: 1_732_939 }),
      regel('SPUK IZA', { 2023: 3_023_765, 2025: 3_023_765, 2026: 3_242_094 }),
    ];
    const v = run(rows);
    expect(v.signalen).toContainEqual({
      soort: 'geen-realisatie',
      regeling: 'SPUK IZA',
      jaar: 2024,
      bedrag: 3_023_765,
    });
  });

  it('a member gemeente: what it received from the mandaatgemeente (typed from its letter) against what it spent', () => {
    // #18: regional money is on the mandaatgemeente's beschikking only; a member's "beschikking" of
    // SPUK IZA is refused (the readers: RegionaalVoorLid; `plafonds`: RangeError), what it received
    // is typed as received from the mandaatgemeente.
    const rows = [regel('SPUK IZA', { 2024: 420_000 }, { uitvoerder: 'Kampen' })];
    expect(() =>
      run(rows, {
        g: KAMPEN,
        beschikking: [{ regeling: 'SPUK IZA', onderdeel: undefined, jaar: 2024, bedrag: euro(500_000) }],
      }),
    ).toThrow(RangeError);
    const v = verantwoording({
      ledger,
      gemeente: KAMPEN,
      gemeenten: base.gemeenten,
      beschikking: [],
      begroting: {
        ...legeBegroting(edition),
        vanMandaatgemeente: {
          'SPUK IZA': edition.years.map((y) => (y === 2024 ? euro(500_000) : undefined)),
        },
      },
      realisatie: { regels: rows, prognoseJaar: undefined },
    });
    const i = iza(v);
    expect(i.iza?.rol).toBe('lid');
    expect(year(i, 2024)).toMatchObject({ beschikking: 500_000, besteding: 420_000, onbesteed: 80_000 });
    expect(i.iza?.medeoverheden).toEqual([]);
  });

  it('a member gemeente without a beschikking: its planned share (afgeleid), or the amount typed from the mandaatgemeente; no SiSa code of its own', () => {
    // Kampen's planned share of IJssel-Vecht (Regioverdeling, aandeel): 462.989 / 462.990 / 462.989 / 496.419.
    const rows = [regel('SPUK IZA', { 2023: 410_250, 2024: 455_800, 2025: 463_920, 2026: 371_460 })];
    const i = iza(run(rows, { g: KAMPEN, beschikking: [] }));
    expect(i.iza?.rol).toBe('lid');
    expect(i.jaren.map((j) => [j.jaar, j.beschikking, j.beschikkingBron])).toEqual([
      [2023, 462_989, 'afgeleid'],
      [2024, 462_990, 'afgeleid'],
      [2025, 462_989, 'afgeleid'],
      [2026, 496_419, 'afgeleid'],
    ]);
    // 2023: 462.989 − 410.250 unspent, not "410.250 above the beschikking".
    expect(year(i, 2023)).toMatchObject({ onbesteed: 52_739, overschrijding: 0 });
    const typed = verantwoording({
      ledger,
      gemeente: KAMPEN,
      gemeenten: base.gemeenten,
      beschikking: [],
      begroting: {
        ...legeBegroting(edition),
        vanMandaatgemeente: { 'SPUK IZA': YEARS.map((y) => (y === 2025 ? euro(400_000) : undefined)) },
      },
      realisatie: { regels: rows, prognoseJaar: undefined },
    }).regelingen.find((r) => r.regels.post === 'SPUK IZA')!;
    expect(typed.jaren.map((j) => [j.jaar, j.beschikking, j.beschikkingBron])).toEqual([
      [2023, 462_989, 'afgeleid'],
      [2024, 462_990, 'afgeleid'],
      [2025, 400_000, 'beschikking'],
      [2026, 496_419, 'afgeleid'],
    ]);
    expect(year(typed, 2025)).toMatchObject({ overschrijding: 63_920 });
    // Its SiSa lines: no H35 (the mandaatgemeente's code); its besteding goes into the mandaatgemeente's H35B.
    const lines = sisaOpgave(i, sisaCodes(edition, 'spuk-iza'));
    expect(lines.map((l) => [l.jaar, l.code, l.viaMandaatgemeente, l.besteding])).toEqual([
      [2023, undefined, true, 410_250],
      [2024, undefined, true, 455_800],
      [2025, undefined, true, 463_920],
      [2026, undefined, true, 371_460],
    ]);
  });
});

it('without any realisatie: one signal per regeling with money', () => {
  const v = run([]);
  expect(v.peiljaar).toBeUndefined();
  expect(v.signalen.filter((s) => s.soort === 'geen-realisatie').map((s) => s.regeling)).toEqual([
    'Brede SPUK',
    'SPUK IZA',
  ]);
  expect(brede(v).jaren.every((j) => j.basis === 'begroting')).toBe(true);
});

describe('verantwoording: properties on generated realisaties (fast-check)', () => {
  const ALL: VerantwoordingAannames = {
    overheveling: [
      { regeling: 'brede-spuk', vanJaar: 2024, waarde: 0 },
      { regeling: 'spuk-iza', vanJaar: 2024, waarde: 5 },
      { regeling: 'spuk-iza', vanJaar: 2025, waarde: 10 },
    ],
  };
  const factor = fc.integer({ min: 0, max: 150 });
  it('the figures add up; the per-year reading never asks back less than the cumulative one', () => {
    fc.assert(
      fc.property(fc.array(factor, { minLength: 15 * 2 + 4 + 4, maxLength: 15 * 2 + 4 + 4 }), (f) => {
        const pct = (k: number, b: number) => Math.round(((f[k] ?? 100) * b) / 100);
        const rows = [
          ...ONDERDELEN.map((nr, k) =>
            regel(
              'Brede SPUK',
              { 2023: pct(2 * k, perOnderdeel(nr, 2023)), 2024: pct(2 * k + 1, perOnderdeel(nr, 2024)) },
              { onderdeel: nr },
            ),
          ),
          regel('Brede SPUK', { 2025: pct(30, 2_035_253), 2026: pct(31, 1_732_939) }),
          regel('SPUK IZA', {
            2023: pct(34, 3_023_765),
            2024: pct(35, 3_023_765),
            2025: pct(36, 3_023_765),
            2026: pct(37, 3_242_094),
          }),
        ];
        const v = run(rows, { aannames: ALL });
        // Zwolle's SPUK IZA rows pass nothing on while the Regioverdeling plans money for its members
        // every year: refused where money is left (no terugvordering), not counted as € 0.
        const mist = (naam: string, y: number) =>
          v.signalen.some((x) => x.soort === 'doorbetaling-ontbreekt' && x.regeling === naam && x.jaar === y);
        const izaJaren = v.regelingen.find((r) => r.regels.post === 'SPUK IZA')?.jaren ?? [];
        expect(izaJaren.map((j) => mist('SPUK IZA', j.jaar))).toEqual(izaJaren.map((j) => j.onbesteed > 0));
        for (const r of v.regelingen) {
          let cumB = 0;
          let cumS = 0;
          const naam = r.regels.naam;
          const ontbreekt = r.jaren.some((j) => mist(naam, j.jaar) && j.onbesteed > 0);
          for (const j of r.jaren) {
            cumB += j.beschikking;
            cumS += j.besteding;
            expect(j.saldo).toBe(j.beschikbaar - j.besteding);
            expect(j.beschikbaar).toBe(j.beschikking + j.overhevelingIn);
            expect(j.onbesteed).toBeGreaterThanOrEqual(Math.max(0, j.saldo));
            expect(j.overhevelingUit).toBeLessThanOrEqual(Math.min(j.onbesteed, j.limiet ?? Infinity));
            expect(j.terugvordering).toBe(
              mist(naam, j.jaar) && j.onbesteed > 0 ? undefined : j.onbesteed - j.overhevelingUit,
            );
            expect(j.cumOnderbesteding).toBe(cumB - cumS);
          }
          expect(r.terugvordering.cumulatief).toBe(
            ontbreekt && cumB > cumS ? undefined : Math.max(0, cumB - cumS),
          );
          if (ontbreekt)
            expect(r.terugvordering.perJaar).toBe(
              r.jaren.some((j) => mist(naam, j.jaar) && j.onbesteed > 0)
                ? undefined
                : r.terugvordering.perJaar,
            );
          else
            expect(r.terugvordering.perJaar).toBeGreaterThanOrEqual(r.terugvordering.cumulatief ?? Infinity);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('verantwoording: a mandaatgemeente that passed nothing on (review #18: € 10.488.419 "terugvordering")', () => {
  // Zwolle's samples: only its own SPUK IZA rows (GGD), nothing doorbetaald to the 7 members, while
  // the beschikking (3.023.765 a year) is the whole region's and the Regioverdeling plans 2,1–2,2 mln
  // a year for the members.
  const own = regel('SPUK IZA', { 2023: 410_250, 2024: 455_800, 2025: 463_920, 2026: 495_000 });
  it('refuses the terugvordering and says per year what is planned but not doorbetaald', () => {
    expect(GEPLAND.every((x) => x > 2_000_000 && x < 2_300_000)).toBe(true);
    const v = run([own]);
    const i = iza(v);
    expect(i.iza?.jaren.map((j) => [j.jaar, j.doorbetaald, j.gepland])).toEqual(
      [2023, 2024, 2025, 2026].map((y, k) => [y, 0, GEPLAND[k]]),
    );
    expect(v.signalen.filter((x) => x.regeling === 'SPUK IZA')).toEqual(
      [2023, 2024, 2025, 2026].map((jaar, k) => ({
        soort: 'doorbetaling-ontbreekt',
        regeling: 'SPUK IZA',
        jaar,
        bedrag: GEPLAND[k],
      })),
    );
    // Not € 10.488.419 (beschikking − own besteding, as if the members had received and spent € 0).
    expect(i.terugvordering.cumulatief).toBeUndefined();
    expect(i.terugvordering.perJaar).toBeUndefined();
    expect(i.jaren.map((j) => j.terugvordering)).toEqual([undefined, undefined, undefined, undefined]);
    // The figures themselves stay: beschikking min besteding over the years.
    expect(i.jaren[3]?.cumOnderbesteding).toBe(10_488_419);
  });
  it('states the terugvordering once the doorbetaling is there (a begroting row naming a member)', () => {
    const door = regel(
      'SPUK IZA',
      { 2023: 2_613_515, 2024: 2_567_965, 2025: 2_559_845, 2026: 2_747_094 },
      { uitvoerder: 'Kampen', activiteit: 'Lokaal' },
    );
    const spent = { ...door, prognose: undefined };
    const v = run([own, spent], { begroting: [door] });
    expect(v.signalen.filter((x) => x.soort === 'doorbetaling-ontbreekt')).toEqual([]);
    const i = iza(v);
    expect(i.terugvordering.cumulatief).toBe(0);
    expect(i.jaren.map((j) => j.terugvordering)).toEqual([0, 0, 0, 0]);
  });
});

describe('verantwoording: the BBV art. 52a verloop (vooruit ontvangen → terugbetalingsverplichting)', () => {
  it('2025 underspent by 235.253, 2026 spends 1.936.464: the saldo 31-12-2026 is the terugbetalingsverplichting', () => {
    const b = brede(
      run([...onderdelenExact(), regel('Brede SPUK', { 2025: 1_800_000, 2026: 1_732_939 + 203_525 })]),
    );
    const at = (jaar: number) => b.bbv.find((x) => x.jaar === jaar)!;
    expect(at(2023)).toMatchObject({
      saldoBegin: 0,
      saldoEind: 0,
      eigenLast: 0,
      terugbetalingsverplichting: 0,
    });
    expect(at(2025)).toEqual({
      jaar: 2025,
      saldoBegin: 0,
      ontvangen: 2_035_253,
      vrijgevallen: 1_800_000,
      saldoEind: 235_253,
      eigenLast: 0,
      terugbetalingsverplichting: 0,
    });
    expect(at(2026)).toEqual({
      jaar: 2026,
      saldoBegin: 235_253,
      ontvangen: 1_732_939,
      vrijgevallen: 1_936_464,
      saldoEind: 31_728,
      eigenLast: 0,
      terugbetalingsverplichting: 31_728,
    });
    // The end balance is the cumulative reading of the terugvordering here (no overspent year before).
    expect(at(2026).terugbetalingsverplichting).toBe(b.terugvordering.cumulatief);
  });

  it('an overspent year: the balance stays ≥ 0 and the excess is a last of the gemeente', () => {
    const b = brede(run([...onderdelenExact(), regel('Brede SPUK', { 2025: 2_100_000, 2026: 1_700_000 })]));
    const at = (jaar: number) => b.bbv.find((x) => x.jaar === jaar)!;
    expect(at(2025)).toMatchObject({ vrijgevallen: 2_035_253, saldoEind: 0, eigenLast: 64_747 });
    // 2026 underspent by 32.939: that goes back although 2025 was overspent (the balance does not net).
    expect(at(2026)).toMatchObject({ saldoBegin: 0, saldoEind: 32_939, terugbetalingsverplichting: 32_939 });
    for (const x of b.bbv) expect(x.saldoEind).toBe(x.saldoBegin + x.ontvangen - x.vrijgevallen);
  });
});
