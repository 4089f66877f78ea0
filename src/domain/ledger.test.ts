import fc from 'fast-check';
import { defaultEditionId, defaultReferenceData, editionInput, resolveEdition } from '../data';
import type { CbsCode, EditionDiffRow, EditionInput, EditionYear, IzaRegio, Verdeelsleutel } from '.';
import {
  isNationalOnly,
  BUILT_IN_KEYS,
  builtInKey,
  editionControle,
  editionDiff,
  euro,
  Ledger,
  membershipStatus,
  readings,
  splitByWeights,
  splitReadings,
  weakest,
} from '.';

const base = defaultReferenceData();
const key = builtInKey('spuk-2025', base);
const ledgers = {
  gala: new Ledger(editionInput('gala-2023'), key),
  vws2025: new Ledger(editionInput('vws-2025-09'), key),
  vws2026: new Ledger(editionInput('vws-2026-04'), key),
};
const ALMERE = 'GM0034' as CbsCode;
const ZWOLLE = 'GM0193' as CbsCode;
const LELYSTAD = 'GM0995' as CbsCode;
const brede = (l: Ledger) => l.lines.filter((x) => x.regeling.id === 'brede-spuk');
const sumBrede = (l: Ledger, code: CbsCode, jaar: EditionYear) =>
  brede(l).reduce((a, line) => a + (l.gemeente(code, line.nr, jaar)?.bedrag ?? 0), 0);

describe('editions', () => {
  it('defaults to the newest edition and inherits what a later edition does not republish', () => {
    expect(defaultEditionId()).toBe('vws-2026-04');
    const e = resolveEdition('vws-2026-04');
    expect(e.chain.map((m) => m.id)).toEqual(['gala-2023', 'vws-2025-09', 'vws-2026-04']);
    expect(e.rule('brede-spuk', 2023)).toMatchObject({ editie: 'gala-2023', spec: { regel: 'gala-tabel' } });
    expect(e.rule('brede-spuk', 2025)).toMatchObject({
      editie: 'vws-2025-09',
      spec: { regel: 'bijlage-2a' },
    });
    expect(e.rule('brede-spuk', 2027)).toMatchObject({ editie: 'vws-2026-04', spec: { regel: 'beeindigd' } });
    expect(e.lines.map((l) => l.nr)).toEqual([...Array(21).keys()].map((i) => i + 1));
    expect(resolveEdition('gala-2023').lines).toHaveLength(16);
  });
});

describe('Bijlage 2A to the euro (vws-2025-09 and later)', () => {
  it.each([['vws2025'], ['vws2026']] as const)('%s: every gemeente, 2025 and 2026', (id) => {
    const l = ledgers[id];
    const bad: string[] = [];
    for (const r of base.bijlage2A) {
      if (sumBrede(l, r.code, 2025) !== r.totaal2025) bad.push(`${r.code} 2025`);
      if (sumBrede(l, r.code, 2026) !== r.totaal2026) bad.push(`${r.code} 2026`);
      if (l.gemeenteTotal(r.code, 2025, 'brede-spuk').eigen !== r.totaal2025) bad.push(`${r.code} total`);
    }
    expect(bad).toEqual([]);
    expect(base.bijlage2A).toHaveLength(342);
  });

  it('Almere: € 3.478.172 in 2025 and € 2.961.529 in 2026, onderdelen afgeleid', () => {
    const l = ledgers.vws2025;
    expect(sumBrede(l, ALMERE, 2025)).toBe(3_478_172);
    expect(sumBrede(l, ALMERE, 2026)).toBe(2_961_529);
    expect(l.gemeente(ALMERE, 2, 2025)).toMatchObject({ bron: 'afgeleid', regel: 'bijlage-2a' });
    // The gala edition misses the LPO and mutations: the reported −4,7 %.
    const gala = sumBrede(ledgers.gala, ALMERE, 2025);
    expect(gala).toBe(3_314_890);
  });

  it('national composition: GALA + LPO 2024 + Bijlage 1 adds up to Σ Bijlage 2A', () => {
    const l = ledgers.vws2025;
    const total = (jaar: EditionYear) => brede(l).reduce((a, x) => a + l.national(x.nr, jaar).bedrag, 0);
    expect(total(2025)).toBe(310_475_334);
    expect(total(2026)).toBe(264_423_052);
    // 2024: GALA 295,9 mln + the LPO 2024 (= Σ 2A 2025 − GALA 2025 − 2,5 mln eenmalig).
    expect(total(2024)).toBe(295_900_000 + 12_075_334);
    expect(l.national(1, 2024).bron).toBe('afgeleid');
    // 2026: overgewicht (6) has no GALA amount, so it gets the +17 mln whole (the korting is pro rata GALA + LPO);
    // Kansrijke Start (4): GALA 20 + its LPO + 3 mln, less 10 %.
    expect(l.national(6, 2026)).toMatchObject({ bedrag: 17_000_000, bron: 'afgeleid' });
    expect(l.national(4, 2026).bedrag).toBeGreaterThan(20_000_000);
  });
});

