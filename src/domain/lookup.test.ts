import { defaultReferenceData } from '../data';
import { findGemeente, searchGemeenten } from './lookup';

const G = defaultReferenceData().gemeenten;
const found = (text: string) => {
  const r = findGemeente(text, G);
  return r.ok ? r.value.code : r.failures;
};

describe('findGemeente: one lookup for the CLI and the task pane', () => {
  it.each([
    ['GM0034', 'GM0034'],
    ['gm0034', 'GM0034'],
    ['0034', 'GM0034'],
    ['34', 'GM0034'],
    ['Almere', 'GM0034'],
    ['ALMERE ', 'GM0034'],
    ['Den Haag', 'GM0518'],
    ['den-haag', 'GM0518'],
    ['Den Bosch', 'GM0796'],
    ["'s-Hertogenbosch", 'GM0796'],
    ['s Hertogenbosch', 'GM0796'],
    ['Hengelo', 'GM0164'],
    ['Hengelo (O.)', 'GM0164'],
    ['Middelburg', 'GM0687'],
    ['Súdwest-Fryslân', 'GM1900'],
    ['sudwest fryslan', 'GM1900'],
    ['Nuenen', 'GM0820'],
    ['Bergen (L.)', 'GM0893'],
    ['Bergen NH', 'GM0373'],
  ])('%s → %s', (text, code) => {
    expect(found(text)).toBe(code);
  });

  it('a prefix does not resolve: it returns the suggestions', () => {
    expect(found('Almer')).toEqual([
      { kind: 'UnknownGemeente', text: 'Almer', suggestions: ['Almere (GM0034)'] },
    ]);
    expect(found('Alm')).toEqual([
      { kind: 'UnknownGemeente', text: 'Alm', suggestions: ['Almelo (GM0141)', 'Almere (GM0034)'] },
    ]);
  });

  it('"Bergen" is two gemeenten: both exact names first, before Bergen op Zoom and Berg en Dal', () => {
    const r = findGemeente('Bergen', G);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.failures[0]).toMatchObject({
      suggestions: [
        'Bergen (L.) (GM0893)',
        'Bergen (NH.) (GM0373)',
        'Bergen op Zoom (GM0748)',
        'Berg en Dal (GM1945)',
        'Haaksbergen (GM0158)',
      ],
    });
  });

  it('a code prefix does not resolve', () => {
    expect(findGemeente('GM003', G).ok).toBe(false);
  });

  it('nonsense has no suggestions', () => {
    expect(found('Atlantis')).toEqual([{ kind: 'UnknownGemeente', text: 'Atlantis', suggestions: [] }]);
    expect(found('')).toEqual([{ kind: 'UnknownGemeente', text: '', suggestions: [] }]);
  });

  it('ranks exact, then names starting with the words, then prefixes, then words and substrings', () => {
    expect(
      searchGemeenten('bergen', G)
        .map((g) => g.naam)
        .slice(0, 4),
    ).toEqual(['Bergen (L.)', 'Bergen (NH.)', 'Bergen op Zoom', 'Berg en Dal']);
    expect(searchGemeenten('zoom', G)[0]?.naam).toBe('Bergen op Zoom');
  });
});
