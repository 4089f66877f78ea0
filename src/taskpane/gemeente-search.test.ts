import { defaultReferenceData } from '../data';
import { exactOption, filterOptions, gemeenteOptions, LANDELIJK, normalise } from './gemeente-search';
import { NL } from './messages.nl';

const data = defaultReferenceData();
const options = gemeenteOptions(data.gemeenten, NL.gemeente.landelijk);
const labels = (text: string): string[] => filterOptions(options, text).map((o) => o.label);

describe('gemeenteOptions', () => {
  it('lists the national option first, then all 342 gemeenten alphabetically', () => {
    expect(options).toHaveLength(343);
    expect(options[0]).toMatchObject({ value: LANDELIJK, label: 'Heel Nederland (landelijk)' });
    const names = options.slice(1).map((o) => o.label);
    expect(names[0]).toBe('Aa en Hunze');
    // Dutch order ignores punctuation: 's-Gravenhage sorts under S, as in the CBS lists.
    expect(names.indexOf("'s-Gravenhage")).toBeGreaterThan(names.indexOf('Schouwen-Duiveland'));
    expect(names.indexOf("'s-Gravenhage")).toBeLessThan(names.indexOf('Sittard-Geleen'));
    expect(new Set(options.map((o) => o.value)).size).toBe(343);
  });

  it('shows the CBS code and provincie as detail', () => {
    expect(options.find((o) => o.label === 'Almere')?.detail).toBe('GM0034 · Flevoland');
  });
});

describe('filterOptions', () => {
  it('gives every option for an empty query', () => {
    expect(filterOptions(options, '   ')).toHaveLength(343);
  });

  it('matches the start of a name, case- and accent-insensitively', () => {
    expect(labels('Alm')).toEqual(['Almelo', 'Almere']);
    expect(labels('alm')).toEqual(['Almelo', 'Almere']);
    expect(labels('sudwest')).toEqual(['Súdwest-Fryslân']);
  });

  it('puts prefix matches before word and substring matches', () => {
    const result = labels('bergen');
    // The two gemeenten called Bergen first, then names starting with the word, then other prefixes.
    expect(result.slice(0, 4)).toEqual(['Bergen (L.)', 'Bergen (NH.)', 'Bergen op Zoom', 'Berg en Dal']);
    expect(result).toContain('Steenbergen');
    expect(result.indexOf('Steenbergen')).toBeGreaterThan(3);
    expect(labels('zoom')[0]).toBe('Bergen op Zoom');
  });

  it('finds by CBS code with or without GM and leading zeros', () => {
    expect(labels('GM0034')[0]).toBe('Almere');
    expect(labels('0034')[0]).toBe('Almere');
    expect(labels('34')[0]).toBe('Almere');
    expect(labels('gm0363')[0]).toBe('Amsterdam');
  });

  it('knows everyday names', () => {
    expect(labels('Den Haag')).toEqual(["'s-Gravenhage"]);
    expect(labels('den bosch')).toEqual(["'s-Hertogenbosch"]);
    expect(labels('gravenhage')[0]).toBe("'s-Gravenhage");
  });

  it('offers the national option for its own words only', () => {
    expect(labels('landelijk')).toEqual(['Heel Nederland (landelijk)']);
    expect(labels('Heel')[0]).toBe('Heel Nederland (landelijk)');
    expect(labels('Alm')).not.toContain('Heel Nederland (landelijk)');
  });

  it('returns nothing for nonsense', () => {
    expect(labels('xyzzy')).toEqual([]);
  });
});

describe('exactOption', () => {
  it('accepts an exact name or a full code, nothing partial', () => {
    expect(exactOption(options, 'almere')?.value).toBe('GM0034');
    expect(exactOption(options, 'GM0034')?.label).toBe('Almere');
    expect(exactOption(options, '34')?.label).toBe('Almere');
    expect(exactOption(options, 'Alm')).toBeUndefined();
    expect(exactOption(options, '')).toBeUndefined();
  });

  it('normalises punctuation and accents', () => {
    expect(normalise("'s-Gravenhage")).toBe('sgravenhage');
    expect(normalise('Súdwest-Fryslân')).toBe('sudwestfryslan');
  });
});
