import { defaultEditionId, defaultReferenceData, editionInput } from '../data';
import type { CbsCode, RegioFailure, RegioVerdeling } from '.';
import { builtInKey, EDITION_YEARS, findRegio, Ledger, medeoverheden, regioLeden, regioVerdeling } from '.';

const base = defaultReferenceData();
const ledger = new Ledger(editionInput(defaultEditionId()), builtInKey('spuk-2025', base));
const FLEVOLAND = ['GM0034', 'GM0171', 'GM0184', 'GM0303', 'GM0995'] as const; // Almere, Noordoostpolder, Urk, Dronten, Lelystad

function split(
  ...args: Parameters<typeof regioVerdeling> extends [unknown, ...infer R] ? R : never
): RegioVerdeling {
  const r = regioVerdeling(ledger, ...args);
  if (!r.ok) throw new Error(JSON.stringify(r.failures));
  return r.value;
}
function failures(
  ...args: Parameters<typeof regioVerdeling> extends [unknown, ...infer R] ? R : never
): RegioFailure[] {
  const r = regioVerdeling(ledger, ...args);
  if (r.ok) throw new Error('expected a refusal');
  return [...r.failures];
}
const sum = (s: RegioVerdeling) => s.delen.reduce((a, d) => a + d.bedrag, 0);

describe('regioVerdeling: default method (aandeel) over all regions and years', () => {
  it('sums to the region amount to the euro for all 42 regions × 2023–2029, label kept', () => {
    expect(ledger.regios).toHaveLength(42);
    let n = 0;
    for (const r of ledger.regios)
      for (const jaar of EDITION_YEARS) {
        const s = split(r.naam, jaar);
        const nr = jaar <= 2026 ? 16 : 18;
        expect(s.nr).toBe(nr);
        expect(s.bedrag).toEqual(ledger.regio(r.naam, nr, jaar));
        expect(s.bedrag.bedrag).toBeGreaterThan(0);
        expect(sum(s)).toBe(s.bedrag.bedrag);
        // Each part: floor + correction, the correction is the largest-remainder step, |part − exact| < 1.
        for (const d of s.delen) {
          expect(d.bedrag).toBe(d.omlaag + d.correctie);
          expect(Math.abs(d.bedrag - d.exact)).toBeLessThan(1);
          expect(d.rest).toBeLessThan(s.totaalGewicht);
        }
        expect(s.delen.reduce((a, d) => a + d.correctie, 0)).toBe(s.uitgedeeld);
        n++;
      }
    expect(n).toBe(42 * 7);
  });

  it('Flevoland 2025: Bijlage 2B € 3.161.954 pro rata the members’ Bijlage 2A 2025 amounts', () => {
    const s = split('Flevoland', 2025);
    expect(s.bedrag).toMatchObject({ bedrag: 3_161_954, bron: 'gepubliceerd', regel: 'bijlage-2b' });
    expect(s.leden).toEqual(FLEVOLAND);
    expect(s.ledenBron).toBe('afgeleid');
    // Weights = Bijlage 2A 2025 (Almere € 3.478.172, VWS 12-09-2025).
    expect(s.delen.map((d) => d.gewicht)).toEqual([3_478_172, 823_621, 359_665, 681_815, 1_485_871]);
    expect(s.totaalGewicht).toBe(6_829_144);
    expect(s.delen.map((d) => d.bedrag)).toEqual([1_610_424, 381_344, 166_528, 315_686, 687_972]);
    // Two euros handed out: Noordoostpolder (rest 5.455.042) and Lelystad (2.725.110) beat Dronten (2.513.726).
    expect(s.uitgedeeld).toBe(2);
    expect(s.delen.map((d) => d.correctie)).toEqual([0, 1, 0, 0, 1]);
    expect(s.delen[0]).toMatchObject({ naam: 'Almere', mandaatgemeente: true, omlaag: 1_610_424 });
  });

  it('2027–2029: SPUK AZWA regionaal pro rata the members’ SPUK AZWA lokaal amounts', () => {
    const s = split('Flevoland', 2027);
    expect(s.nr).toBe(18);
    expect(s.bedrag.bron).toBe('raming');
    const almere = s.delen[0];
    expect(almere?.gewicht).toBe(ledger.gemeente('GM0034' as CbsCode, 17, 2027)?.bedrag);
  });

  it('IJssel-Vecht (mandaatgemeente Zwolle): membership from regiobeeld (bekend); H35B lists the 7 others', () => {
    const s = split('IJssel-Vecht', 2025);
    expect(s.ledenBron).toBe('bekend');
    expect(s.regio.mandaatgemeente).toBe('Zwolle');
    const h = medeoverheden([s, split('IJssel-Vecht', 2026)]);
    expect(h).toHaveLength(7);
    expect(h.map((m) => m.naam)).not.toContain('Zwolle');
    const kampen = h.find((m) => m.naam === 'Kampen');
    expect(kampen?.bedragen[2025]).toBe(s.delen.find((d) => d.naam === 'Kampen')?.bedrag);
    expect(Object.keys(kampen?.bedragen ?? {})).toEqual(['2025', '2026']);
  });

  it('Twente (SamenTwente, no gemeente): every member is a medeoverheid', () => {
    const s = split('Twente', 2025);
    expect(s.delen.every((d) => !d.mandaatgemeente)).toBe(true);
    expect(medeoverheden([s])).toHaveLength(s.leden.length);
  });
});

