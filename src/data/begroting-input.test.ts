/**
 * The readers of the begroting and of the beschikking for the workbook (issue 9 §4, §6): valid files
 * read to the right values (real numbers: Almere's Brede SPUK 2025 is € 3.478.172, Bijlage 2A), and
 * every kind of bad input gives the exact Dutch message naming the row and the fix (written out, so
 * that a change of wording is a visible test change).
 */
import fc from 'fast-check';
import type { BegrotingInvoer, BeschikkingRegel, CbsCode, InputFailure } from '../domain';
import { BEGROTING_REGELINGEN, euro } from '../domain';
import { failureText } from '../messages';
import { begrotingKolommen } from '../domain';
import { begrotingCsv, parseBegrotingCsv, parseBeschikkingRegelsCsv } from './begroting-input';
import { defaultReferenceData } from './load';
import type { UserInput } from './user-input';
import { defaultEditionId, editionInput } from './editions';

/** The default edition's year axis (2023–2030 for vws-2026-04): the columns a Begroting CSV must have. */
const EDITION_YEARS = editionInput(defaultEditionId()).edition.years;
const LAST_YEAR = EDITION_YEARS[EDITION_YEARS.length - 1] ?? 0;
/** Lasten per year of the axis: the given years, 0 elsewhere. */
const years = (by: Partial<Record<number, number>>): number[] => EDITION_YEARS.map((y) => by[y] ?? 0);

const G = defaultReferenceData().gemeenten;
const ALMERE = 'GM0034' as CbsCode;

const BEGROTING_KOLOMMEN = begrotingKolommen(EDITION_YEARS);
const H = BEGROTING_KOLOMMEN.join(';');
/** The number of columns of the Begroting table (15 + the years after 2029). */
const N = BEGROTING_KOLOMMEN.length;
type Veld = (typeof BEGROTING_KOLOMMEN)[number];
const BASIS: Record<Veld, string> = {
  Regeling: 'Brede SPUK',
  Onderdeel: '1',
  Activiteit: 'Lokaal sportakkoord',
  Taakveld: '',
  Uitvoerder: 'Sportbedrijf',
  'Aard lasten': 'incidenteel',
  '2023': '',
  '2024': '',
  '2025': '',
  '2026': '',
  '2027': '',
  '2028': '',
  '2029': '',
  'Andere dekking': '',
  Opmerking: '',
};
/** One row of the table, `;`-separated, from the defaults with some fields changed. */
const rij = (p: Partial<Record<Veld, string>> = {}, d = ';'): string =>
  BEGROTING_KOLOMMEN.map((k) => p[k] ?? BASIS[k]).join(d);
const csv = (...rows: string[]): string => [H, ...rows].join('\n') + '\n';
const tsv = (...rows: string[]): string => [BEGROTING_KOLOMMEN.join('\t'), ...rows].join('\n') + '\n';

const messages = (r: { ok: true } | { ok: false; failures: readonly InputFailure[] }): string[] =>
  r.ok ? [] : r.failures.map(failureText);

const REGELINGEN = 'Brede SPUK, SPUK IZA, SPUK AZWA lokaal, SPUK AZWA regionaal';
const TABEL = `de kolommen van de tabel Begroting: ${BEGROTING_KOLOMMEN.join(';')}`;
const BESCHIKKING = 'de kolommen regeling, onderdeel, jaar en bedrag_eur (of gemeentecode, onderdeel_nr, jaar en bedrag_eur)';
const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
const pdf = Uint8Array.from([...new TextEncoder().encode('%PDF-1.7\n'), 0x00, 0x01, 0xff, 0xd8]);

describe('parseBegrotingCsv: the year 2030 of vws-2026-04', () => {
  const seven = BEGROTING_KOLOMMEN.filter((k) => k !== '2030');
  const row7 = (p: Partial<Record<Veld, string>>): string => seven.map((k) => p[k] ?? BASIS[k] ?? '').join(';');
  it('reads lasten in 2030 (the default edition runs to 2030)', () => {
    expect(EDITION_YEARS[EDITION_YEARS.length - 1]).toBe(2030);
    const r = parseBegrotingCsv(csv(rij({ Regeling: 'SPUK AZWA lokaal', Onderdeel: '', '2029': '100', '2030': '120' })));
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.regels[0]?.lasten).toEqual(years({ 2029: 100, 2030: 120 }));
  });
  it('a file of 2023–2029 (made before 2030 was added) reads 2030 as empty, as the werkmap migration adds it', () => {
    const r = parseBegrotingCsv([seven.join(';'), row7({ '2025': '150000' })].join('\n'));
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.regels[0]?.lasten).toEqual(years({ 2025: 150_000 }));
  });
  it('a year missing before the last year column is still refused', () => {
    const cols = BEGROTING_KOLOMMEN.filter((k) => k !== '2025');
    const r = parseBegrotingCsv([cols.join(';'), cols.map((k) => BASIS[k as Veld] ?? '').join(';')].join('\n'));
    expect(r.ok ? [] : r.failures.map((f) => f.kind)).toEqual(['MissingColumn']);
  });
});

