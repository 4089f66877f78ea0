import * as dataLayer from '.';
import {
  baseDataEdition,
  defaultReferenceData,
  editionManifests,
  loadReferenceData,
  EMBEDDED_FILES,
  EMBEDDED_TEXTS,
  DataFileError,
} from '.';

describe('embedded reference data', () => {
  const data = defaultReferenceData();

  it('has the 16 GALA lines with exact euro amounts', () => {
    expect(data.onderdelen).toHaveLength(16);
    const brc = data.onderdelen[1];
    expect(brc?.naam).toMatch(/Combinatiefuncties/);
    expect(brc?.amounts[2023]).toBe(89_300_000);
    expect(brc?.structureel).toBe(86_300_000);
    const mentaal = data.onderdelen[4];
    expect(mentaal?.amounts[2026]).toBeUndefined();
    expect(mentaal?.structureel).toBeUndefined();
    expect(data.onderdelen[15]?.fund).toBe('spuk-iza');
  });

  it('has 342 gemeenten sorted by CBS code, and Bijlage 2A for each', () => {
    expect(data.gemeenten).toHaveLength(342);
    expect(data.gemeenten[0]?.code).toBe('GM0014');
    const codes = data.gemeenten.map((g) => g.code);
    expect([...codes].sort()).toEqual(codes);
    expect(data.bijlage2A).toHaveLength(342);
    const almere = data.bijlage2A.find((r) => r.code === 'GM0034');
    expect(almere?.totaal2025).toBe(3_478_172);
    expect(almere?.totaal2026).toBe(2_961_529);
  });

  it('has the 42 IZA regions of Bijlage 2B with mandaatgemeente', () => {
    expect(data.izaRegios).toHaveLength(42);
    const flevoland = data.izaRegios.find((r) => r.naam === 'Flevoland');
    expect(flevoland?.mandaatgemeente).toBe('Almere');
    expect(flevoland?.totaal2025).toBe(3_161_954);
    expect(data.izaRegios.find((r) => r.naam === 'Twente')?.mandaatgemeenteCode).toBeUndefined();
  });

  it('has mutaties in exact euros', () => {
    const korting = data.mutaties.find((m) => m.onderwerp.startsWith('Korting') && m.spuk === 'Brede SPUK');
    expect(korting?.bedrag).toBe(-23_500_000);
  });
});

describe('malformed data files fail with file and line', () => {
  it('names the line of a non-numeric amount', () => {
    const bad = EMBEDDED_FILES.gala.replace('89.3,89.3,89.3,86.3', '89.3,89,3x,89.3,86.3');
    expect(() => loadReferenceData({ gala: bad })).toThrow(DataFileError);
  });

  it('names file and line of a text amount', () => {
    const bad = EMBEDDED_FILES.gala.replace('Sportakkoord,Sport en bewegen,13,', 'Sportakkoord,Sport en bewegen,dertien,');
    expect(() => loadReferenceData({ gala: bad })).toThrow('gala-2023/brede_spuk_2023_2026.csv:2: "2023" is not an amount: dertien');
  });

  it('rejects an unknown CBS code in Bijlage 2A with its line', () => {
    const bad = EMBEDDED_FILES.bijlage2A.replace('GM1680,Aa en Hunze', 'GM9999,Aa en Hunze');
    expect(() => loadReferenceData({ bijlage2A: bad })).toThrow(/brede_spuk_bedragen_per_gemeente_2025_2026\.csv:2: CBS code GM9999/);
  });

  it('rejects a membership row that names a region not in Bijlage 2B', () => {
    const bad = EMBEDDED_FILES.leden.replace('GM1680,Aa en Hunze,Drenthe', 'GM1680,Aa en Hunze,Atlantis');
    expect(() => loadReferenceData({ leden: bad })).toThrow(/spuk_iza_regio_leden_afgeleid\.csv:2: region "Atlantis"/);
  });
});

describe('the base data’s dataset descriptions: written once, in the manifests', () => {
  const data = defaultReferenceData();
  const manifests = editionManifests();
  const described = manifests.flatMap((m) => m.datasets);

  it('every embedded file is described by exactly one dataset of the shipped manifests', () => {
    for (const bestand of Object.keys(EMBEDDED_TEXTS))
      expect([bestand, described.filter((d) => d.bestand === bestand).length]).toEqual([bestand, 1]);
  });

  it('the base data lists, per file it reads, the manifest’s description (same object, same text)', () => {
    expect(data.edition.datasets.map((d) => d.bestand)).toEqual(
      Object.keys(EMBEDDED_TEXTS).filter((b) => !b.includes('open_posten')),
    );
    for (const d of data.edition.datasets) expect(described).toContainEqual(d);
    expect(data.edition).toEqual(baseDataEdition());
  });

  it('no TypeScript copy of the descriptions is exported any more', () => {
    expect(Object.keys(dataLayer)).not.toContain('EDITION_2025');
  });
});