describe('SPUK IZA as money flows', () => {
  it('42 regions = Bijlage 2B 2025 and 2026; 2023 and 2024 as 2025', () => {
    const l = ledgers.vws2025;
    for (const r of base.izaRegios) {
      expect([r.naam, l.regio(r.naam, 16, 2025).bedrag]).toEqual([r.naam, r.totaal2025]);
      expect([r.naam, l.regio(r.naam, 16, 2026).bedrag]).toEqual([r.naam, r.totaal2026]);
      expect([r.naam, l.regio(r.naam, 16, 2023)]).toEqual([
        r.naam,
        expect.objectContaining({ bedrag: r.totaal2025, bron: 'afgeleid' }),
      ]);
    }
    expect(base.izaRegios).toHaveLength(42);
    expect(l.national(16, 2023).bedrag).toBe(142_900_002);
    expect(l.national(16, 2026).bedrag).toBe(153_213_599);
  });

  it('the mandaatgemeente receives the whole regional amount; a member receives none of line 16', () => {
    const l = ledgers.vws2025;
    expect(l.gemeente(ALMERE, 16, 2025)).toMatchObject({ bedrag: 3_161_954, bron: 'gepubliceerd' });
    expect(l.gemeente(LELYSTAD, 16, 2025)).toBeUndefined();
    expect(l.gemeenteTotal(ALMERE, 2025)).toEqual({ eigen: 3_478_172, alsMandaatgemeente: 3_161_954 });
    expect(l.gemeenteTotal(LELYSTAD, 2025).alsMandaatgemeente).toBe(0);
  });
});

describe('SPUK AZWA 2027–2029 (vws-2026-04)', () => {
  const l = ledgers.vws2026;
  it.each([
    [2027, 231_000_000, 194_000_000],
    [2028, 278_000_000, 235_000_000],
    [2029, 321_000_000, 169_000_000],
  ] as const)(
    '%i: Σ lokaal over gemeenten and Σ regionaal over regions = the raming',
    (jaar, lokaal, regionaal) => {
      expect(base.gemeenten.reduce((a, g) => a + (l.gemeente(g.code, 17, jaar)?.bedrag ?? 0), 0)).toBe(
        lokaal,
      );
      expect(base.izaRegios.reduce((a, r) => a + l.regio(r.naam, 18, jaar).bedrag, 0)).toBe(regionaal);
      expect(l.national(17, jaar)).toMatchObject({ bedrag: lokaal, bron: 'raming' });
    },
  );

  it('GGD, NPLV and Gezonde School never land on a gemeente; Brede SPUK and IZA end in 2026', () => {
    for (const g of base.gemeenten)
      for (const nr of [19, 20, 21]) expect(l.gemeente(g.code, nr, 2028)).toBeUndefined();
    expect(l.national(19, 2029).bedrag).toBe(4_000_000);
    expect(l.national(21, 2028).bedrag).toBe(10_000_000);
    expect(l.gemeente(ALMERE, 7, 2027)?.bedrag).toBe(0);
    expect(l.gemeenteTotal(ALMERE, 2027, 'spuk-iza').alsMandaatgemeente).toBe(0);
  });

  it('BRC and Sportakkoord from 2027 are a flagged open post, not a silent zero', () => {
    expect(l.gemeente(ALMERE, 2, 2027)?.open?.onderwerp).toMatch(/BRC/);
    expect(l.gemeente(ALMERE, 1, 2029)?.open).toBeDefined();
    expect(l.gemeente(ALMERE, 7, 2027)?.open).toBeUndefined();
  });

  it('AZWA regionaal goes to the mandaatgemeente, lokaal to every gemeente', () => {
    expect(l.gemeente(ALMERE, 18, 2027)?.bedrag).toBe(l.regio('Flevoland', 18, 2027).bedrag);
    expect(l.gemeente(LELYSTAD, 18, 2027)).toBeUndefined();
    expect(l.gemeente(LELYSTAD, 17, 2027)?.bron).toBe('raming');
    expect(l.regio('Flevoland', 18, 2027).bron).toBe('raming');
    expect(l.national(17, 2027)?.bron).toBe('raming');
    // A raming is the weakest source: a sum with a raming in it is a raming; a beschikking beats it.
    expect(weakest([{ bron: 'geschat' }, { bron: 'raming' }, { bron: 'gepubliceerd' }])).toBe('raming');
    expect(weakest([{ bron: 'geschat' }, { bron: 'afgeleid' }])).toBe('geschat');
  });
});