describe('regioVerdeling: methods', () => {
  it('gewichten: own weights per member, largest remainder, ties by CBS code order', () => {
    const s = split('Flevoland', 2025, {
      methode: 'gewichten',
      gewichten: FLEVOLAND.map((code) => ({ code, gewicht: 1 })),
    });
    // 3.161.954 / 5 = 632.390,8: four euros handed out, all rests equal → the first four in CBS code order.
    expect(s.restMethode).toBe('gewichten');
    expect(s.delen.map((d) => d.bedrag)).toEqual([632_391, 632_391, 632_391, 632_391, 632_390]);
    expect(sum(s)).toBe(3_161_954);
  });

  it('vast: fixed amounts first, the remainder by aandeel or by weights', () => {
    const vast = [
      { activiteit: 'Regionale coördinatie', bedrag: 250_000 },
      { activiteit: 'Netwerkbureau', bedrag: 111_954 },
    ];
    const s = split('Flevoland', 2025, { methode: 'vast', vast });
    expect(s.vast).toBe(361_954);
    expect(s.teVerdelen).toBe(2_800_000);
    expect(s.restMethode).toBe('aandeel');
    expect(s.delen.slice(0, 2).map((d) => [d.soort, d.naam, d.bedrag])).toEqual([
      ['activiteit', 'Regionale coördinatie', 250_000],
      ['activiteit', 'Netwerkbureau', 111_954],
    ]);
    expect(sum(s)).toBe(3_161_954);
    const w = split('Flevoland', 2025, {
      methode: 'vast',
      vast,
      gewichten: FLEVOLAND.map((code, i) => ({ code, gewicht: i === 0 ? 3 : 1 })),
    });
    expect(w.restMethode).toBe('gewichten');
    expect(w.delen.slice(2).map((d) => d.bedrag)).toEqual([1_200_000, 400_000, 400_000, 400_000, 400_000]);
    // A fixed amount equal to the whole: members get 0.
    const all = split('Flevoland', 2025, {
      methode: 'vast',
      vast: [{ activiteit: 'Alles regionaal', bedrag: 3_161_954 }],
    });
    expect(all.delen.slice(1).every((d) => d.bedrag === 0)).toBe(true);
    expect(medeoverheden([all])).toEqual([]);
  });

  it('a member list overrides (or confirms) the derived membership', () => {
    const s = split('Flevoland', 2025, { leden: ['gm0995', 'GM0034'] });
    expect(s.ledenBron).toBe('opgegeven');
    expect(s.leden).toEqual(['GM0034', 'GM0995']);
    expect(sum(s)).toBe(3_161_954);
    expect(regioLeden(ledger, 'Flevoland')).toEqual({ leden: FLEVOLAND, status: 'afgeleid' });
  });
});