describe('parseBegrotingCsv: valid tables', () => {
  it('reads a ";" file from Excel-NL with real amounts, defaults and empty years', () => {
    const r = parseBegrotingCsv(
      csv(
        rij({ '2025': '€ 1.200.000', '2026': '1.250.000', Opmerking: 'ontschot vanaf 2025' }),
        '',
        rij({
          Regeling: 'spuk iza',
          Onderdeel: '',
          Activiteit: 'Valpreventie regio',
          Taakveld: '6.71',
          Uitvoerder: 'GGD Flevoland',
          'Aard lasten': 'Structureel',
          '2025': '3.161.954',
        }),
        rij({ Regeling: 'SPUK AZWA lokaal', Onderdeel: '', 'Aard lasten': '', '2027': '900000' }),
      ),
    );
    expect(messages(r)).toEqual([]);
    if (!r.ok) return;
    const [a, b, c] = r.value.regels;
    expect(a).toEqual({
      rij: 2,
      regeling: 'Brede SPUK',
      onderdeel: 1,
      activiteit: 'Lokaal sportakkoord',
      taakveld: '5.1',
      uitvoerder: 'Sportbedrijf',
      aard: 'incidenteel',
      lasten: years({ 2025: 1_200_000, 2026: 1_250_000 }),
      andereDekking: '',
      opmerking: 'ontschot vanaf 2025',
    });
    // Blank lines count in the row number; the regeling is spelled as the list spells it.
    expect(b).toMatchObject({ rij: 4, regeling: 'SPUK IZA', onderdeel: undefined, taakveld: '6.71', aard: 'structureel' });
    expect(b?.lasten[2]).toBe(3_161_954);
    expect(c).toMatchObject({ rij: 5, regeling: 'SPUK AZWA lokaal', taakveld: '7.1', aard: undefined });
    expect(r.value.overheveling2023).toEqual(Array(15).fill(0));
    expect(r.value.overheveling2025).toBe(0);
    expect(r.value.vooruitOntvangen).toEqual(years({}));
  });

  it('reads a tab-separated paste of an Excel range (accounting format: "€ -" is zero; header spaced)', () => {
    const header = BEGROTING_KOLOMMEN.map((k) => (k === 'Aard lasten' ? ' aard  LASTEN ' : k)).join('\t');
    const text = [
      header,
      rij({ '2023': '€ 3.478.172', '2024': '€ -', '2025': '€ 250.000', Uitvoerder: 'Welzijn "De Schakel"' }, '\t'),
    ].join('\r\n');
    const r = parseBegrotingCsv(text);
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.regels[0]?.lasten).toEqual(years({ 2023: 3_478_172, 2025: 250_000 }));
  });

  it('reads Excel\'s "Unicode-tekst" (UTF-16 LE with BOM, tab-separated) and Windows-1252 with €', () => {
    const text = tsv(rij({ Activiteit: 'Gezonde school, één', '2025': '€ 1.234.567' }, '\t'));
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    [...text].forEach((ch, i) => {
      utf16[2 + 2 * i] = ch.charCodeAt(0) & 0xff;
      utf16[3 + 2 * i] = ch.charCodeAt(0) >> 8;
    });
    const cp1252 = Uint8Array.from([...text.replace(/\t/g, ';')].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
    for (const bytes of [utf16, cp1252]) {
      const r = parseBegrotingCsv(bytes);
      expect(messages(r)).toEqual([]);
      expect(r.ok && [r.value.regels[0]?.activiteit, r.value.regels[0]?.lasten[2]]).toEqual([
        'Gezonde school, één',
        1_234_567,
      ]);
    }
  });

  it('reads English notation in a "," file and takes the columns in any order', () => {
    const cols = [...BEGROTING_KOLOMMEN].reverse();
    const values: Partial<Record<Veld, string>> = { '2025': '"1,234,567"', '2026': '0' };
    const text = [cols.join(','), cols.map((k) => values[k] ?? BASIS[k]).join(',')].join('\n');
    const r = parseBegrotingCsv(text);
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.regels[0]?.lasten[2]).toBe(1_234_567);
  });

  it('uses the notation the caller knows (the task pane) for values one column alone cannot decide', () => {
    const text = tsv(rij({ '2025': '150.000' }, '\t'));
    expect(parseBegrotingCsv(text).ok).toBe(false);
    const r = parseBegrotingCsv(text, { notation: 'nl' });
    expect(r.ok && r.value.regels[0]?.lasten[2]).toBe(150_000);
  });

  it('accepts the empty fields Excel pads every line with (header included)', () => {
    const r = parseBegrotingCsv([H + ';;', rij({ '2025': '5' }) + ';;', rij({ Activiteit: 'B' }) + ';'].join('\n'));
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.regels).toHaveLength(2);
  });

  it('refuses a value no year column decides when the other year columns disagree', () => {
    const r = parseBegrotingCsv(
      tsv(rij({ '2023': '1.234.567', '2024': '1,234,567', '2025': '150.000' }, '\t')),
    );
    expect(messages(r)).toEqual([
      'Rij 2: "150.000" in kolom 2025 kan 150000 zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of 150 (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf het getal zonder scheidingsteken voor duizendtallen: 150000 of 150.',
    ]);
  });

  it('accepts 500 rows (the capacity of the table)', () => {
    const rows = Array.from({ length: 500 }, (_, i) => rij({ Activiteit: `Activiteit ${i + 1}`, '2025': '1' }));
    const r = parseBegrotingCsv(csv(...rows));
    expect(r.ok && r.value.regels).toHaveLength(500);
  });
});