describe('gala-2023: key × the GALA table', () => {
  it("a gemeente's amount is its key share of the GALA amount; 2027–2029 its share of the structural level", () => {
    const l = ledgers.gala;
    // Sportakkoord 2023: 13 mln × Almere's Bijlage 2A 2025 share 3 478 172 / 310 475 334 = 145 635,5 → 145 636.
    expect(l.gemeente(ALMERE, 1, 2023)).toMatchObject({
      bedrag: 145_636,
      bron: 'geschat',
      regel: 'gala-tabel',
    });
    // 2027: the structural level 10 mln × the same share = 112 027,3 → 112 027.
    expect(l.gemeente(ALMERE, 1, 2027)).toMatchObject({ bedrag: 112_027, regel: 'gala-structureel' });
    expect(l.structuralLevel(1, ALMERE)).toBe(112_027);
    expect(Math.abs(145_636 - (13_000_000 * 3_478_172) / 310_475_334)).toBeLessThan(1);
  });

  it('a SPUK IZA region is the sum of its members (GALA bijlage 2) and the regions add up to 150 mln', () => {
    const l = ledgers.gala;
    expect(l.regio('Flevoland', 16, 2025)).toMatchObject({ bedrag: 3_299_365, bron: 'geschat' });
    expect(l.memberEstimate('Flevoland', 16, 2025)).toBe(3_299_365);
    for (const y of [2023, 2024, 2025, 2026] as const)
      expect(l.regios.reduce((a, r) => a + l.regio(r.naam, 16, y).bedrag, 0)).toBe(150_000_000);
    // From vws-2025-09 the published Bijlage 2B amount replaces the estimate.
    expect(ledgers.vws2025.regio('Flevoland', 16, 2025)).toMatchObject({
      bedrag: 3_161_954,
      bron: 'gepubliceerd',
    });
  });

  it('marks which SPUK IZA memberships are derived', () => {
    const status = membershipStatus(base.izaRegios, base.lidmaatschap);
    const of = (naam: string) => status.find((m) => m.regio.naam === naam);
    expect([of('Drenthe')?.leden.length, of('Drenthe')?.status]).toEqual([12, 'bekend']);
    expect([of('Flevoland')?.leden.length, of('Flevoland')?.status]).toEqual([5, 'afgeleid']);
    expect(of('Friesland')?.status).toBe('afgeleid');
  });
});

/**
 * Σ recipients = the national amount, to the euro, for every line and year of every edition, with
 * any key: gemeente lines over the gemeenten, regional lines over the regions (and over the
 * mandaatgemeenten that receive them), a Bijlage 2A regeling per year over its lines = Σ Bijlage 2A.
 * Returns the lines × years that do not add up, as text.
 */
