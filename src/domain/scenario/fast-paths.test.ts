import { editionInput, scenarioEditions } from '../../data';
import type { CbsCode } from '..';
import {
  builtInKey,
  editionDiff,
  euro,
  legeBegroting,
  Ledger,
  plafonds,
  regioLeden,
  regioVanLid,
  resolveScenario,
  toetsBegroting,
} from '..';

/**
 * The shortcuts of #15 (performance) give what the plain computation gives: the region of a member
 * found in one pass, the plafonds computed once and passed to the toets, the plan's "Wat is er
 * veranderd" read from the scenario.
 */
const input = editionInput('vws-2026-04');
const key = builtInKey('spuk-2025', input.base);

describe('regioVanLid', () => {
  it('is, for every gemeente, the first region whose regioLeden include it', () => {
    const ledger = new Ledger(input, key);
    const leden = ledger.regios.map((r) => ({ r, leden: regioLeden(ledger, r.naam).leden }));
    let members = 0;
    for (const code of ledger.gemeenten) {
      const plain = leden.find((x) => x.leden.includes(code))?.r;
      if (plain !== undefined) members++;
      expect(regioVanLid(ledger, code)).toBe(plain);
    }
    // Every gemeente is in a SPUK IZA region in the shipped data.
    expect(members).toBe(ledger.gemeenten.length);
  });
});

describe('toetsBegroting with the plafonds passed', () => {
  it.each(['GM0034', 'GM0037'])(
    'equals the toets that computes them itself (%s, a Brede SPUK total in the beschikking)',
    (gemeente) => {
      const ledger = new Ledger(input, key);
      const code = gemeente as CbsCode;
      const beschikking = [
        {
          regeling: 'Brede SPUK' as const,
          onderdeel: undefined,
          jaar: 2025 as const,
          bedrag: euro(3_000_000),
        },
      ];
      const begroting = legeBegroting(input.edition);
      const own = toetsBegroting(ledger, code, begroting, beschikking);
      const passed = toetsBegroting(
        ledger,
        code,
        begroting,
        beschikking,
        plafonds(ledger, code, beschikking),
      );
      expect(passed).toEqual(own);
    },
  );

  it('gives a member gemeente its planned share from the mandaatgemeente (Stadskanaal, SPUK IZA 2025)', () => {
    const ledger = new Ledger(input, key);
    const toets = toetsBegroting(ledger, 'GM0037' as CbsCode, legeBegroting(input.edition));
    const iza2025 = toets.vanMandaatgemeente['SPUK IZA'][input.edition.years.indexOf(2025)];
    expect(iza2025?.bron).toBe('regioverdeling');
    expect(iza2025?.bedrag).toBeGreaterThan(0);
  });
});

describe('the scenario diff', () => {
  it('is editionDiff of the two ledgers, for the gemeente and nationally', () => {
    const s = resolveScenario({ ...scenarioEditions('vws-2026-04'), key, gemeente: 'GM0014' as CbsCode });
    const vorige = s.vorige;
    if (vorige === undefined) throw new Error('vws-2026-04 has a vorige');
    expect(s.diff?.gemeente).toEqual(editionDiff(vorige, s.ledger, 'GM0014' as CbsCode));
    expect(s.diff?.landelijk).toEqual(editionDiff(vorige, s.ledger));
  });
});
