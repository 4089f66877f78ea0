import galaManifest from '../../data/gala-2023/edition.json';
import { registerEditionFolder, resolveEdition } from './editions';
import { ManifestError, parseManifest } from './manifest';

/** Any JSON value, for breaking a manifest on purpose (test-only, not a boundary). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A deep copy of a JSON value, edited by `change` (the tests break one field at a time). */
function edited(json: unknown, change: (m: Record<string, Json>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(json)) as Record<string, Json>;
  change(copy);
  return copy;
}

const FILE = 'data/vws-2026-04/edition.json';

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

/** A minimal folder edition on top of vws-2026-04 (for the errors only resolution can see). */
const folder = (manifest: unknown, files: Record<string, string> = {}) => ({ dir: 'test/x', manifest, files });
const base = {
  id: 'x-test',
  naam: 'x',
  datum: '2027-01-01',
  omschrijving: 'x',
  vorige: 'vws-2026-04',
  datasets: [],
  regelingen: [],
  bedragen: [],
  mutaties: [],
};

describe('the manifest schema: every error names the file and the field', () => {
  it('the shipped manifests are valid', () => {
    expect(() => resolveEdition('vws-2026-04')).not.toThrow();
  });

  it('the BRC + Sportakkoord figure (87 / 78 mln) is VNG Lbr. 25/036, footnote 2; its LPO reading is labelled afgeleid', () => {
    const e = resolveEdition('vws-2026-04');
    const post = e.openPosten.find((p) => p.nrs.includes(2));
    expect(post?.bron).toBe('VNG-ledenbrief Lbr. 25/036, 11-07-2025, voetnoot 2');
    // "vanaf 2027" without an end: tot_en_met_jaar is empty, so the post runs to the axis's last year.
    expect(post).toMatchObject({ vanJaar: 2027, totEnMetJaar: 2030, zonderEinde: true });
    // The BFU post states its end (2030–2030): no flag.
    expect(e.openPosten.find((p) => p.nrs.includes(17))?.zonderEinde).toBeUndefined();
    expect(post?.toelichting).toMatch(/samen 87 mln in 2026, 78 mln per jaar vanaf 2027; waarschijnlijk zonder loon- en prijsbijstelling \(afgeleid: 87 ≈ \(86,3 \+ 10\) × 0,9/);
    expect(e.datasets.find((d) => d.id === 'vng-2026-open-posten')).toMatchObject({ kenmerk: 'Lbr. 25/036', datum: '2025-07-11' });
    expect(JSON.stringify(e)).not.toContain('26/012');
  });

  it('another reading of a GALA figure names a GALA line and whole euros', () => {
    const lezing = (change: (l: Record<string, Json>) => void) =>
      edited(galaManifest, (m) => change(m.lezingen[0]));
    expect(message(() => parseManifest(FILE, lezing((l) => (l.bedrag = 89.5))))).toBe(
      `${FILE}: lezingen[0].bedrag: must be whole euros ≥ 0, found 89.5`,
    );
    expect(message(() => parseManifest(FILE, lezing((l) => delete l.bron)))).toBe(`${FILE}: lezingen[0].bron: missing`);
    expect(
      message(() => registerEditionFolder(folder({ ...base, lezingen: [{ ...galaManifest.lezingen[0], nr: 99 }] }))),
    ).toBe('test/x/edition.json: lezingen[0].nr: 99 is not a line of the GALA table');
  });

  it('a SiSa code names what it accounts for with a known part', () => {
    expect(message(() => parseManifest(FILE, edited(galaManifest, (m) => (m.regelingen[1].sisa[0].deel = 'eigen'))))).toBe(
      `${FILE}: regelingen[1].sisa[0].deel: unknown part "eigen" (expected eigen uitvoering, medeoverheden)`,
    );
  });

  it('a missing field', () => {
    expect(message(() => parseManifest(FILE, edited(galaManifest, (m) => delete m.regelingen[0].onderdelen[0].ontvanger)))).toBe(
      `${FILE}: regelingen[0].onderdelen[0].ontvanger: missing`,
    );
    expect(message(() => parseManifest(FILE, edited(galaManifest, (m) => delete m.datasets[1].kolommen)))).toBe(
      `${FILE}: datasets[1].kolommen: missing`,
    );
  });

  it('a wrong type', () => {
    expect(message(() => parseManifest(FILE, edited(galaManifest, (m) => (m.regelingen[0].eindjaar = '2026'))))).toBe(
      `${FILE}: regelingen[0].eindjaar: must be a year (a whole number 2000–2100), found "2026"`,
    );
    expect(message(() => parseManifest(FILE, edited(galaManifest, (m) => (m.bedragen = {}))))).toBe(
      `${FILE}: bedragen: must be a list, found {}`,
    );
  });

  it('an unknown recipient', () => {
    expect(
      message(() => parseManifest(FILE, edited(galaManifest, (m) => (m.regelingen[1].onderdelen[0].ontvanger = 'provincie')))),
    ).toBe(
      `${FILE}: regelingen[1].onderdelen[0].ontvanger: unknown recipient "provincie" (expected gemeente, mandaatgemeente, ggd, landelijk)`,
    );
  });

  it('a percentage out of range', () => {
    expect(
      message(() => parseManifest(FILE, edited(galaManifest, (m) => (m.regelingen[0].regels.schuifruimte.waarde = 150)))),
    ).toBe(`${FILE}: regelingen[0].regels.schuifruimte.waarde: must be a percentage 0–100, found 150`);
    expect(
      message(() => parseManifest(FILE, edited(galaManifest, (m) => (m.regelingen[0].regels.overheveling[1].waarde = -10)))),
    ).toBe(`${FILE}: regelingen[0].regels.overheveling[1].waarde: must be a percentage 0–100, found -10`);
  });

  it('an unknown basis (grondslag) of a rule', () => {
    expect(
      message(() => parseManifest(FILE, edited(galaManifest, (m) => (m.regelingen[0].regels.schuifruimte.grondslag = 'gewoonte')))),
    ).toBe(
      `${FILE}: regelingen[0].regels.schuifruimte.grondslag: unknown basis "gewoonte" (expected regeling, brief, praktijk, aanname)`,
    );
  });

  it('the shipped Brede SPUK rules say how firm their source is (no article of the regeling found)', () => {
    const brede = resolveEdition('gala-2023').regelingen.find((r) => r.id === 'brede-spuk')?.regels;
    expect([
      brede?.schuifruimte?.grondslag,
      brede?.perOnderdeel?.grondslag,
      ...(brede?.overheveling ?? []).map((o) => o.grondslag),
    ]).toEqual(['praktijk', 'brief', 'praktijk', 'brief']);
    expect(brede?.cofinanciering?.grondslag).toBe('praktijk');
  });

  it('a rule citing an article of the regeling has grondslag regeling; grondslag regeling needs the article', () => {
    const schuif = (change: (p: Record<string, Json>) => void) =>
      edited(galaManifest, (m) => change(m.regelingen[0].regels.schuifruimte));
    const cited = parseManifest(
      FILE,
      schuif((p) => {
        p.grondslag = 'regeling';
        p.artikel = 'art. 4.3 lid 2';
      }),
    );
    expect(cited.regelingen[0]?.regels?.schuifruimte).toMatchObject({ waarde: 15, grondslag: 'regeling', artikel: 'art. 4.3 lid 2' });
    expect(message(() => parseManifest(FILE, schuif((p) => (p.grondslag = 'regeling'))))).toBe(
      `${FILE}: regelingen[0].regels.schuifruimte.artikel: missing: a rule with grondslag "regeling" names the article that states it (no article read: grondslag brief, praktijk or aanname)`,
    );
    expect(message(() => parseManifest(FILE, schuif((p) => (p.artikel = 'art. 4.3'))))).toBe(
      `${FILE}: regelingen[0].regels.schuifruimte.grondslag: must be "regeling" for a rule that cites art. 4.3, found "praktijk"`,
    );
    expect(
      message(() =>
        parseManifest(
          FILE,
          schuif((p) => {
            p.grondslag = 'regeling';
            p.artikel = '4.3';
          }),
        ),
      ),
    ).toBe(
      `${FILE}: regelingen[0].regels.schuifruimte.artikel: must name the article as the regeling does ("art. 4.3", "artikel 4.3 lid 2", "bijlage 4"), found "4.3"`,
    );
  });

  it('no shipped rule claims an article nobody read: every rule cites the regeling without article and says its grondslag', () => {
    for (const id of ['gala-2023', 'vws-2025-09', 'vws-2026-04']) {
      const e = resolveEdition(id);
      for (const r of e.regelingen) {
        const p = r.regels;
        const all = [p.schuifruimte, p.perOnderdeel, ...(p.overheveling ?? []), p.cofinanciering].filter((x) => x !== undefined);
        for (const x of all) {
          expect(x.artikel).toBeUndefined();
          expect(['brief', 'praktijk', 'aanname']).toContain(x.grondslag);
        }
      }
    }
    const gala = resolveEdition('gala-2023');
    expect(gala.regelingen.find((r) => r.id === 'brede-spuk')?.bron).toMatch(/\(Stcrt\. 2023, 4245; https:\/\/wetten\.overheid\.nl\/BWBR0047862\)/);
    expect(gala.regelingen.find((r) => r.id === 'spuk-iza')?.bron).toMatch(/Stcrt\. 2023, 19964.*Stcrt\. 2024, 7256 en Stcrt\. 2025, 35153/);
    const brede = gala.regelingen.find((r) => r.id === 'brede-spuk')?.regels;
    for (const x of [brede?.schuifruimte, brede?.perOnderdeel, ...(brede?.overheveling ?? [])])
      expect(x?.bron).toContain('het artikel dat deze regel stelt is niet gelezen');
  });

  it('SPUK IZA carry-over: 2023 → 2024 not allowed (practice: VNG, Skipr); 2024 and 2025 a flagged assumption of 0 %', () => {
    const iza = resolveEdition('vws-2026-04').regelingen.find((r) => r.id === 'spuk-iza')?.regels.overheveling ?? [];
    expect(iza.map((o) => [o.vanJaar, o.waarde, o.per, o.grondslag])).toEqual([
      [2023, 0, 'regeling', 'praktijk'],
      [2024, 0, 'regeling', 'aanname'],
      [2025, 0, 'regeling', 'aanname'],
    ]);
    expect(iza[0]?.bron).toContain('https://vng.nl/nieuws/hef-jaargrens-voor-benutten-spuk-gelden-iza-op');
    expect(iza[2]?.bron).toContain('hevelde Haarlemmermeer € 562.000 "SPUK GALA en SPUK IZA" over van 2025 naar 2026');
    expect(iza[2]?.bron).toContain('https://najaarsrapportage.haarlemmermeer.nl/2025/5-budget-overhevelingen');
  });

  it('cofinanciering is a rule with its source: BRC 60 % 2023–2026 (VNG, Sportakkoord II), SPUK AZWA 0 % (VNG Lbr. 25/036)', () => {
    const e = resolveEdition('vws-2026-04');
    expect(e.regelingen.find((r) => r.id === 'brede-spuk')?.regels.cofinanciering).toMatchObject({
      waarde: 60,
      jaren: [2023, 2024, 2025, 2026],
      onderdelen: [2],
      grondslag: 'praktijk',
    });
    expect(e.regelingen.find((r) => r.id === 'brede-spuk')?.regels.cofinanciering?.bron).toContain(
      'Gemeenten moeten zelf 60% bijdragen in de kosten',
    );
    expect(e.regelingen.find((r) => r.id === 'spuk-azwa')?.regels.cofinanciering).toMatchObject({
      waarde: 0,
      onderdelen: [17, 18],
      grondslag: 'praktijk',
    });
    const cofinanciering = { ...galaManifest.regelingen[0]?.regels?.cofinanciering, onderdelen: [16] };
    const patch = { id: 'brede-spuk', regels: { cofinanciering } };
    expect(message(() => registerEditionFolder(folder({ ...base, regelingen: [patch] })))).toBe(
      'test/x/edition.json: regelingen[0].regels.cofinanciering.onderdelen[0]: 16 is not a line of the regeling',
    );
    expect(message(() => parseManifest(FILE, edited(galaManifest, (m) => (m.regelingen[0].regels.cofinanciering.onderdelen = []))))).toBe(
      `${FILE}: regelingen[0].regels.cofinanciering.onderdelen: must name the lines the cofinanciering is asked for`,
    );
  });

  it('an unknown field is refused, not ignored', () => {
    expect(message(() => parseManifest(FILE, edited(galaManifest, (m) => (m.regelingen[0].regels.schuifRuimte = {}))))).toMatch(
      /^data\/vws-2026-04\/edition\.json: regelingen\[0\]\.regels\.schuifRuimte: unknown field/,
    );
  });

  it('an inheritance that references an unknown edition', () => {
    expect(message(() => registerEditionFolder(folder({ ...base, vorige: 'vws-2031-01' })))).toBe(
      'test/x/edition.json: vorige: unknown edition "vws-2031-01" (known: gala-2023, vws-2025-09, vws-2026-04, x-test)',
    );
    expect(() => resolveEdition('x-test')).toThrow(RangeError);
  });

  it('a regeling new to the chain must be complete; a year must be on the axis', () => {
    expect(message(() => registerEditionFolder(folder({ ...base, regelingen: [{ id: 'nieuw', naam: 'Nieuw' }] })))).toBe(
      'test/x/edition.json: regelingen[0].bron: missing (a regeling new to the chain states naam, bron, jaren, eindjaar, onderdelen)',
    );
    expect(
      message(() =>
        registerEditionFolder(
          folder({
            ...base,
            bedragen: [{ regeling: 'spuk-azwa', jaren: [2031], regel: 'azwa-raming', datasets: [] }],
          }),
        ),
      ),
    ).toBe('test/x/edition.json: bedragen[0].jaren: 2031 is not a year of the edition (2023–2030; add it to "jaren")');
  });

  it('a dataset whose file has other columns than the manifest says', () => {
    const ds = {
      id: 'x',
      titel: 'x',
      bron: 'x',
      datum: '2027-01-01',
      bestand: 'data/x-test/t.csv',
      kolommen: ['gemeentecode', 'bedrag_eur'],
      kanttekeningen: [],
    };
    expect(message(() => registerEditionFolder(folder({ ...base, datasets: [ds] }, { 't.csv': 'gemeentecode,jaar\n' })))).toBe(
      'test/x/edition.json: datasets[0].kolommen: data/x-test/t.csv has the columns gemeentecode, jaar; the manifest says gemeentecode, bedrag_eur',
    );
  });
});

describe('the verantwoording block (overheveling limits, eindafrekening, vervaldatum)', () => {
  const GALA = 'data/gala-2023/edition.json';
  it('the shipped block: each rule with source and grondslag; not found = null with grondslag aanname', () => {
    const m = parseManifest(GALA, galaManifest);
    const [brede, iza] = m.verantwoording?.regelingen ?? [];
    expect(brede?.regeling).toBe('brede-spuk');
    expect(brede?.overheveling).toEqual([expect.objectContaining({ vanJaar: 2024, waarde: null, grondslag: 'aanname' })]);
    // SPUK IZA's carry-over is stated once, in regelingen[].regels.overheveling (0% from 2023; 2024 and
    // 2025 as aanname), which the verantwoording reads; the block holds only what the rules do not.
    expect(iza?.overheveling).toBeUndefined();
    expect(iza?.vervaldatum).toMatchObject({ vervalt: '2027-07-16', grondslag: 'regeling', datum: '2024-03-13' });
  });

  const withBlock = (change: (m: Record<string, Json>) => void) =>
    edited(galaManifest, (m) => change(m.verantwoording.regelingen[0]));

  it('a value that is not found must say so with grondslag aanname, never another basis', () => {
    expect(message(() => parseManifest(GALA, withBlock((r) => (r.overheveling[0].grondslag = 'brief'))))).toBe(
      `${GALA}: verantwoording.regelingen[0].overheveling[0].waarde: null (not found) needs grondslag "aanname", found "brief"`,
    );
    expect(message(() => parseManifest(GALA, withBlock((r) => (r.eindafrekening.grondslag = 'praktijk'))))).toBe(
      `${GALA}: verantwoording.regelingen[0].eindafrekening.wijze: null (not found) needs grondslag "aanname", found "praktijk"`,
    );
  });

  it('a percentage out of range, an unknown grondslag, a missing waarde, an unknown field', () => {
    expect(message(() => parseManifest(GALA, withBlock((r) => (r.overheveling[0].waarde = 120))))).toBe(
      `${GALA}: verantwoording.regelingen[0].overheveling[0].waarde: must be a percentage 0–100, found 120`,
    );
    expect(message(() => parseManifest(GALA, withBlock((r) => (r.overheveling[0].grondslag = 'gok'))))).toBe(
      `${GALA}: verantwoording.regelingen[0].overheveling[0].grondslag: unknown basis "gok" (expected regeling, brief, praktijk, aanname)`,
    );
    expect(message(() => parseManifest(GALA, withBlock((r) => delete r.overheveling[0].waarde)))).toBe(
      `${GALA}: verantwoording.regelingen[0].overheveling[0].waarde: missing (a percentage 0–100, or null when no source states it)`,
    );
    expect(message(() => parseManifest(GALA, withBlock((r) => (r.limiet = 10))))).toBe(
      `${GALA}: verantwoording.regelingen[0].limiet: unknown field (expected one of regeling, overheveling, eindafrekening, vervaldatum)`,
    );
    expect(message(() => parseManifest(GALA, withBlock((r) => (r.vervaldatum.vervalt = '16-07-2027'))))).toBe(
      `${GALA}: verantwoording.regelingen[0].vervaldatum.vervalt: must be a date YYYY-MM-DD, found 16-07-2027`,
    );
  });

  it('a regeling or a year stated twice', () => {
    expect(
      message(() => parseManifest(GALA, edited(galaManifest, (m) => m.verantwoording.regelingen.push({ regeling: 'brede-spuk' })))),
    ).toBe(`${GALA}: verantwoording.regelingen[2].regeling: brede-spuk is stated twice`);
    expect(
      message(() => parseManifest(GALA, withBlock((r) => r.overheveling.push({ ...r.overheveling[0] })))),
    ).toBe(`${GALA}: verantwoording.regelingen[0].overheveling[1].vanJaar: 2024 is stated twice`);
  });
});