function unbalanced(input: EditionInput, k: Verdeelsleutel): string[] {
  const l = new Ledger(input, k);
  const bad: string[] = [];
  const twoA = new Map<string, { got: number; national: number }>();
  for (const line of l.lines)
    for (const jaar of l.years) {
      const national = l.national(line.nr, jaar).bedrag;
      const gemeenten = l.sumGemeenten(line.nr, jaar);
      if (input.edition.rule(line.regeling.id, jaar)?.spec.regel === 'bijlage-2a') {
        const id = `${line.regeling.id} ${jaar}`;
        const t = twoA.get(id) ?? { got: 0, national: 0 };
        twoA.set(id, { got: t.got + gemeenten, national: t.national + national });
        continue;
      }
      if (isNationalOnly(line.ontvanger)) {
        if (gemeenten !== 0) bad.push(`${line.nr} ${jaar}: landelijk, yet gemeenten receive ${gemeenten}`);
        continue;
      }
      if (line.ontvanger === 'gemeente') {
        if (gemeenten !== national) bad.push(`${line.nr} ${jaar}: Σ gemeenten ${gemeenten} ≠ ${national}`);
        continue;
      }
      // Regional lines: Σ regions = national; the gemeenten receive the regions whose mandaatgemeente is a
      // gemeente (Twente's is not), each region whole.
      const regio = (r: IzaRegio) => l.regio(r.naam, line.nr, jaar).bedrag;
      const regios = l.regios.reduce((a, r) => a + regio(r), 0);
      if (regios !== national) bad.push(`${line.nr} ${jaar}: Σ regions ${regios} ≠ ${national}`);
      const viaGemeente = l.regios
        .filter((r) => r.mandaatgemeenteCode !== undefined)
        .reduce((a, r) => a + regio(r), 0);
      if (gemeenten !== viaGemeente)
        bad.push(`${line.nr} ${jaar}: Σ mandaatgemeenten ${gemeenten} ≠ Σ their regions ${viaGemeente}`);
    }
  for (const [id, t] of twoA) {
    const jaar = Number(id.slice(-4));
    const published = input.bijlage2A.filter((b) => b.jaar === jaar).reduce((a, b) => a + b.bedrag, 0);
    if (t.got !== published || t.national !== published)
      bad.push(`${id}: Σ gemeenten ${t.got}, national ${t.national}, Bijlage 2A ${published}`);
  }
  return bad;
}

describe('recipients that are no gemeente', () => {
  it('is SamenTwente for Twente: its region is in the national amount but in no gemeente', () => {
    const l = ledgers.vws2026;
    expect(l.regiosZonderGemeente().map((r) => [r.naam, r.mandaatgemeente])).toEqual([
      ['Twente', 'SamenTwente'],
    ]);
    // Bijlage 2B 2025: Σ 142.900.002, of which Twente 5.326.438; the gemeenten receive the rest.
    expect(l.national(16, 2025).bedrag).toBe(142_900_002);
    expect(l.regio('Twente', 16, 2025).bedrag).toBe(5_326_438);
    expect(l.sumGemeenten(16, 2025)).toBe(137_573_564);
  });
  it('gives each region its part of the structural level: Σ regions = the national level', () => {
    const l = ledgers.gala;
    const level = l.structuralLevel(16);
    expect(level).toBeGreaterThan(0);
    expect(l.regios.reduce((a, r) => a + l.regioStructuralLevel(r.naam, 16), 0)).toBe(level);
    expect(l.regioStructuralLevel('Twente', 1)).toBe(0);
  });
});

