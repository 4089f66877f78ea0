import { editionInput, parseBeschikkingRegelsCsv, scenarioEditions } from '../../data';
import type { CbsCode } from '..';
import { builtInKey, EDITION_YEARS, MODEL_CHECKS, resolveScenario } from '..';

const ALMERE = 'GM0034' as CbsCode;
const input = editionInput('vws-2026-04');
const key = builtInKey('spuk-2025', input.base);

function beschikking(text: string) {
  const parsed = parseBeschikkingRegelsCsv(`regeling;onderdeel;jaar;bedrag_eur\n${text}`, {
    gemeente: ALMERE,
    gemeenten: input.base.gemeenten,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.failures));
  return parsed.value;
}

describe('resolveScenario: one request, every number once', () => {
  const almere = resolveScenario({ ...scenarioEditions('vws-2026-04'), key, gemeente: ALMERE });

  it('meets Bijlage 2A for Almere to the euro (2025 € 3.478.172, 2026 € 2.961.529)', () => {
    expect(almere.bijlage2A.map((b) => [b.jaar, b.gepubliceerd, b.onderdelen, b.verschil])).toEqual([
      [2025, 3_478_172, 3_478_172, 0],
      [2026, 2_961_529, 2_961_529, 0],
    ]);
  });

  it('expects 0 on every model check of Controle for the shipped data, by id', () => {
    expect(Object.keys(almere.modelChecks).sort()).toEqual([...MODEL_CHECKS].sort());
    expect(almere.modelChecksTotal).toBe(0);
  });

  it('an onderdeel from the beschikking wins in the view, the amount and its label, and in the readings', () => {
    const s = resolveScenario({
      edition: input,
      key,
      gemeente: ALMERE,
      beschikking: beschikking('Brede SPUK;1;2025;500000\n'),
    });
    expect(s.amount(1, 2025)).toEqual({ bedrag: 500_000, bron: 'beschikking' });
    expect(almere.amount(1, 2025).bron).toBe('afgeleid');
    const delta = 500_000 - almere.amount(1, 2025).bedrag;
    const i = EDITION_YEARS.indexOf(2025);
    expect((s.readings.eigen[i]?.bedrag ?? 0) - (almere.readings.eigen[i]?.bedrag ?? 0)).toBe(delta);
    // The edition's own ledger (Allocatie) is untouched.
    expect(s.ledger.gemeente(ALMERE, 1, 2025)?.bedrag).toBe(almere.amount(1, 2025).bedrag);
    expect(s.sources.beschikking).toBe(1);
  });

  it('reads a negative amount as incidental in the Rijk reading (never negative structural)', () => {
    const s = resolveScenario({
      edition: input,
      key,
      gemeente: ALMERE,
      beschikkingAmounts: [{ code: ALMERE, nr: 1, jaar: 2025, bedrag: -1_000 as never }],
    });
    const r = s.lineReading(1, 2025);
    expect(r.rijkS).toBe(0);
    expect(r.rijkI).toBe(-1_000);
    expect(r.bbvS).toBe(0);
  });

  it('the afloop of a line is what stops after each year; after 2029 everything', () => {
    for (const y of EDITION_YEARS) {
      const next = EDITION_YEARS[EDITION_YEARS.indexOf(y) + 1];
      const expected = Math.max(0, almere.amount(17, y).bedrag - (next ? almere.amount(17, next).bedrag : 0));
      expect(almere.afloop(17, y)).toBe(expected);
    }
    expect(almere.afloop(17, 2029)).toBe(almere.amount(17, 2029).bedrag);
    expect(almere.amount(17, 2029).bedrag).toBeGreaterThan(0);
  });

  it('compares with the previous edition for the gemeente and nationally', () => {
    expect(almere.diff?.gemeente?.length).toBeGreaterThan(0);
    expect(almere.diff?.landelijk.length).toBeGreaterThan(0);
    expect(resolveScenario({ edition: input, key }).diff).toBeUndefined();
  });

  it('refuses a gemeente that is not in the edition', () => {
    expect(() => resolveScenario({ edition: input, key, gemeente: 'GM9999' as CbsCode })).toThrow(RangeError);
  });
});