describe('parseBegrotingCsv: bad input names the row and the fix', () => {
  const fieldsMore = (row: number, found: number, d: string) =>
    `Rij ${row} heeft ${found} velden, de kopregel ${N}. Staat er een ${d} in een getal, zoals 150${d === 'komma (,)' ? ',' : ';'}000? Schrijf getallen zonder scheidingsteken voor duizendtallen, of zet het veld tussen aanhalingstekens.`;
  const many = Array.from({ length: 501 }, (_, i) => rij({ Activiteit: `A${i}` }));
  const long = 'x'.repeat(32_768);

  // [case, input, exact messages (the first ones)]
  const wrong: [string, UserInput, string[]][] = [
    ['empty text', '', ['De invoer is leeg. Plak of kies een bestand met een kopregel en één rij per activiteit.']],
    ['header only', csv(), ['De invoer is leeg. Plak of kies een bestand met een kopregel en één rij per activiteit.']],
    [
      'an Excel workbook instead of a CSV',
      zip,
      [
        'Dit is een Excel-werkmap, geen tekstbestand. Sla haar in Excel op als "CSV (gescheiden door lijstscheidingsteken)" en kies dat bestand.',
      ],
    ],
    [
      'binary bytes',
      pdf,
      ['Dit is geen tekstbestand. Kies een CSV-bestand (in Excel: Opslaan als "CSV (gescheiden door lijstscheidingsteken)").'],
    ],
    [
      'no header: the first row is data',
      rij() + '\n' + rij({ Activiteit: 'B' }) + '\n',
      [`De kopregel ontbreekt: de eerste rij begint met "brede spuk". Zet bovenaan een regel met ${TABEL}.`],
    ],
    [
      'a missing column',
      [H.replace('Aard lasten;', ''), rij().replace(';incidenteel;', ';')].join('\n'),
      [
        `De kolom "Aard lasten" ontbreekt. Gevonden kolommen: regeling, onderdeel, activiteit, taakveld, uitvoerder en ${N - 6} andere. Zet een kopregel met ${TABEL}.`,
      ],
    ],
    [
      'a misspelt column',
      [H.replace('Opmerking', 'Opmerkingen'), rij()].join('\n'),
      [
        `De kolom "opmerkingen" hoort niet in de tabel Begroting. Verwacht: ${BEGROTING_KOLOMMEN.join(', ')}. Controleer de spelling, of verwijder de kolom.`,
        `De kolom "Opmerking" ontbreekt. Gevonden kolommen: regeling, onderdeel, activiteit, taakveld, uitvoerder en ${N - 5} andere. Zet een kopregel met ${TABEL}.`,
      ],
    ],
    [
      'a column twice',
      [H + ';2025', rij() + ';'].join('\n'),
      ['De kolom "2025" staat twee keer in de kopregel. Laat elke kolom één keer voorkomen.'],
    ],
    ['a row with more fields (";")', csv(rij() + ';5'), [fieldsMore(2, N + 1, 'puntkomma (;)')]],
    [
      'a row with more fields in a "," file (150,000 unquoted)',
      [BEGROTING_KOLOMMEN.join(','), rij({ '2025': '150,000' }, ',')].join('\n'),
      [fieldsMore(2, N + 1, 'komma (,)')],
    ],
    [
      'a row with more fields (tab paste)',
      tsv(rij({}, '\t') + '\tx'),
      [`Rij 2 heeft ${N + 1} velden, de kopregel ${N}. Staat er een tab in een veld?`],
    ],
    [
      'a row with fewer fields',
      csv('Brede SPUK;1;Sportakkoord'),
      [
        `Rij 2 heeft 3 velden, de kopregel ${N}. Vul de ontbrekende velden aan, gescheiden door een puntkomma (;) zoals in de kopregel, of verwijder de rij.`,
      ],
    ],
    [
      'an unclosed quote',
      csv(rij({ Opmerking: '"zie notitie' }), rij({ Activiteit: 'B' })),
      [
        'Rij 2: een aanhalingsteken (") wordt niet gesloten, zodat de rest van het bestand één veld zou worden. Sluit het aanhalingsteken of verwijder het.',
      ],
    ],
    [
      'a stray quote after a quoted field',
      csv(rij({ Uitvoerder: '"GGD"x' })),
      [
        'Rij 2: na een afsluitend aanhalingsteken (") staat nog tekst in hetzelfde veld. Verwijder het aanhalingsteken, of zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin ("").',
      ],
    ],
    [
      'an unknown regeling',
      csv(rij({ Regeling: 'SPUK' })),
      [`Rij 2: "SPUK" is geen regeling. Kies uit: ${REGELINGEN} (hoofdletters maken niet uit).`],
    ],
    ['an empty regeling', csv(rij({ Regeling: '' })), [`Rij 2: de regeling is leeg. Kies uit: ${REGELINGEN}.`]],
    [
      'onderdeel 16 (IZA is a regeling, not an onderdeel)',
      csv(rij({ Onderdeel: '16' })),
      ['Rij 2: "16" is geen onderdeel van de Brede SPUK. Gebruik een nummer van 1 tot en met 15, of laat het onderdeel leeg.'],
    ],
    [
      'an onderdeel by name',
      csv(rij({ Onderdeel: 'Sportakkoord' })),
      [
        'Rij 2: "Sportakkoord" is geen onderdeel van de Brede SPUK. Gebruik een nummer van 1 tot en met 15, of laat het onderdeel leeg.',
      ],
    ],
    [
      'an onderdeel on the SPUK IZA',
      csv(rij({ Regeling: 'SPUK IZA', Onderdeel: '3' })),
      [
        'Rij 2: de SPUK IZA heeft geen onderdelen, maar er staat onderdeel "3". Laat het onderdeel leeg: alleen de Brede SPUK kent de onderdelen 1–15.',
      ],
    ],
    [
      'a taakveld by name',
      csv(rij({ Taakveld: 'Volksgezondheid' })),
      [
        'Rij 2: "Volksgezondheid" is geen Iv3-taakveld. Schrijf de code met een punt, zoals 6.1, 6.71 of 0.10, of laat het taakveld leeg (dan geldt het standaardtaakveld van het onderdeel).',
      ],
    ],
    [
      'a taakveld with a decimal comma',
      csv(rij({ Taakveld: '6,1' })),
      [
        'Rij 2: "6,1" is geen Iv3-taakveld. Schrijf de code met een punt, zoals 6.1, 6.71 of 0.10, of laat het taakveld leeg (dan geldt het standaardtaakveld van het onderdeel).',
      ],
    ],
    [
      'an unknown aard',
      csv(rij({ 'Aard lasten': 'eenmalig' })),
      ['Rij 2: "eenmalig" is geen aard van lasten. Kies structureel of incidenteel (leeg mag, maar geeft een signaal).'],
    ],
    [
      'an empty activiteit',
      csv(rij({ Activiteit: '', '2025': '5000' })),
      ['Rij 2: de activiteit is leeg. Geef elke rij een korte naam van de activiteit.'],
    ],
    [
      'text in a year',
      csv(rij({ '2025': 'p.m.' })),
      [
        `Rij 2: "p.m." in kolom 2025 is geen bedrag. Typ een bedrag in hele euro's, zonder tekst of scheidingsteken voor duizendtallen, bijvoorbeeld 150000.`,
      ],
    ],
    [
      'an ambiguous amount in a tab paste (1.234)',
      tsv(rij({ '2025': '1.234' }, '\t')),
      [
        'Rij 2: "1.234" in kolom 2025 kan 1234 zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of 1,234 (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf het getal zonder scheidingsteken voor duizendtallen: 1234 of 1,2340.',
      ],
    ],
    [
      'two notations in one year column',
      tsv(rij({ '2026': '1.234.567' }, '\t'), rij({ Activiteit: 'B', '2026': '1,234,567' }, '\t')),
      [
        'Kolom 2026 mengt twee notaties: rij 2 ("1.234.567") is Nederlands (komma voor decimalen), rij 3 ("1,234,567") Engels (punt voor decimalen). Gebruik in de hele kolom één notatie, het liefst zonder scheidingsteken voor duizendtallen.',
      ],
    ],
    [
      'negative lasten',
      csv(rij({ '2024': '-5000' })),
      ['Rij 2: het bedrag -5000 in kolom 2024 is negatief. Lasten zijn 0 of meer: laat het veld leeg of zet 0.'],
    ],
    [
      'cents',
      csv(rij({ '2023': '1250,50' })),
      [
        `Rij 2: het bedrag "1250,50" in kolom 2023 heeft centen. De begroting rekent in hele euro's: rond af op hele euro's, zonder decimalen.`,
      ],
    ],
    [
      'an amount far too large',
      csv(rij({ '2027': '1000000000000' })),
      [
        'Rij 2: het bedrag "1000000000000" is groter dan € 999.999.999.999 en kan niet kloppen. Controleer het bedrag (een cijfer te veel?).',
      ],
    ],
    [
      'the same activity twice (case and spaces do not differ)',
      csv(rij({ '2025': '1' }), rij({ Activiteit: 'lokaal  Sportakkoord', '2026': '2' })),
      [
        'Rij 3: Brede SPUK, onderdeel 1, activiteit "lokaal  Sportakkoord", uitvoerder "Sportbedrijf" staat al op rij 2. Tel de bedragen op in één rij, of maak de activiteit of de uitvoerder verschillend.',
      ],
    ],
    [
      'more rows than the table checks',
      csv(...many),
      ['De begroting heeft 501 rijen; de tabel Begroting toetst er hoogstens 500. Voeg activiteiten samen of splits de begroting.'],
    ],
    [
      'a text Excel would take for a formula',
      csv(rij({ Opmerking: '=SOM(A1:A9)' })),
      [
        'Rij 2: de tekst in kolom Opmerking begint met "=" ("=SOM(A1:A9)") en zou in Excel een formule worden. Verwijder het =-teken aan het begin.',
      ],
    ],
    [
      'a text longer than a cell holds',
      csv(rij({ 'Andere dekking': long })),
      [
        'Rij 2: de tekst in kolom Andere dekking is 32768 tekens lang; een Excel-cel houdt er hoogstens 32767. Kort de tekst in.',
      ],
    ],
    [
      'row numbers count blank lines; every failure of a row, in column order',
      csv('', rij({ Regeling: 'Brede Spuk ', Onderdeel: '0', 'Aard lasten': 'beide', '2029': 'x' })),
      [
        'Rij 3: "0" is geen onderdeel van de Brede SPUK. Gebruik een nummer van 1 tot en met 15, of laat het onderdeel leeg.',
        'Rij 3: "beide" is geen aard van lasten. Kies structureel of incidenteel (leeg mag, maar geeft een signaal).',
        `Rij 3: "x" in kolom 2029 is geen bedrag. Typ een bedrag in hele euro's, zonder tekst of scheidingsteken voor duizendtallen, bijvoorbeeld 150000.`,
      ],
    ],
  ];
  it.each(wrong)('%s', (_, input, expected) => {
    const r = parseBegrotingCsv(input);
    expect(r.ok).toBe(false);
    expect(messages(r).slice(0, expected.length)).toEqual(expected);
  });
});

