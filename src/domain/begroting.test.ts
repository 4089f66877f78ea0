import { defaultReferenceData, editionInput, parseBeschikkingRegelsCsv } from '../data';
import { failureText } from '../messages';
import type { BegrotingInvoer, BegrotingRegel, BegrotingRegeling, BeschikkingRegel, CbsCode, Euro } from '.';
import { builtInKey, euro, geplandAandeel, Ledger, legeBegroting, plafonds, toetsBegroting } from '.';
import { rowBuilder } from '../../test/support/begroting-rows';

const base = defaultReferenceData();
const ledger = new Ledger(editionInput('vws-2026-04'), builtInKey('spuk-2025', base));
const ALMERE = 'GM0034' as CbsCode; // mandaatgemeente of Flevoland
const LELYSTAD = 'GM0995' as CbsCode; // member of Flevoland

/** A row with lasten per year given as {2025: 100, …}. */
const { regel } = rowBuilder(ledger.years);
const invoer = (regels: BegrotingRegel[], extra: Partial<BegrotingInvoer> = {}): BegrotingInvoer => ({
  ...legeBegroting(ledger.input.edition),
  regels,
  ...extra,
});
const plafond = (code: CbsCode, reg: BegrotingRegeling, jaar: number): Euro =>
  plafonds(ledger, code, []).perRegeling[reg][jaar - 2023]?.bedrag ?? euro(0);

describe('begroting: plafonds from the edition and the beschikking', () => {
  it('Almere: Brede SPUK = Bijlage 2A (gepubliceerd); regional money only as mandaatgemeente', () => {
    const p = plafonds(ledger, ALMERE, []).perRegeling;
    expect(p['Brede SPUK'][2]).toEqual({ bedrag: 3_478_172, bron: 'gepubliceerd' });
    expect(p['Brede SPUK'][3]).toEqual({ bedrag: 2_961_529, bron: 'gepubliceerd' });
    expect(p['Brede SPUK'][4]?.bedrag).toBe(0);
    expect(p['SPUK IZA'][2]).toEqual({ bedrag: 3_161_954, bron: 'gepubliceerd' });
    expect(p['SPUK AZWA lokaal'][4]?.bron).toBe('raming');
    expect(plafond(LELYSTAD, 'SPUK IZA', 2025)).toBe(0);
    expect(plafonds(ledger, LELYSTAD, []).perRegeling['SPUK IZA'][2]?.bron).toBe('geen');
  });

  it('a beschikking total wins and is labelled; a beschikking per onderdeel replaces that onderdeel', () => {
    const p = plafonds(ledger, ALMERE, [
      { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: euro(3_500_000) },
      { regeling: 'Brede SPUK', onderdeel: 1, jaar: 2024, bedrag: euro(100_000) },
    ]);
    expect(p.perRegeling['Brede SPUK'][2]).toEqual({ bedrag: 3_500_000, bron: 'beschikking' });
    const edition1 = ledger.gemeente(ALMERE, 1, 2024)?.bedrag ?? 0;
    expect(p.perOnderdeel(1, 2024)).toBe(100_000);
    expect(p.perRegeling['Brede SPUK'][1]?.bedrag).toBe(
      plafond(ALMERE, 'Brede SPUK', 2024) - edition1 + 100_000,
    );
    expect(p.perRegeling['Brede SPUK'][1]?.bron).not.toBe('beschikking');
  });
});