describe('issue 16: one truth, every recipient, open posts and floor gemeenten in the scenario', () => {
  it('the national view counts SamenTwente: Σ SPUK IZA 142.900.002 (2023–2025), 153.213.599 (2026), AZWA regionaal = the raming', () => {
    const nl = resolveScenario({ edition: input, key });
    expect([2023, 2024, 2025, 2026].map((j) => nl.amount(16, j as 2023).bedrag)).toEqual([
      142_900_002, 142_900_002, 142_900_002, 153_213_599,
    ]);
    expect([2027, 2028, 2029].map((j) => nl.amount(18, j as 2027).bedrag)).toEqual([
      194_000_000, 235_000_000, 169_000_000,
    ]);
    // The gemeenten alone receive 137.573.564 (without Twente's 5.326.438).
    expect(nl.ledger.sumGemeenten(16, 2025)).toBe(137_573_564);
    expect(nl.plafonds.perRegeling['SPUK IZA'][2]?.bedrag).toBe(142_900_002);
    expect(nl.aansluiting.every((r) => r.verschil.every((x) => x === 0))).toBe(true);
  });

  it('Overzicht = Begrotingstoets per post and year; a total below the onderdelen entered is a counted difference', () => {
    const almere = resolveScenario({ edition: input, key, gemeente: ALMERE });
    expect(almere.aansluiting.map((r) => r.post)).toEqual([
      'Brede SPUK',
      'SPUK IZA',
      'SPUK AZWA lokaal',
      'SPUK AZWA regionaal',
    ]);
    expect(almere.modelChecks.aansluiting).toBe(0);
    const off = resolveScenario({
      edition: input,
      key,
      gemeente: ALMERE,
      beschikking: beschikking('Brede SPUK;;2025;100000\nBrede SPUK;2;2025;300000\n'),
    });
    // Overzicht shows Σ onderdelen, the toets (and the Samenvatting) the total: the sheets disagree.
    expect(off.aansluiting[0]?.verschil[2]).toBeGreaterThan(0);
    expect(off.modelChecks.aansluiting).toBe(1);
    expect(off.modelChecksTotal).toBe(1);
  });

  it("BRC + Sportakkoord from 2027 (no end in the source: to 2030, the edition's last year): 78 mln × the 2026 share, an open post outside every total (Almere € 873.598)", () => {
    const almere = resolveScenario({ edition: input, key, gemeente: ALMERE });
    const [brc] = almere.openPosten;
    expect(brc?.basisJaar).toBe(2026);
    expect(brc?.landelijk).toBe(78_000_000);
    expect(brc?.basisGemeente).toBe(105_709 + 912_268);
    expect(brc?.basisLandelijk).toBe(90_891_058);
    expect(brc?.post.zonderEinde).toBe(true);
    expect(brc?.post.totEnMetJaar).toBe(2030);
    expect(brc?.perJaar).toEqual(input.edition.years.map((y) => (y >= 2027 ? 873_598 : 0)));
    expect(brc?.perJaar[7]).toBe(873_598);
    // Not in the paid amounts: Almere's eigen geld 2027 is its SPUK AZWA lokaal alone.
    expect(almere.readings.eigen[4]?.bedrag).toBe(2_587_831);
    const nl = resolveScenario({ edition: input, key });
    expect(nl.openPosten[0]?.perJaar[4]).toBe(78_000_000);
  });

  it('Rozendaal is a floor gemeente (72.896 → 54.233 in 2027); SPUK AZWA is a raming until a beschikking', () => {
    const rozendaal = resolveScenario({ edition: input, key, gemeente: 'GM0277' as CbsCode });
    expect(rozendaal.vloer.codes).toContain('GM0277');
    expect(rozendaal.vloer.jaar).toBe(2027);
    expect(rozendaal.readings.eigen.slice(3, 5).map((r) => r.bedrag)).toEqual([72_896, 54_233]);
    expect(rozendaal.azwa).toEqual({ jaren: [2027, 2028, 2029], beschikking: false });
    expect(resolveScenario({ edition: input, key, gemeente: ALMERE }).vloer.codes).not.toContain(ALMERE);
  });
});