describe('parseBeschikkingRegelsCsv', () => {
  const read = (input: UserInput, gemeente: CbsCode | null = ALMERE) =>
    parseBeschikkingRegelsCsv(input, { gemeente: gemeente ?? undefined, gemeenten: G });

  it("reads Almere's beschikking: Brede SPUK 2025 € 3.478.172 (Bijlage 2A), onderdelen 2023, SPUK IZA", () => {
    const r = read(
      'regeling;onderdeel;jaar;bedrag_eur\n' +
        'Brede SPUK;;2025;€ 3.478.172\n' +
        'Brede SPUK;1;2023;150.000\n' +
        '\n' +
        'brede spuk;7;2023;212.345\n' +
        'SPUK IZA;;2025;3.161.954\n' +
        'SPUK AZWA lokaal;;2027;2.000.000\n',
    );
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value).toEqual<BeschikkingRegel[]>([
      { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: euro(3_478_172) },
      { regeling: 'Brede SPUK', onderdeel: 1, jaar: 2023, bedrag: euro(150_000) },
      { regeling: 'Brede SPUK', onderdeel: 7, jaar: 2023, bedrag: euro(212_345) },
      { regeling: 'SPUK IZA', onderdeel: undefined, jaar: 2025, bedrag: euro(3_161_954) },
      { regeling: 'SPUK AZWA lokaal', onderdeel: undefined, jaar: 2027, bedrag: euro(2_000_000) },
    ]);
  });

  it("refuses regional money in a member's beschikking (review of session 10, F2): Dalfsen with Almere's SPUK IZA row", () => {
    // Dalfsen (GM0148) is a member of the region IJssel-Vecht, whose SPUK IZA Zwolle (GM0193) receives;
    // the sample beschikking of Almere (a mandaatgemeente) was taken for Dalfsen without a word before.
    const file =
      'regeling;onderdeel;jaar;bedrag_eur\n' +
      'Brede SPUK;;2025;3.478.172\n' +
      'SPUK IZA;;2025;3.161.954\n' +
      'SPUK AZWA regionaal;;2027;1.000.000\n' +
      'SPUK AZWA lokaal;;2027;2.000.000\n';
    const dalfsen = read(file, 'GM0148' as CbsCode);
    expect(dalfsen.ok).toBe(false);
    expect(messages(dalfsen)).toEqual([
      'Rij 3: de SPUK IZA wordt per IZA-regio aan de mandaatgemeente betaald, en Dalfsen is geen mandaatgemeente. Staat deze rij in de beschikking van uw mandaatgemeente, laat hem dan weg; wat de mandaatgemeente u doorgeeft, vult u in als "ontvangen van de mandaatgemeente" (blad Beschikking).',
      expect.stringContaining('Rij 4: de SPUK AZWA regionaal wordt per IZA-regio aan de mandaatgemeente betaald, en Dalfsen is geen'),
    ]);
    // The mandaatgemeente of that region reads the same file; so do a member's own regelingen.
    expect(messages(read(file, 'GM0193' as CbsCode))).toEqual([]);
    expect(messages(read(file.split('\n').filter((l) => !l.includes('regionaal') && !l.includes('IZA')).join('\n'), 'GM0148' as CbsCode))).toEqual([]);
  });

  it('reads the optional beschikkingsnummer and -datum per regeling onto every row of the regeling', () => {
    const r = read(
      'regeling;onderdeel;jaar;bedrag_eur;Beschikkingsnummer;beschikkingsdatum\n' +
        'Brede SPUK;;2025;3478172;1234567-202345-PG;15-03-2025\n' +
        'Brede SPUK;1;2023;150000;;\n' +
        'SPUK IZA;;2025;3161954;7654321-2024-IZA;2024-12-9\n' +
        'SPUK AZWA lokaal;;2027;2000000;;\n',
    );
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value).toEqual<BeschikkingRegel[]>([
      { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: euro(3_478_172), nummer: '1234567-202345-PG', datum: '2025-03-15' },
      { regeling: 'Brede SPUK', onderdeel: 1, jaar: 2023, bedrag: euro(150_000), nummer: '1234567-202345-PG', datum: '2025-03-15' },
      { regeling: 'SPUK IZA', onderdeel: undefined, jaar: 2025, bedrag: euro(3_161_954), nummer: '7654321-2024-IZA', datum: '2024-12-09' },
      { regeling: 'SPUK AZWA lokaal', onderdeel: undefined, jaar: 2027, bedrag: euro(2_000_000) },
    ]);
  });

  it('refuses a beschikkingsdatum that is no date, and two numbers for one regeling, naming row and fix', () => {
    const r = read(
      'regeling;onderdeel;jaar;bedrag_eur;beschikkingsnummer;beschikkingsdatum\n' +
        'Brede SPUK;;2025;1;A-1;31-02-2025\n' +
        'Brede SPUK;;2024;1;A-2;\n' +
        'SPUK IZA;;2025;1;;maart 2025\n' +
        'SPUK IZA;;2024;1;;03/15/2025\n',
    );
    expect(messages(r)).toEqual([
      'Rij 2: de beschikkingsdatum "31-02-2025" is geen datum. Schrijf de datum als dd-mm-jjjj (bijvoorbeeld 15-03-2025) of jjjj-mm-dd (2025-03-15), of laat de cel leeg.',
      'Rij 3: het beschikkingsnummer van de Brede SPUK is hier "A-2", maar op rij 2 "A-1". Eén beschikking per regeling: geef overal hetzelfde, of laat de cel leeg op de andere rijen.',
      'Rij 4: de beschikkingsdatum "maart 2025" is geen datum. Schrijf de datum als dd-mm-jjjj (bijvoorbeeld 15-03-2025) of jjjj-mm-dd (2025-03-15), of laat de cel leeg.',
      'Rij 5: de beschikkingsdatum "03/15/2025" is geen datum. Schrijf de datum als dd-mm-jjjj (bijvoorbeeld 15-03-2025) of jjjj-mm-dd (2025-03-15), of laat de cel leeg.',
    ]);
  });

  it('takes the file of allocaties --beschikking: 1–15 onderdelen, 16 IZA, 17 and 18 AZWA (totals)', () => {
    const r = read(
      'gemeentecode,onderdeel_nr,jaar,bedrag_eur\nGM0034,1,2024,150000\ngm0034,16,2025,3161954\nGM0034,17,2027,1\nGM0034,18,2029,2\n',
    );
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value).toEqual<BeschikkingRegel[]>([
      { regeling: 'Brede SPUK', onderdeel: 1, jaar: 2024, bedrag: euro(150_000) },
      { regeling: 'SPUK IZA', onderdeel: undefined, jaar: 2025, bedrag: euro(3_161_954) },
      { regeling: 'SPUK AZWA lokaal', onderdeel: undefined, jaar: 2027, bedrag: euro(1) },
      { regeling: 'SPUK AZWA regionaal', onderdeel: undefined, jaar: 2029, bedrag: euro(2) },
    ]);
  });

  it('takes a tab-separated paste with a gemeentecode column of the chosen gemeente', () => {
    const r = read('Gemeentecode\tRegeling\tOnderdeel\tJaar\tBedrag_eur\nGM0034\tBrede SPUK\t\t2026\t3.601.234\n');
    expect(r.ok && r.value).toEqual([{ regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2026, bedrag: 3_601_234 }]);
  });

  const R = 'regeling;onderdeel;jaar;bedrag_eur\n';
  const L = 'gemeentecode;onderdeel_nr;jaar;bedrag_eur\n';
  const wrong: [string, UserInput, CbsCode | null, string[]][] = [
    ['empty', '', ALMERE, ['De invoer is leeg. Plak of kies een bestand met een kopregel en één rij per regeling (of onderdeel) en jaar.']],
    ['header only', R, ALMERE, ['De invoer is leeg. Plak of kies een bestand met een kopregel en één rij per regeling (of onderdeel) en jaar.']],
    [
      'no header (regeling form)',
      'Brede SPUK;;2025;3478172\n',
      ALMERE,
      [`De kopregel ontbreekt: de eerste rij begint met "brede spuk". Zet bovenaan een regel met ${BESCHIKKING}.`],
    ],
    [
      'no header (line form)',
      'GM0034;1;2025;100\n',
      ALMERE,
      [`De kopregel ontbreekt: de eerste rij begint met "GM0034". Zet bovenaan een regel met ${BESCHIKKING}.`],
    ],
    [
      'no onderdeel column',
      'regeling;jaar;bedrag_eur\nSPUK IZA;2025;1\n',
      ALMERE,
      [`De kolom "onderdeel" ontbreekt. Gevonden kolommen: regeling, jaar, bedrag_eur. Zet een kopregel met ${BESCHIKKING}.`],
    ],
    [
      'a column twice',
      'regeling;onderdeel;jaar;jaar;bedrag_eur\nSPUK IZA;;2025;2025;1\n',
      ALMERE,
      ['De kolom "jaar" staat twee keer in de kopregel. Laat elke kolom één keer voorkomen.'],
    ],
    [
      'an unknown regeling',
      R + 'IZA;;2025;1\n',
      ALMERE,
      [`Rij 2: "IZA" is geen regeling. Kies uit: ${REGELINGEN} (hoofdletters maken niet uit).`],
    ],
    [
      'an onderdeel on the SPUK AZWA',
      R + 'SPUK AZWA lokaal;2;2027;1\n',
      ALMERE,
      [
        'Rij 2: de SPUK AZWA lokaal heeft geen onderdelen, maar er staat onderdeel "2". Laat het onderdeel leeg: alleen de Brede SPUK kent de onderdelen 1–15.',
      ],
    ],
    [
      'onderdeel 0',
      R + 'Brede SPUK;0;2024;1\n',
      ALMERE,
      ['Rij 2: "0" is geen onderdeel van de Brede SPUK. Gebruik een nummer van 1 tot en met 15, of laat het onderdeel leeg.'],
    ],
    [
      `a year after the edition's axis (${LAST_YEAR + 1})`,
      R + `Brede SPUK;;${LAST_YEAR + 1};1\n`,
      ALMERE,
      [
        `Rij 2: "${LAST_YEAR + 1}" is geen jaar van een editie. Gebruik een jaar van 2023 tot en met ${LAST_YEAR}, bijvoorbeeld 2025.`,
      ],
    ],
    [
      'the SPUK AZWA before 2027',
      R + 'SPUK AZWA regionaal;;2026;1\n',
      ALMERE,
      ['Rij 2: de SPUK AZWA regionaal bestaat niet in 2026, alleen 2027–2029. Controleer het jaar of de regeling.'],
    ],
    [
      'the Brede SPUK after 2026',
      R + 'Brede SPUK;;2027;1\n',
      ALMERE,
      ['Rij 2: de Brede SPUK bestaat niet in 2027, alleen 2023–2026. Controleer het jaar of de regeling.'],
    ],
    [
      'a total twice',
      R + 'Brede SPUK;;2025;1\nbrede spuk;;2025;2\n',
      ALMERE,
      [
        'Rij 3: Brede SPUK, totaal, 2025 staat al op rij 2. Geef elke combinatie van regeling, onderdeel en jaar één keer (tel bedragen uit meerdere beschikkingen zelf op).',
      ],
    ],
    [
      'another gemeente',
      'gemeentecode;regeling;onderdeel;jaar;bedrag_eur\nGM0363;Brede SPUK;;2025;1\n',
      ALMERE,
      ['Rij 2: deze rij is van GM0363, maar de gekozen gemeente is GM0034. Laat alleen de rijen van GM0034 staan, of kies gemeente GM0363.'],
    ],
    [
      'an unknown CBS code',
      L + 'GM9999;1;2025;1\n',
      ALMERE,
      [
        'Rij 2: de CBS-code "GM9999" bestaat niet in de gemeentelijke indeling 2025. Gebruik de vorm GM0363 (zie kolom A van het blad Verdeelsleutel).',
      ],
    ],
    [
      'gemeentecodes without a chosen gemeente',
      L + 'GM0034;1;2025;1\n',
      null,
      ['De beschikking noemt een gemeentecode, maar er is geen gemeente gekozen. Kies eerst de gemeente van de beschikking.'],
    ],
    [
      'line 19 (not a line of the workbook)',
      L + 'GM0034;19;2027;1\n',
      ALMERE,
      [
        'Rij 2: "19" is geen onderdeelnummer dat een gemeente ontvangt. Gebruik 1 tot en met 15 (Brede SPUK), 16 (SPUK IZA), 17 (SPUK AZWA lokaal) of 18 (SPUK AZWA regionaal).',
      ],
    ],
    [
      'line 16 twice (one SPUK IZA total per year)',
      L + 'GM0034;16;2025;1\nGM0034;16;2025;1\n',
      ALMERE,
      [
        'Rij 3: SPUK IZA, totaal, 2025 staat al op rij 2. Geef elke combinatie van regeling, onderdeel en jaar één keer (tel bedragen uit meerdere beschikkingen zelf op).',
      ],
    ],
    [
      'a Brede SPUK line in 2027 (line form)',
      L + 'GM0034;3;2027;1\n',
      ALMERE,
      ['Rij 2: de Brede SPUK bestaat niet in 2027, alleen 2023–2026. Controleer het jaar of de regeling.'],
    ],
    [
      'a negative amount',
      R + 'SPUK IZA;;2025;-1\n',
      ALMERE,
      ['Rij 2: het bedrag -1 is negatief. Een beschikking kent alleen bedragen van 0 of meer.'],
    ],
    [
      'cents',
      R + 'SPUK IZA;;2025;3161954,40\n',
      ALMERE,
      [
        `Rij 2: het bedrag "3161954,40" heeft centen. Bedragen in een beschikking zijn hele euro's: rond af op hele euro's, zonder decimalen.`,
      ],
    ],
    [
      'an ambiguous amount in a "," file',
      'regeling,onderdeel,jaar,bedrag_eur\nSPUK IZA,,2025,3.161\n',
      ALMERE,
      [
        'Rij 2: "3.161" in kolom bedrag_eur kan 3161 zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of 3,161 (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf het getal zonder scheidingsteken voor duizendtallen en met een punt voor decimalen (in dit bestand scheidt de komma de velden): 3161 of 3.1610.',
      ],
    ],
    [
      'text as amount',
      R + 'SPUK IZA;;2025;zie brief\n',
      ALMERE,
      [
        `Rij 2: "zie brief" in kolom bedrag_eur is geen bedrag. Typ een bedrag in hele euro's, zonder tekst of scheidingsteken voor duizendtallen, bijvoorbeeld 150000.`,
      ],
    ],
  ];
  it.each(wrong)('%s', (_, input, gemeente, expected) => {
    const r = read(input, gemeente);
    expect(r.ok).toBe(false);
    expect(messages(r).slice(0, expected.length)).toEqual(expected);
  });
});