describe('regioVerdeling: refusals (typed, never thrown)', () => {
  it('fixed amounts above the region amount', () => {
    expect(
      failures('Flevoland', 2025, {
        methode: 'vast',
        vast: [{ activiteit: 'Coördinatie', bedrag: 3_161_955 }],
      }),
    ).toEqual([
      { kind: 'RegioFixedExceeds', regio: 'Flevoland', jaar: 2025, vast: 3_161_955, bedrag: 3_161_954 },
    ]);
  });
  it('unknown and duplicate members, a weight for a non-member, missing weights', () => {
    expect(failures('Flevoland', 2025, { leden: ['GM0034', 'GM9999', 'GM0034'] })).toEqual([
      { kind: 'RegioUnknownMember', code: 'GM9999' },
      { kind: 'RegioDuplicateMember', code: 'GM0034' },
    ]);
    expect(
      failures('Flevoland', 2025, {
        methode: 'gewichten',
        gewichten: [
          { code: 'GM0034', gewicht: 1, row: 2 },
          { code: 'GM0034', gewicht: 2, row: 3 },
          { code: 'GM0363', gewicht: 1, row: 4 },
          { code: 'GMXXXX', gewicht: 1, row: 5 },
        ],
      }),
    ).toEqual([
      { kind: 'RegioDuplicateMember', code: 'GM0034', row: 3, firstRow: 2 },
      { kind: 'RegioNotAMember', code: 'GM0363', regio: 'Flevoland', row: 4 },
      { kind: 'RegioUnknownMember', code: 'GMXXXX', row: 5 },
      { kind: 'RegioMissingWeights', regio: 'Flevoland', codes: ['GM0171', 'GM0184', 'GM0303', 'GM0995'] },
    ]);
  });
  it('negative or non-whole amounts and weights; duplicate activities', () => {
    expect(
      failures('Flevoland', 2025, {
        methode: 'vast',
        vast: [
          { activiteit: 'A', bedrag: -1 },
          { activiteit: 'B', bedrag: 10.5 },
          { activiteit: 'C', bedrag: 5, row: 7 },
          { activiteit: ' c ', bedrag: 5, row: 8 },
        ],
        gewichten: [
          { code: 'GM0034', gewicht: -2 },
          { code: 'GM0171', gewicht: 0.5 },
        ],
      }).map((f) => f.kind),
    ).toEqual([
      'RegioBadAmount',
      'RegioBadAmount',
      'RegioDuplicateActivity',
      'RegioBadWeight',
      'RegioBadWeight',
      'RegioMissingWeights',
    ]);
  });
  it('an empty member list and zero total weight', () => {
    expect(failures('Flevoland', 2025, { leden: [] })).toEqual([
      { kind: 'RegioNoMembers', regio: 'Flevoland' },
    ]);
    expect(
      failures('Flevoland', 2025, {
        methode: 'gewichten',
        gewichten: FLEVOLAND.map((code) => ({ code, gewicht: 0 })),
      }),
    ).toEqual([{ kind: 'RegioZeroWeights', regio: 'Flevoland' }]);
  });
  it('input the method does not use, or missing input', () => {
    expect(failures('Flevoland', 2025, { gewichten: [{ code: 'GM0034', gewicht: 1 }] })).toEqual([
      { kind: 'RegioInputForMethod', methode: 'aandeel', given: 'gewichten' },
    ]);
    expect(
      failures('Flevoland', 2025, { methode: 'gewichten', vast: [{ activiteit: 'A', bedrag: 1 }] }),
    ).toEqual([
      { kind: 'RegioInputForMethod', methode: 'gewichten', given: 'vast' },
      { kind: 'RegioInputForMethod', methode: 'gewichten', given: 'geen' },
    ]);
    expect(failures('Flevoland', 2025, { methode: 'vast' })).toEqual([
      { kind: 'RegioInputForMethod', methode: 'vast', given: 'geen' },
    ]);
  });
  it('findRegio: exact name (case, spaces, hyphens ignored) or suggestions', () => {
    const f = findRegio('ijssel vecht', base.izaRegios);
    expect(f.ok && f.value.mandaatgemeente).toBe('Zwolle');
    expect(findRegio('Utrecht', base.izaRegios)).toMatchObject({ ok: true, value: { naam: 'Utrecht' } });
    expect(findRegio('brabant', base.izaRegios)).toMatchObject({
      ok: false,
      failures: [
        {
          kind: 'RegioUnknown',
          suggestions: ['Hart van Brabant', 'Noordoost Brabant', 'West-Brabant', 'Zuid Oost Brabant'],
        },
      ],
    });
  });
});
