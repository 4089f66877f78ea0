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