describe('round trip', () => {
  it('begrotingCsv → parseBegrotingCsv gives the same begroting (texts with ; and quotes)', () => {
    const r = parseBegrotingCsv(
      csv(
        rij({ '2023': '100', '2029': '7', Opmerking: '"zie ""notitie""; p. 3"' }),
        rij({ Regeling: 'SPUK AZWA regionaal', Onderdeel: '', Taakveld: '0.10', '2028': '123.456.789' }),
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.regels[0]?.opmerking).toBe('zie "notitie"; p. 3');
    expect(parseBegrotingCsv(begrotingCsv(r.value))).toEqual(r);
  });

  it('any valid begroting survives the round trip (property)', () => {
    const text = fc
      .string({ maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => !s.startsWith('=') && !/[\r\n"]/.test(s));
    const regel = fc.record({
      regeling: fc.constantFrom(...BEGROTING_REGELINGEN),
      onderdeel: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
      activiteit: text.filter((s) => s !== ''),
      taakveld: fc.constantFrom('5.1', '6.1', '6.71', '7.1', '0.10'),
      uitvoerder: text,
      aard: fc.constantFrom('structureel' as const, 'incidenteel' as const, undefined),
      lasten: fc.array(fc.integer({ min: 0, max: 999_999_999 }), { minLength: EDITION_YEARS.length, maxLength: EDITION_YEARS.length }),
      andereDekking: text,
      opmerking: text,
    });
    fc.assert(
      fc.property(fc.array(regel, { maxLength: 8 }), (rows) => {
        const seen = new Set<string>();
        const regels = rows
          .map((x) => ({ ...x, onderdeel: x.regeling === 'Brede SPUK' ? x.onderdeel : undefined }))
          .filter((x) => {
            const id = [x.regeling, x.onderdeel, x.activiteit, x.uitvoerder].join('|').toLowerCase().replace(/\s+/g, ' ');
            return !seen.has(id) && seen.add(id);
          })
          .map((x, i) => ({ ...x, rij: i + 2, lasten: x.lasten.map(euro) }));
        if (regels.length === 0) return;
        const invoer: BegrotingInvoer = {
          regels,
          overheveling2023: Array.from({ length: 15 }, () => euro(0)),
          overheveling2025: euro(0),
          vooruitOntvangen: EDITION_YEARS.map(() => euro(0)),
        };
        const back = parseBegrotingCsv(begrotingCsv(invoer));
        expect(messages(back)).toEqual([]);
        expect(back.ok && back.value).toEqual(invoer);
      }),
    );
  });
});

describe('English thousands in a ";" file (issue #17 item 1: LibreOffice in English)', () => {
  const amb = (row: number, column: string, text: string, nl: string, en: string): string =>
    `Rij ${row}: "${text}" in kolom ${column} kan ${nl} zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of ${en} (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf het getal zonder scheidingsteken voor duizendtallen: ${nl} of ${en}.`;

  it('a begroting with only "€ 287,000" is refused with both readings, never read as € 287', () => {
    const r = parseBegrotingCsv(csv(rij({ '2025': '€ 287,000' })));
    expect(messages(r)).toEqual([amb(2, '2025', '€ 287,000', '287', '287000')]);
  });
  it('reads "€ 287,000" as € 287.000 where the column groups thousands (beside "€ 950")', () => {
    const r = parseBegrotingCsv(
      csv(rij({ '2025': '€ 287,000' }), rij({ Activiteit: 'B', '2025': '€ 950', '2026': '€ 12,500' })),
    );
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.regels.map((x) => [x.lasten[2], x.lasten[3]])).toEqual([
      [287_000, 0],
      [950, 12_500],
    ]);
  });
  it('a year column of "€ 287,000" alone takes the English notation another year column proves', () => {
    const r = parseBegrotingCsv(csv(rij({ '2025': '€ 287,000', '2026': '€ 1,250,000' })));
    expect(r.ok && r.value.regels[0]?.lasten.slice(2, 4)).toEqual([287_000, 1_250_000]);
  });
  it('a beschikking for the werkmap: "€ 452,000" alone is refused, beside "€ 3,478,172" it is € 452.000', () => {
    const read = (text: string) => parseBeschikkingRegelsCsv(text, { gemeente: ALMERE, gemeenten: G });
    const R = 'regeling;onderdeel;jaar;bedrag_eur\n';
    expect(messages(read(`${R}SPUK IZA;;2025;€ 452,000\n`))).toEqual([
      amb(2, 'bedrag_eur', '€ 452,000', '452', '452000'),
    ]);
    const r = read(`${R}SPUK IZA;;2025;€ 452,000\nBrede SPUK;;2025;€ 3,478,172\n`);
    expect(r.ok && r.value.map((x) => x.bedrag)).toEqual([452_000, 3_478_172]);
  });
  it('"€ 287,000" is not made Dutch by thousands dots in another year column of a ";" file (no evidence there)', () => {
    const r = parseBegrotingCsv(csv(rij({ '2025': '€ 287,000', '2026': '€ 150.000' })));
    expect(messages(r)).toEqual([amb(2, '2025', '€ 287,000', '287', '287000')]);
  });
  it('Dutch files stay Dutch: "€ 150.000" in a ";" file is € 150.000', () => {
    const r = parseBegrotingCsv(csv(rij({ '2025': '€ 150.000' })));
    expect(r.ok && r.value.regels[0]?.lasten[2]).toBe(150_000);
  });
});

describe('a two-row header with a heading split over both rows (reviewer, closing9 "Noticed")', () => {
  const first = BEGROTING_KOLOMMEN.map((k) => (k === 'Aard lasten' ? 'Aard' : k));
  const second = BEGROTING_KOLOMMEN.map((k) => (k === 'Aard lasten' ? 'lasten' : ''));
  const fix = `Zet alle kolomnamen op één rij: ${H}, en verwijder de andere rij.`;

  it('"Aard" above "lasten": one message naming both rows and the fix (was 17)', () => {
    const text = [first.join(';'), second.join(';'), rij({ '2025': '150000' })].join('\n') + '\n';
    expect(messages(parseBegrotingCsv(text))).toEqual([
      `De kopregel staat op twee rijen: rij 1 en rij 2 (met Aard lasten). ${fix}`,
    ]);
  });

  it('split and a group heading "Lasten" above the years together: one message', () => {
    const yearsAt = (k: string) => EDITION_YEARS.map(String).includes(k);
    const top = first.map((k, i) => (!yearsAt(k) ? k : i === first.indexOf(String(EDITION_YEARS[0])) ? 'Lasten' : ''));
    const bottom = BEGROTING_KOLOMMEN.map((k) => (k === 'Aard lasten' ? 'lasten' : yearsAt(k) ? k : ''));
    const text = [top.join(';'), bottom.join(';'), rij({ '2025': '150000' })].join('\n') + '\n';
    expect(messages(parseBegrotingCsv(text))).toEqual([
      `De kopregel staat op twee rijen: rij 1 en rij 2 (met Aard lasten, ${EDITION_YEARS.join(', ')}). ${fix}`,
    ]);
  });

  it('a data row under a header that lacks a column is no second header row', () => {
    const text = [first.join(';'), rij({ 'Aard lasten': 'lasten' })].join('\n') + '\n';
    const got = messages(parseBegrotingCsv(text));
    expect(got.some((m) => m.startsWith('De kopregel staat op twee rijen'))).toBe(false);
  });
});