describe('begroting: every check fires on a constructed case and stays quiet on a valid one', () => {
  it('a valid begroting at the plafond has no signals', () => {
    const t = toetsBegroting(
      ledger,
      ALMERE,
      invoer([
        regel('Brede SPUK', {
          2025: plafond(ALMERE, 'Brede SPUK', 2025),
          2026: plafond(ALMERE, 'Brede SPUK', 2026),
        }),
        // Almere's own part of Flevoland's amount: the rest (€ 1.551.530) it passes on to the members.
        regel('SPUK IZA', { 2025: 3_161_954 - 1_551_530 }),
      ]),
    );
    expect(t.signalen).toEqual([]);
    expect(t.lasten['Brede SPUK'][2]).toBe(3_478_172);
    // Baten 2025 = Bijlage 2A (€ 3.478.172) + Flevoland's Bijlage 2B (€ 3.161.954); all of it spent:
    // € 5.088.596 on its own activities, € 1.551.530 passed on to the other members as planned
    // (Regioverdeling), a last of the mandaatgemeente, so the saldo is its own: 0 (#18).
    expect(t.totaalBaten[2]).toBe(6_640_126);
    expect(t.totaalLasten[2]).toBe(5_088_596);
    expect(t.doorgeven['SPUK IZA'][2]).toBe(1_551_530);
    expect(t.saldo[2]).toBe(0);
    expect(t.saldo[3]).toBe(t.totaalBaten[3]! - 2_961_529 - 1_663_557);
    expect(t.incidenteel[2]).toBe(5_088_596);
  });

  it('one euro above the 2025 plafond: a plafond signal of € 1', () => {
    const t = toetsBegroting(ledger, ALMERE, invoer([regel('Brede SPUK', { 2025: 3_478_173 })]));
    expect(t.signalen).toEqual([{ soort: 'plafond', regeling: 'Brede SPUK', jaar: 2025, bedrag: 1 }]);
  });

  it('regional money on a member gemeente: plafond 0, what lies above the share passed on is signalled', () => {
    const share = geplandAandeel(ledger, LELYSTAD, 'SPUK AZWA regionaal', 2027)?.bedrag ?? 0;
    expect(share).toBeGreaterThan(0);
    expect(plafond(LELYSTAD, 'SPUK AZWA regionaal', 2027)).toBe(0);
    const t = toetsBegroting(
      ledger,
      LELYSTAD,
      invoer([regel('SPUK AZWA regionaal', { 2027: share + 50_000 })]),
    );
    expect(t.signalen).toEqual([
      { soort: 'plafond', regeling: 'SPUK AZWA regionaal', jaar: 2027, bedrag: 50_000, rol: 'lid' },
    ]);
  });

  it('2023: an onderdeel may spend 115% within its hoofdthema; more is signalled, and so is the hoofdthema', () => {
    const p1 = ledger.gemeente(ALMERE, 1, 2023)?.bedrag ?? 0;
    const p2 = ledger.gemeente(ALMERE, 2, 2023)?.bedrag ?? 0;
    const within = Math.floor((p1 * 115) / 100);
    const ok = toetsBegroting(
      ledger,
      ALMERE,
      invoer([
        regel('Brede SPUK', { 2023: within }, { onderdeel: 1 }),
        regel('Brede SPUK', { 2023: p2 - (within - p1) }, { onderdeel: 2 }),
      ]),
    );
    expect(ok.signalen).toEqual([]);
    const t = toetsBegroting(
      ledger,
      ALMERE,
      invoer([
        regel('Brede SPUK', { 2023: within + 10 }, { onderdeel: 1 }),
        regel('Brede SPUK', { 2023: p2 }, { onderdeel: 2 }),
      ]),
    );
    expect(t.signalen).toEqual([
      { soort: 'onderdeel', regeling: 'Brede SPUK', onderdeel: 1, jaar: 2023, bedrag: 10 },
      {
        soort: 'hoofdthema',
        regeling: 'Brede SPUK',
        hoofdthema: 'Sport en bewegen',
        jaar: 2023,
        bedrag: within + 10 - p1,
      },
    ]);
  });

  it('Brede SPUK lasten in 2024 without an onderdeel are signalled; in 2025 they are fine (ontschotting)', () => {
    const t = toetsBegroting(ledger, ALMERE, invoer([regel('Brede SPUK', { 2024: 1_000, 2025: 1_000 })]));
    expect(t.signalen).toEqual([
      { soort: 'zonder-onderdeel', regeling: 'Brede SPUK', jaar: 2024, bedrag: 1_000 },
    ]);
  });

  it('carry-over: 20% of an onderdeel 2023 into 2024 and 10% of 2025 into 2026; more is signalled', () => {
    const p4 = ledger.gemeente(ALMERE, 4, 2023)?.bedrag ?? 0;
    const max23 = Math.floor((p4 * 20) / 100);
    const max25 = Math.floor((3_478_172 * 10) / 100);
    const carry = (c: number) => [0, 0, 0, c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].map((x) => euro(x));
    expect(
      toetsBegroting(
        ledger,
        ALMERE,
        invoer([], { overheveling2023: carry(max23), overheveling2025: euro(max25) }),
      ).signalen,
    ).toEqual([]);
    const t = toetsBegroting(
      ledger,
      ALMERE,
      invoer([], { overheveling2023: carry(max23 + 1), overheveling2025: euro(max25 + 2) }),
    );
    expect(t.signalen).toEqual([
      { soort: 'overheveling-2023', regeling: 'Brede SPUK', onderdeel: 4, jaar: 2023, bedrag: 1 },
      { soort: 'overheveling-2025', regeling: 'Brede SPUK', jaar: 2025, bedrag: 2 },
    ]);
    // The carried amount moves the plafond: 2026 may now spend it.
    expect(t.plafondNaOverheveling['Brede SPUK'][3]).toBe(2_961_529 + max25 + 2);
    expect(t.plafondNaOverheveling['Brede SPUK'][2]).toBe(3_478_172 - max25 - 2);
  });

  it('BBV: structural lasten warn in every year; what continues after 2026 and 2029 is a gap', () => {
    const t = toetsBegroting(
      ledger,
      ALMERE,
      invoer([
        regel('Brede SPUK', { 2025: 40_000, 2026: 40_000 }, { aard: 'structureel' }),
        regel('SPUK AZWA lokaal', { 2029: 30_000 }, { aard: 'structureel' }),
      ]),
    );
    expect(t.signalen).toEqual([
      { soort: 'bbv-structureel', jaar: 2025, bedrag: 40_000 },
      { soort: 'bbv-structureel', jaar: 2026, bedrag: 40_000 },
      { soort: 'bbv-structureel', jaar: 2029, bedrag: 30_000 },
      { soort: 'bbv-gat-2026', jaar: 2026, bedrag: 40_000 },
      { soort: 'bbv-gat-2029', jaar: 2029, bedrag: 30_000 },
    ]);
  });

  it('2030 (vws-2026-04): structural lasten stand against € 0 SPUK baten; the AZWA gap of 2029 is signalled', () => {
    expect(ledger.years[ledger.years.length - 1]).toBe(2030);
    const i2030 = ledger.years.indexOf(2030);
    // Every SPUK regeling has ended by 2030: no plafond, no baten (the BFU is an open post without an amount).
    const p = plafonds(ledger, ALMERE, []).perRegeling;
    for (const reg of ['Brede SPUK', 'SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const)
      expect(p[reg][i2030]?.bedrag).toBe(0);
    const t = toetsBegroting(
      ledger,
      ALMERE,
      invoer([regel('SPUK AZWA lokaal', { 2029: 30_000, 2030: 30_000 }, { aard: 'structureel' })]),
    );
    expect(t.totaalBaten[i2030]).toBe(0);
    expect(t.totaalLasten[i2030]).toBe(30_000);
    expect(t.saldo[i2030]).toBe(-30_000);
    expect(t.gaten.find((g) => g.eindjaar === 2029)).toMatchObject({ bedrag: 30_000 });
    expect(t.signalen).toContainEqual({ soort: 'bbv-structureel', jaar: 2030, bedrag: 30_000 });
    expect(t.signalen).toContainEqual({ soort: 'bbv-gat-2029', jaar: 2029, bedrag: 30_000 });
  });

  it('lasten without aard, and money received in advance above next year’s plafond', () => {
    const azwa2027 = plafonds(ledger, ALMERE, []).perRegeling;
    const next = (['Brede SPUK', 'SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const).reduce(
      (a, r) => a + (azwa2027[r][4]?.bedrag ?? 0),
      0,
    );
    const vooruit = ledger.years.map((y) => euro(y === 2026 ? next + 5 : 0));
    const t = toetsBegroting(
      ledger,
      ALMERE,
      invoer([regel('SPUK AZWA lokaal', { 2027: 10 }, { aard: undefined })], { vooruitOntvangen: vooruit }),
    );
    expect(t.signalen).toEqual([
      { soort: 'aard-ontbreekt', jaar: 2027, bedrag: 10 },
      { soort: 'vooruit-ontvangen', jaar: 2026, bedrag: 5 },
    ]);
  });
});

describe('begroting: incidentele baten per taakveld never exceed what is received (BBV art. 19)', () => {
  const ZWOLLE = 'GM0193' as CbsCode;
  it('Zwolle 2025: € 5.149.765 lasten against € 5.059.018 received; € 90.747 is eigen middelen', () => {
    // Received in 2025: Brede SPUK 2.035.253 + SPUK IZA 3.023.765 = 5.059.018.
    expect(plafond(ZWOLLE, 'Brede SPUK', 2025) + plafond(ZWOLLE, 'SPUK IZA', 2025)).toBe(5_059_018);
    const t = toetsBegroting(
      ledger,
      ZWOLLE,
      invoer([
        regel('Brede SPUK', { 2025: 1_000_000 }, { taakveld: '5.1' }),
        regel('Brede SPUK', { 2025: 1_126_000 }, { taakveld: '6.1' }),
        regel('SPUK IZA', { 2025: 3_023_765 }, { taakveld: '7.1' }),
      ]),
    );
    expect(t.totaalLasten[2]).toBe(5_149_765);
    const baten = t.perTaakveld.map((tv) => tv.baten[2]);
    // 2.035.253 pro rata 1.000.000 : 1.126.000 → 957.315,6 and 1.077.937,4: the euro left goes to 5.1.
    expect(baten).toEqual([957_316, 1_077_937, 0, 3_023_765, 0]);
    expect(baten.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(5_059_018);
    expect(t.nietGedekt[2]).toBe(90_747);
    expect(t.dekking['Brede SPUK'][2]?.gedekt).toBe(2_035_253);
    expect(t.nietGedekt.filter((_, i) => i !== 2).every((x) => x === 0)).toBe(true);
  });

  it('negative lasten weigh nothing; without lasten nothing is a baat; underspending is no baat', () => {
    const t = toetsBegroting(
      ledger,
      ZWOLLE,
      invoer([
        regel('Brede SPUK', { 2024: 100 }, { taakveld: '5.1' }),
        regel('Brede SPUK', { 2024: -40 }, { taakveld: '9.9' }),
      ]),
    );
    expect(t.perTaakveld.map((tv) => tv.baten[1])).toEqual([100, 0, 0, 0, 0]);
    expect(t.nietGedekt[1]).toBe(0);
    expect(t.perTaakveld.every((tv) => tv.baten[0] === 0)).toBe(true);
  });

  it('an emptied Taakveld cell counts on its default taakveld (as the Samenvatting’s mutaties), not on "overige"', () => {
    // Onderdeel 1 → 5.1, onderdeel 11 → 6.1, SPUK IZA → 7.1 (defaultTaakveld); 2025 above the plafond.
    const rows = (tv: (d: string) => string) => [
      regel('Brede SPUK', { 2025: 1_500_000 }, { onderdeel: 1, taakveld: tv('5.1') }),
      regel('Brede SPUK', { 2025: 1_000_000 }, { onderdeel: 11, taakveld: tv('6.1') }),
      regel('SPUK IZA', { 2025: 3_100_000 }, { taakveld: tv('7.1') }),
    ];
    const leeg = toetsBegroting(ledger, ZWOLLE, invoer(rows(() => '')));
    const typed = toetsBegroting(ledger, ZWOLLE, invoer(rows((d) => d)));
    expect(leeg.dekking).toEqual(typed.dekking);
    expect(leeg.perTaakveld.map((tv) => tv.baten[2])).toEqual(typed.perTaakveld.map((tv) => tv.baten[2]));
    // 2.035.253 pro rata 1.500.000 : 1.000.000 on 5.1 and 6.1; SPUK IZA 3.023.765 on 7.1; nothing on "overige".
    expect(leeg.perTaakveld.map((tv) => tv.baten[2])).toEqual([1_221_152, 814_101, 0, 3_023_765, 0]);
    expect(leeg.dekking['Brede SPUK'][2]?.lasten).toEqual([1_500_000, 1_000_000, 0, 0, 0]);
  });
});

describe('begroting: a member gemeente checks its regional activities against what its mandaatgemeente passes on', () => {
  const ROZENDAAL = 'GM0277' as CbsCode; // member of Centraal Gelderland (mandaatgemeente Arnhem)
  const ARNHEM = 'GM0202' as CbsCode;
  it('Rozendaal: a € 20.000 SPUK IZA activity in 2025 is covered by its planned share, not "boven het plafond (€ 0)"', () => {
    const share = geplandAandeel(ledger, ROZENDAAL, 'SPUK IZA', 2025);
    expect(share?.regio).toBe('Arnhem'); // the SPUK IZA region Centraal Gelderland, named after its mandaatgemeente
    expect(share?.bedrag).toBeGreaterThan(20_000);
    const t = toetsBegroting(ledger, ROZENDAAL, invoer([regel('SPUK IZA', { 2025: 20_000 })]));
    expect(plafond(ROZENDAAL, 'SPUK IZA', 2025)).toBe(0);
    expect(t.vanMandaatgemeente['SPUK IZA'][2]).toEqual({
      bedrag: share?.bedrag,
      bron: 'regioverdeling',
      gepland: share?.bedrag,
    });
    expect(t.signalen).toEqual([]);
    expect(t.perTaakveld[3]?.baten[2]).toBe(20_000);
    // The AZWA regionaal 2027 share comes from line 18; SPUK IZA has no regional money in 2027.
    expect(t.vanMandaatgemeente['SPUK IZA'][4]?.bron).toBe('geen');
    expect(t.vanMandaatgemeente['SPUK AZWA regionaal'][4]?.bron).toBe('regioverdeling');
    expect(t.vanMandaatgemeente['SPUK AZWA regionaal'][4]?.bedrag).toBeGreaterThan(0);
  });

  it('a typed amount wins: € 15.000 passed on, the € 20.000 activity is € 5.000 above it', () => {
    const t = toetsBegroting(
      ledger,
      ROZENDAAL,
      invoer([regel('SPUK IZA', { 2025: 20_000 })], {
        vanMandaatgemeente: { 'SPUK IZA': [undefined, undefined, euro(15_000)] },
      }),
    );
    expect(t.vanMandaatgemeente['SPUK IZA'][2]?.bedrag).toBe(15_000);
    expect(t.vanMandaatgemeente['SPUK IZA'][2]?.bron).toBe('ingevuld');
    expect(t.signalen).toEqual([
      { soort: 'plafond', regeling: 'SPUK IZA', jaar: 2025, bedrag: 5_000, rol: 'lid' },
    ]);
    expect(t.nietGedekt[2]).toBe(5_000);
  });

  it('the mandaatgemeente (Arnhem) and the national view receive nothing from a mandaatgemeente', () => {
    expect(geplandAandeel(ledger, ARNHEM, 'SPUK IZA', 2025)).toBeUndefined();
    const t = toetsBegroting(ledger, ARNHEM, invoer([]));
    expect(t.vanMandaatgemeente['SPUK IZA'].every((v) => v.bron === 'geen' && v.bedrag === 0)).toBe(true);
    const nl = toetsBegroting(ledger, undefined, invoer([]));
    expect(nl.vanMandaatgemeente['SPUK AZWA regionaal'].every((v) => v.bedrag === 0)).toBe(true);
  });
});

describe("a beschikking only in the regeling's years (issue 16: no SPUK AZWA beschikking in 2030)", () => {
  const input26 = editionInput('vws-2026-04');
  const ledger26 = new Ledger(input26, builtInKey('spuk-2025', input26.base));
  const regel = (regeling: BeschikkingRegel['regeling'], jaar: number): BeschikkingRegel => ({
    regeling,
    onderdeel: undefined,
    jaar,
    bedrag: euro(100_000),
  });
  it('the domain refuses SPUK AZWA lokaal 2030 and Brede SPUK 2027; 2029 and 2026 are accepted', () => {
    expect(() => plafonds(ledger26, ALMERE, [regel('SPUK AZWA lokaal', 2030)])).toThrow(
      /SPUK AZWA lokaal 2030: not a year of the regeling \(2027, 2028, 2029\)/,
    );
    expect(() => plafonds(ledger26, ALMERE, [regel('Brede SPUK', 2027)])).toThrow(RangeError);
    expect(
      plafonds(ledger26, ALMERE, [regel('SPUK AZWA lokaal', 2029)]).perRegeling['SPUK AZWA lokaal'][6],
    ).toEqual({
      bedrag: 100_000,
      bron: 'beschikking',
    });
    expect(plafonds(ledger26, ALMERE, [regel('Brede SPUK', 2026)]).perRegeling['Brede SPUK'][3]?.bedrag).toBe(
      100_000,
    );
  });
  it("the readers refuse it in Dutch, naming the row and the regeling's years", () => {
    const r = parseBeschikkingRegelsCsv(
      'regeling;onderdeel;jaar;bedrag_eur\nSPUK AZWA lokaal;;2030;100000\n',
      {
        gemeente: ALMERE,
        gemeenten: input26.base.gemeenten,
        edition: input26.edition,
      },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.failures).toEqual([
        { kind: 'RegelingNotInYear', row: 2, regeling: 'SPUK AZWA lokaal', jaar: 2030, from: 2027, to: 2029 },
      ]);
      const f = r.failures[0];
      expect(f && failureText(f)).toMatch(/2030/);
    }
  });
});

describe('begroting: the saldo per regeling and year is the domain’s, and adds up to the saldo per year', () => {
  const ZWOLLE = 'GM0193' as CbsCode; // mandaatgemeente of IJssel-Vecht
  const DALFSEN = 'GM0148' as CbsCode; // member of IJssel-Vecht
  const sumRegelingen = (t: ReturnType<typeof toetsBegroting>, i: number): number =>
    (['Brede SPUK', 'SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const).reduce(
      (a, reg) => a + (t.saldoPerRegeling[reg][i] ?? 0),
      0,
    );

  it('Zwolle SPUK IZA 2025: € 3.023.765 baten − € 500.000 lasten − € 2.085.724 door te geven = € 438.041', () => {
    const t = toetsBegroting(
      ledger,
      ZWOLLE,
      invoer([regel('SPUK IZA', { 2025: 500_000 }), regel('Brede SPUK', { 2025: 2_650_000 })]),
    );
    expect(t.baten['SPUK IZA'][2]).toBe(3_023_765);
    expect(t.doorgeven['SPUK IZA'][2]).toBe(2_085_724);
    expect(t.saldoPerRegeling['SPUK IZA'][2]).toBe(438_041);
    expect(t.saldoPerRegeling['SPUK IZA'][0]).toBe(3_023_765 - 2_085_723);
    expect(t.saldoPerRegeling['Brede SPUK'][2]).toBe(2_035_253 - 2_650_000);
    ledger.years.forEach((_, i) => {
      expect(sumRegelingen(t, i)).toBe(t.saldo[i]);
      expect(
        (['Brede SPUK', 'SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const).reduce(
          (a, reg) => a + (t.baten[reg][i] ?? 0),
          0,
        ),
      ).toBe(t.totaalBaten[i]);
    });
  });

  it('Dalfsen (member): its regional baten are what Zwolle passes on, typed or planned; no doorgeven', () => {
    const t = toetsBegroting(
      ledger,
      DALFSEN,
      invoer([regel('SPUK IZA', { 2025: 500_000 })], {
        vanMandaatgemeente: { 'SPUK IZA': [undefined, undefined, euro(120_000)] },
      }),
    );
    expect(t.baten['SPUK IZA'][2]).toBe(120_000);
    expect(t.saldoPerRegeling['SPUK IZA'][2]).toBe(-380_000);
    const gepland = geplandAandeel(ledger, DALFSEN, 'SPUK IZA', 2026)?.bedrag ?? 0;
    expect(gepland).toBeGreaterThan(0);
    expect(t.saldoPerRegeling['SPUK IZA'][3]).toBe(gepland);
    ledger.years.forEach((_, i) => expect(sumRegelingen(t, i)).toBe(t.saldo[i]));
  });

  it('the national view and a carry-over: Σ per regeling = saldo in every year', () => {
    const t = toetsBegroting(
      ledger,
      undefined,
      invoer([regel('Brede SPUK', { 2024: 1_000, 2026: 7_000 })], { overheveling2025: euro(5) }),
    );
    ledger.years.forEach((_, i) => expect(sumRegelingen(t, i)).toBe(t.saldo[i]));
    expect(t.saldoPerRegeling['Brede SPUK'][3]).toBe((t.plafondNaOverheveling['Brede SPUK'][3] ?? 0) - 7_000);
  });
});