describe('Σ gemeenten = national, for every edition, key, line and year', () => {
  const inputs = [editionInput('gala-2023'), editionInput('vws-2025-09'), editionInput('vws-2026-04')];

  it('holds for the built-in keys', () => {
    for (const input of inputs)
      for (const id of BUILT_IN_KEYS) expect(unbalanced(input, builtInKey(id, base))).toEqual([]);
  });

  it('holds for any key (property)', () => {
    const codes = base.gemeenten.map((g) => g.code);
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: codes.length, maxLength: codes.length }),
        fc.constantFrom(...inputs),
        (weights, input) => {
          fc.pre(weights.some((w) => w > 0));
          const k: Verdeelsleutel = {
            id: 'eigen',
            codes,
            weights,
            total: weights.reduce((a, b) => a + b, 0),
          };
          expect(unbalanced(input, k)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('can fail: a gemeente left out of every region breaks Σ regions of line 16', () => {
    const input = editionInput('gala-2023');
    const lidmaatschap = input.base.lidmaatschap.filter((m) => m.code !== ALMERE);
    const bad = unbalanced({ ...input, base: { ...input.base, lidmaatschap } }, key);
    // Almere's key share of 150 mln (1 680 409,8 → 1 680 410) is then in no region.
    expect(bad[0]).toBe('16 2023: Σ regions 148319590 ≠ 150000000');
    expect(bad).toHaveLength(7); // every year: 2027–2029 the structural level, also 150 mln
  });
});

describe('the Rijk and BBV readings of one amount (GALA, nationally)', () => {
  const l = ledgers.gala;
  const read = (nr: number, jaar: EditionYear, vastgelegd = false) =>
    splitReadings(
      l.national(nr, jaar).bedrag,
      l.structuralLevel(nr),
      jaar,
      l.line(nr).regeling.eindjaar,
      vastgelegd,
    );
  it('Rijk: the part up to the structural level is structural, the rest incidental', () => {
    expect(read(1, 2023)).toMatchObject({ rijkS: 10_000_000, rijkI: 3_000_000 }); // Sportakkoord
    expect(read(4, 2023)).toMatchObject({ rijkS: 15_000_000, rijkI: 0 }); // Kansrijke Start (level 20 mln)
    expect(read(7, 2023)).toMatchObject({ rijkS: 48_900_000, rijkI: 2_500_000 }); // Valpreventie
    expect(read(13, 2026)).toMatchObject({ rijkS: 0, rijkI: 13_500_000 }); // Welzijn op Recept: no level
    expect(read(16, 2023)).toMatchObject({ rijkS: 150_000_000, rijkI: 0 }); // IZA
  });
  it('BBV: money under a regeling with an end date is incidental; after it, not to be budgeted', () => {
    expect(read(7, 2023)).toMatchObject({ bbvS: 0, bbvI: 51_400_000, niet: 0 });
    expect(read(7, 2027)).toMatchObject({ bbvS: 0, bbvI: 0, niet: 48_900_000 });
  });
  it('BBV: a line a new regeling makes lasting is structural after the end year; up to it the end date rules', () => {
    // Within the Brede SPUK (ends 2026) the money stays incidental, the flag notwithstanding.
    expect(read(7, 2023, true)).toMatchObject({ bbvS: 0, bbvI: 51_400_000, niet: 0 });
    expect(read(7, 2027, true)).toMatchObject({ bbvS: 48_900_000, bbvI: 0, niet: 0 });
    expect(read(13, 2023, true)).toMatchObject({ bbvS: 0, bbvI: 5_500_000, niet: 0 });
  });
});

describe('largest remainder with negatives (engine = sheet MOD)', () => {
  it('−10 over 1,1,1 gives −3, −3, −4 (Σ −10)', () => {
    expect(splitByWeights(euro(-10), [1, 1, 1], 3).amounts).toEqual([-3, -3, -4]);
  });
});

describe('beschikking', () => {
  it('wins over every rule and says so', () => {
    const l = new Ledger(editionInput('vws-2026-04'), key, [
      { code: ALMERE, nr: 17, jaar: 2027, bedrag: euro(1_234_567) },
    ]);
    expect(l.gemeente(ALMERE, 17, 2027)).toMatchObject({ bedrag: 1_234_567, bron: 'beschikking' });
  });
});

describe('readings to 2029', () => {
  it('gala-2023 nationally: Rijk structural = the GALA level, BBV nothing structural, after 2026 niet te begroten', () => {
    const r = readings(ledgers.gala, undefined);
    const y2023 = r.find((x) => x.jaar === 2023);
    const y2027 = r.find((x) => x.jaar === 2027);
    // 2023: 449 mln incl. IZA; structural level 96,3 + 97,9 + 150 = 344,2 mln (the blank GALA total).
    expect(y2023).toMatchObject({ bedrag: 449_000_000, bbvStructureel: 0, nietTeBegroten: 0 });
    expect(y2027).toMatchObject({
      bedrag: 344_200_000,
      rijkStructureel: 344_200_000,
      bbvStructureel: 0,
      nietTeBegroten: 344_200_000,
      risico: 344_200_000,
    });
  });

  it('vws-2026-04 for Almere: SPUK AZWA is incidental under the BBV; what stops after 2026 and after 2029', () => {
    const r = readings(ledgers.vws2026, ALMERE);
    const y2026 = r.find((x) => x.jaar === 2026);
    const y2027 = r.find((x) => x.jaar === 2027);
    const y2029 = r.find((x) => x.jaar === 2029);
    expect(y2026?.bedrag).toBe(2_961_529);
    expect(y2026?.valtWeg).toBe(2_961_529); // every Brede SPUK line stops after 2026
    expect(y2027).toMatchObject({ bbvStructureel: 0, rijkStructureel: 0, nietTeBegroten: 0 });
    expect(y2027?.bbvIncidenteel).toBe(ledgers.vws2026.gemeente(ALMERE, 17, 2027)?.bedrag);
    expect(y2029?.valtWeg).toBe(y2029?.bedrag);
    // As mandaatgemeente Almere also receives Flevoland's SPUK IZA and AZWA regionaal, kept apart.
    const withRegion = readings(ledgers.vws2026, ALMERE, { regionaal: true });
    expect(withRegion.find((x) => x.jaar === 2025)?.bedrag).toBe(3_478_172 + 3_161_954);
  });

  it('a line made lasting by a new regeling is structural only after its regeling ends (BBV)', () => {
    const flagged = readings(ledgers.gala, ALMERE, { vastgelegd: new Set([7]) });
    const level = ledgers.gala.structuralLevel(7, ALMERE);
    expect(level).toBeGreaterThan(0);
    // Valpreventie 2025 is under the Brede SPUK (ends 2026): incidental, flag or not.
    expect(flagged.find((x) => x.jaar === 2025)?.bbvStructureel).toBe(0);
    expect(flagged.find((x) => x.jaar === 2028)?.bbvStructureel).toBe(level);
  });
});

describe('controle per edition', () => {
  it.each([['gala'], ['vws2025'], ['vws2026']] as const)(
    '%s reconciles every published figure to the euro',
    (id) => {
      const report = editionControle(ledgers[id]);
      expect(report.checks.filter((c) => c.status === 'verschil')).toEqual([]);
      expect(report.ok).toBe(true);
    },
  );

  it('vws-2025-09 checks all 342 gemeenten against 2A and all 42 regions against 2B', () => {
    const report = editionControle(ledgers.vws2025);
    expect(report.checks.find((c) => c.id === '2a:2025')).toMatchObject({
      verwacht: 310_475_334,
      berekend: 310_475_334,
      afwijkingen: 0,
    });
    expect(report.checks.find((c) => c.id === '2b:2025')).toMatchObject({
      verwacht: 142_900_002,
      afwijkingen: 0,
    });
  });

  it('vws-2026-04 checks the AZWA raming and flags BRC/Sportakkoord and the floor amounts', () => {
    const report = editionControle(ledgers.vws2026);
    expect(report.checks.find((c) => c.id === 'azwa-totaal:2028')).toMatchObject({
      verwacht: 547_000_000,
      status: 'ok',
    });
    expect(report.checks.find((c) => c.id === 'verdeling:17:2029')).toMatchObject({
      verwacht: 321_000_000,
      status: 'ok',
    });
    expect(report.warnings.map((w) => w.kind)).toEqual(
      expect.arrayContaining(['OpenPost', 'FloorNotInAzwa']),
    );
  });

  it('another reading of a GALA figure is the edition’s data with its source, shown as a warning', () => {
    const input = editionInput('vws-2026-04');
    const reading = editionControle(ledgers.vws2026).warnings.filter((w) => w.kind === 'AlternativeReading');
    // The gala-2023 manifest states the sector's 89,5 mln for the buurtsportcoaches 2023–2025 (GALA: 89,3).
    expect(reading).toEqual([
      {
        kind: 'AlternativeReading',
        gala: 89_300_000,
        lezing: expect.objectContaining({
          nr: 2,
          jaren: [2023, 2024, 2025],
          bedrag: 89_500_000,
          bron: expect.stringContaining('sportindebuurt.nl/buurtsportcoach/procedure'),
        }),
      },
    ]);
    // No edition states it: no warning (the code holds no figure of its own).
    const without = { ...input, edition: { ...input.edition, lezingen: [] } };
    expect(editionControle(new Ledger(without, key)).warnings.map((w) => w.kind)).not.toContain(
      'AlternativeReading',
    );
    // A reading equal to GALA is no warning.
    const equal = {
      ...input,
      edition: {
        ...input.edition,
        lezingen: input.edition.lezingen.map((l) => ({ ...l, bedrag: euro(89_300_000) })),
      },
    };
    expect(editionControle(new Ledger(equal, key)).warnings.map((w) => w.kind)).not.toContain(
      'AlternativeReading',
    );
  });

  it('a changed published figure is a VERSCHIL that names the rows', () => {
    const input = editionInput('vws-2025-09');
    const bijlage2A = input.bijlage2A.map((p) =>
      p.code === ALMERE && p.jaar === 2025 ? { ...p, bedrag: euro(p.bedrag + 1) } : p,
    );
    // The ledger splits what it is given: a 2A table with one euro more still reconciles to itself …
    expect(editionControle(new Ledger({ ...input, bijlage2A }, key)).ok).toBe(true);
    // … but a beschikking overriding a line moves the gemeente's sum away from Bijlage 2A: one row off.
    const l = new Ledger(input, key, [{ code: ALMERE, nr: 2, jaar: 2025, bedrag: euro(1) }]);
    expect(editionControle(l).checks.find((c) => c.id === '2a:2025')).toMatchObject({
      afwijkingen: 1,
      status: 'verschil',
    });
  });
});

describe('wat is er veranderd', () => {
  it('Almere from gala-2023 to vws-2025-09: Brede SPUK 2025 +4,9 %, flagged; 2026 +12,7 %', () => {
    const rows = editionDiff(ledgers.gala, ledgers.vws2025, ALMERE);
    const total = (jaar: EditionYear) =>
      rows.find((r) => r.regeling === 'brede-spuk' && r.nr === undefined && r.jaar === jaar);
    expect(total(2025)).toMatchObject({
      van: 3_314_890,
      naar: 3_478_172,
      verschil: 163_282,
      procent: 4.9,
      signaal: false,
    });
    expect(total(2026)?.naar).toBe(2_961_529);
    expect(total(2026)?.signaal).toBe(true);
    // Line 16 appears for Almere as mandaatgemeente of Flevoland.
    expect(rows.find((r) => r.nr === 16 && r.jaar === 2025)?.naar).toBe(3_161_954);
  });

  it('nationally from vws-2025-09 to vws-2026-04: AZWA lines appear, Brede SPUK 2027 disappears', () => {
    const rows = editionDiff(ledgers.vws2025, ledgers.vws2026);
    expect(rows.find((r) => r.nr === 17 && r.jaar === 2027)).toMatchObject({
      van: 0,
      naar: 231_000_000,
      signaal: true,
    });
    // BRC leaves the SPUK from 2027: an open post in vws-2026-04 (no known amount), not a fall to 0.
    expect(rows.find((r) => r.nr === 2 && r.jaar === 2027)).toMatchObject({
      van: 86_300_000,
      open: 'naar',
      verschil: undefined,
      procent: undefined,
      signaal: true,
    });
    expect(rows.filter((r) => r.jaar <= 2026 && r.verschil !== 0)).toEqual([]);
  });

  it('an open post is no fall to 0: Zwolle’s Sportakkoord and BRC 2027–2029 (vws-2025-09 → vws-2026-04)', () => {
    const rows = editionDiff(ledgers.vws2025, ledgers.vws2026, ZWOLLE);
    for (const nr of [1, 2])
      for (const jaar of [2027, 2028, 2029] as const) {
        const r = rows.find((x) => x.nr === nr && x.jaar === jaar);
        expect(r?.open).toBe('naar');
        expect(r?.van).toBeGreaterThan(0);
        expect(r?.verschil).toBeUndefined();
        expect(r?.procent).toBeUndefined();
        expect(r?.signaal).toBe(true);
      }
    // Lines that really end (Brede SPUK line 3 from 2027) keep their fall to 0.
    expect(rows.find((r) => r.nr === 3 && r.jaar === 2027)).toMatchObject({ naar: 0, procent: -100 });
    expect(rows.find((r) => r.nr === 3 && r.jaar === 2027)?.open).toBeUndefined();
    // The Brede SPUK total and the own money's net row 2027 leave the open post out of both
    // editions' sums (like with like), and say so.
    const known2027 = rows
      .filter(
        (r) =>
          r.soort === 'onderdeel' && r.post === 'Brede SPUK' && r.jaar === 2027 && r.nr !== 1 && r.nr !== 2,
      )
      .reduce((a, r) => a + r.van, 0);
    expect(known2027).toBeGreaterThan(0);
    expect(totaal(rows, 'Brede SPUK', 2027)).toMatchObject({ open: 'naar', van: known2027, naar: 0 });
    expect(netto(rows, 2027)?.van).toBe(known2027);
    expect(netto(rows, 2027)?.open).toBe('naar');
    expect(totaal(rows, 'Brede SPUK', 2026)?.open).toBeUndefined();
    // Same edition on both sides: an open post in both, no difference and no signal.
    const same = editionDiff(ledgers.vws2026, ledgers.vws2026, ZWOLLE);
    expect(same.find((r) => r.nr === 1 && r.jaar === 2028)).toMatchObject({ open: 'beide', signaal: false });
  });

  const totaal = (rows: readonly EditionDiffRow[], post: string, jaar: EditionYear) =>
    rows.find((r) => r.soort === 'totaal' && r.post === post && r.jaar === jaar);
  const netto = (rows: readonly EditionDiffRow[], jaar: EditionYear) =>
    rows.find((r) => r.soort === 'eigen-geld' && r.jaar === jaar);

  it('keeps SPUK AZWA lokaal (own money) apart from regionaal: Almere 2027 is 2.587.831 + 4.292.771, not 6.880.602', () => {
    const rows = editionDiff(ledgers.vws2025, ledgers.vws2026, ALMERE);
    expect(totaal(rows, 'SPUK AZWA lokaal', 2027)).toMatchObject({ van: 0, naar: 2_587_831 });
    expect(totaal(rows, 'SPUK AZWA regionaal', 2027)).toMatchObject({ van: 0, naar: 4_292_771 });
    expect(rows.some((r) => r.post === 'SPUK AZWA')).toBe(false);
    expect(rows.find((r) => r.nr === 18 && r.jaar === 2027)?.post).toBe('SPUK AZWA regionaal');
    // Own money, net: Brede SPUK 2027 (2.175.572, the GALA structural level) ends, AZWA lokaal comes;
    // BRC and Sportakkoord (1.078.823 of it) are an open post in vws-2026-04, left out of both sums.
    expect(netto(rows, 2027)).toMatchObject({
      onderdeel: 'Eigen geld (netto): Brede SPUK + SPUK AZWA lokaal',
      van: 1_096_749,
      naar: 2_587_831,
      verschil: 1_491_082,
      procent: 136,
      signaal: true,
      open: 'naar',
    });
    expect(netto(rows, 2025)?.verschil).toBe(0);
    // The net rows come last, one per year.
    const axis = ledgers.vws2026.years;
    expect(rows.slice(-axis.length).map((r) => [r.soort, r.jaar])).toEqual(
      axis.map((j) => ['eigen-geld', j]),
    );
  });

  it('compares with any earlier edition: nationally GALA 2023 → vws-2026-04, own money Σ over the gemeenten', () => {
    const rows = editionDiff(ledgers.gala, ledgers.vws2026);
    // SPUK IZA: 150 mln gross (GALA) → Σ Bijlage 2B 2025 = 142.900.002, Twente included.
    expect(totaal(rows, 'SPUK IZA', 2025)).toMatchObject({
      van: 150_000_000,
      naar: 142_900_002,
      verschil: -7_099_998,
    });
    // Brede SPUK 2025: GALA 295,9 mln → Σ Bijlage 2A 310.475.334.
    expect(netto(rows, 2025)).toMatchObject({ van: 295_900_000, naar: 310_475_334, procent: 4.9 });
    // 2027: GALA's structural 194,2 mln without BRC and Sportakkoord (86,3 + 10 mln, an open post).
    expect(netto(rows, 2027)).toMatchObject({ van: 97_900_000, naar: 231_000_000, verschil: 133_100_000 });
    expect(totaal(rows, 'SPUK AZWA regionaal', 2029)?.naar).toBe(169_000_000);
    // National-only lines: their own groups, never in the own money.
    expect(totaal(rows, 'SPUK AZWA (landelijk)', 2027)?.naar).toBe(18_000_000);
    expect(totaal(rows, 'Subsidie Gezonde School', 2027)?.naar).toBe(8_000_000);
  });
});
