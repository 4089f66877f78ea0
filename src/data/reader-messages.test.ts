/**
 * Issue #17 item 14: messages that named the wrong cause. Each file as users make it: the product's
 * own Begroting sheet saved as CSV (title rows above the header on line 6), a two-row header, mixed
 * line endings, the product's own Beschikking grid. Each is read when it is unambiguous, or refused
 * with a Dutch text that names the real cause and the fix (texts written out).
 */
import type { CbsCode, InputFailure } from '../domain';
import { begrotingKolommen } from '../domain';
import { failureText } from '../messages';
import { parseBegrotingCsv, parseBeschikkingRegelsCsv } from './begroting-input';
import { defaultReferenceData } from './load';
import { parseBeschikkingCsv, parseUserKeyCsv } from './user-input';
import { parseRegioInvoerCsv } from './regio-input';
import { defaultEditionId, editionInput } from './editions';

/** The default edition's year axis (2023–2030 for vws-2026-04): the columns a Begroting CSV must have. */
const EDITION_YEARS = editionInput(defaultEditionId()).edition.years;

const G = defaultReferenceData().gemeenten;
const ALMERE = 'GM0034' as CbsCode;
const K = begrotingKolommen(EDITION_YEARS);
const messages = (r: { ok: true } | { ok: false; failures: readonly InputFailure[] }): string[] =>
  r.ok ? [] : r.failures.map(failureText);
const pad = (cells: readonly string[], d = ';'): string => [...cells, ...Array<string>(K.length - cells.length).fill('')].join(d);
/** A row of the table: regeling, onderdeel, activiteit, then 2025 (index 8). */
const row = (activiteit: string, bedrag2025: string, d = ';'): string =>
  pad(['Brede SPUK', '1', activiteit, '6.1', 'Sportbedrijf', 'incidenteel', '', '', bedrag2025], d);

/** The sheet Begroting as Excel-NL saves it ("CSV (gescheiden door lijstscheidingsteken)"): rows 1–5 above the header. */
const SHEET_AS_CSV = [
  pad(['Begroting: de activiteiten van de gemeente']),
  pad([
    '"Eén rij per activiteit; lasten in hele euro\'s per jaar. Voeg rijen toe, verwijder of sorteer ze: de add-in laat de tabel staan. De toets staat op het blad Begrotingstoets (de eerste 500 rijen)."',
  ]),
  pad(['Signalen: 0 (geen)']),
  pad(['Tabelversie', '1']),
  pad([]),
  K.join(';'),
  row('Lokaal sportakkoord', '150000'),
  row('Beweegcoach', '€ 45.000'),
].join('\r\n');

describe('the product’s own Begroting sheet saved as CSV (header on line 6)', () => {
  it('is read: the sheet’s title rows above the header are skipped, rows keep their line numbers', () => {
    const r = parseBegrotingCsv(SHEET_AS_CSV);
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.regels.map((x) => [x.rij, x.activiteit, x.lasten[2]])).toEqual([
      [7, 'Lokaal sportakkoord', 150_000],
      [8, 'Beweegcoach', 45_000],
    ]);
  });
  it('rows with data above the header are refused, naming the header’s line and what to remove', () => {
    const text = [row('Losse rij', '5'), K.join(';'), row('Lokaal sportakkoord', '150000')].join('\n');
    expect(messages(parseBegrotingCsv(text))).toEqual([
      'De kopregel van de tabel Begroting staat op rij 2, niet bovenaan: rij 1 staat erboven. Verwijder rij 1 (of zet die rijen onder de kopregel als het activiteiten zijn) en lees het bestand opnieuw in.',
    ]);
  });
});

describe('a two-row header (a group heading "Lasten" above the years)', () => {
  const twoRows = [
    pad(['Regeling', 'Onderdeel', 'Activiteit', 'Taakveld', 'Uitvoerder', 'Aard lasten', 'Lasten', ...EDITION_YEARS.slice(1).map(() => ''), 'Andere dekking', 'Opmerking']),
    pad(['', '', '', '', '', '', ...EDITION_YEARS.map(String)]),
    row('Lokaal sportakkoord', '150000'),
  ].join('\n');
  it('is refused naming the two rows, not "kolom 2023 ontbreekt"', () => {
    expect(messages(parseBegrotingCsv(twoRows))).toEqual([
      `De kopregel staat op twee rijen: rij 1 en rij 2 (met ${EDITION_YEARS.join(', ')}). Zet alle kolomnamen op één rij: ${K.join(';')}, en verwijder de andere rij.`,
    ]);
  });
});

describe('mixed line endings (a file edited on two systems)', () => {
  it('a begroting with CRLF and LF lines is read, not "69 velden … puntkomma in een getal?"', () => {
    const text = K.join(';') + '\r\n' + row('A', '150000') + '\n' + row('B', '5') + '\r\n' + row('C', '7') + '\n';
    const r = parseBegrotingCsv(text);
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.regels.map((x) => [x.rij, x.activiteit])).toEqual([
      [2, 'A'],
      [3, 'B'],
      [4, 'C'],
    ]);
  });
  it('a key with LF lines after a CRLF header, and a lone CR', () => {
    const text = 'gemeentecode;gewicht\r\n' + G.map((g, i) => `${g.code};${g.inwoners}${i % 3 === 0 ? '\r' : '\n'}`).join('');
    const r = parseUserKeyCsv(text);
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.rows.find((x) => x.code === 'GM0088')?.value).toBe('977');
  });
});

describe('the product’s own Beschikking grid (Sleutel, Regeling, Onderdeel, years)', () => {
  const years = EDITION_YEARS.map(String);
  const gridRow = (key: string, regeling: string, omschrijving: string, amounts: Record<string, string>): string =>
    [key, regeling, omschrijving, '', ...years.map((y) => amounts[y] ?? '')].join('\t');
  const header = ['Sleutel', 'Regeling', 'Onderdeel', '', ...years].join('\t');
  const rows = [
    gridRow('BS', 'Brede SPUK', 'Brede SPUK (totaal)', { '2025': '€ 3.478.172' }),
    gridRow('BS01', 'Brede SPUK', '1. Sportakkoord', { '2023': '150.000' }),
    gridRow('IZA', 'SPUK IZA', 'SPUK IZA (totaal)', { '2025': '3.161.954' }),
    gridRow('AZWA-L', 'SPUK AZWA lokaal', 'SPUK AZWA lokaal (totaal)', {}),
  ];
  const expected = [
    { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 3_478_172 },
    { regeling: 'Brede SPUK', onderdeel: 1, jaar: 2023, bedrag: 150_000 },
    { regeling: 'SPUK IZA', onderdeel: undefined, jaar: 2025, bedrag: 3_161_954 },
  ];
  const read = (text: string) => parseBeschikkingRegelsCsv(text, { gemeente: ALMERE, gemeenten: G });
  it('with its header row: read per key and year (empty = the edition’s amount)', () => {
    const r = read([header, ...rows].join('\n'));
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value).toEqual(expected);
  });
  it('an unknown key in the grid names the row and the keys', () => {
    const r = read([header, gridRow('BS99', 'Brede SPUK', '99. Iets', { '2025': '5' })].join('\n'));
    expect(messages(r)).toEqual([
      'Rij 2: "BS99" is geen sleutel van het blad Beschikking. Gebruik de rijen van dat blad zoals ze zijn (BS, BS01 tot en met BS15, IZA, AZWA-L, AZWA-R), of plak de beschikking als regeling, onderdeel, jaar en bedrag_eur.',
    ]);
  });
});

describe('a key file and an allocaties --beschikking file with title rows above the header (as the begroting reader)', () => {
  const key = (above: readonly string[]) =>
    [...above, 'gemeentecode;gewicht', 'GM0034;1.017.977', 'GM0363;9.000.000'].join('\r\n');
  it('a key saved from a sheet with a title and a note: read past them, rows keep their line numbers', () => {
    const r = parseUserKeyCsv(key(['Verdeelsleutel eigen 2025;', '"Gewichten volgens raadsbesluit";', ';']));
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.rows.map((x) => [x.row, x.code, x.value])).toEqual([
      [5, 'GM0034', '1.017.977'],
      [6, 'GM0363', '9.000.000'],
    ]);
  });
  it('a key with a data row above the header is refused, naming the header’s line and the rows to remove', () => {
    expect(messages(parseUserKeyCsv(key(['GM0014;5']).replace('GM0014;5', 'Totaal;5;x')))).toEqual([
      'De kopregel van een verdeelsleutel staat op rij 2, niet bovenaan: rij 1 staat erboven. Verwijder rij 1 en lees het bestand opnieuw in.',
    ]);
  });
  const beschikking = (above: readonly string[]) =>
    [...above, 'gemeentecode;onderdeel_nr;jaar;bedrag_eur', 'GM0034;16;2025;3.912.345', 'GM0034;1;2025;150.000'].join('\n');
  it('an allocaties --beschikking file with title rows: read past them', () => {
    const r = parseBeschikkingCsv(beschikking(['Beschikking Almere;;;', 'Kenmerk 1234;;;']), G, [1, 16], EDITION_YEARS);
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.map((x) => [x.nr, x.jaar, x.bedrag])).toEqual([
      [16, 2025, 3_912_345],
      [1, 2025, 150_000],
    ]);
  });
  it('an allocaties --beschikking file with data above the header is refused with the same message', () => {
    expect(messages(parseBeschikkingCsv(beschikking(['Almere;1;2024;5', 'Titel;;;']), G, [1, 16], EDITION_YEARS))).toEqual([
      'De kopregel van een beschikking staat op rij 3, niet bovenaan: rij 1 tot en met 2 staan erboven. Verwijder rij 1 tot en met 2 en lees het bestand opnieuw in.',
    ]);
  });
  it('a regioverdeling --invoer file with a title row: read past it', () => {
    const r = parseRegioInvoerCsv('Regio Flevoland, eigen gewichten;\ngemeentecode;gewicht\nGM0034;2\nGM0050;1\n');
    expect(r.ok ? [] : r.failures).toEqual([]);
    expect(r.ok && r.value.gewichten.map((g) => [g.code, g.row])).toEqual([
      ['GM0034', 3],
      ['GM0050', 4],
    ]);
  });
  it('without any header row the message stays the missing column', () => {
    expect(messages(parseUserKeyCsv('Mijn sleutel;\nGM0034;5\n'))[0]).toMatch(/gemeentecode/);
  });
});
