/**
 * Issue 10, "Nothing silently wrong": the reader of user files (custom key, beschikking) against
 * many kinds of bad input. Each case asserts the right value or the exact Dutch message (row = the
 * line the user sees). Property-based tests (fast-check) check that a key written in either
 * notation reads back to the same weights, and that garbage never throws.
 */
import fc from 'fast-check';
import { customKey, GALA_COLUMNS, galaAmount } from '../domain';
import type { InputFailure, Verdeelsleutel } from '../domain';
import { failureText } from '../messages';
import { defaultReferenceData } from './load';
import { parseBegrotingCsv, parseBeschikkingRegelsCsv } from './begroting-input';
import { parseBeschikkingCsv, parseUserKeyCsv } from './user-input';
import type { UserInput } from './user-input';
import { defaultEditionId, editionInput } from './editions';

/** The last year of the default edition's axis (2030 for vws-2026-04). */
const AXIS = editionInput(defaultEditionId()).edition.years;
const LAST_YEAR = AXIS[AXIS.length - 1];

const data = defaultReferenceData();
const G = data.gemeenten;
const maxAmount = Math.max(...data.onderdelen.flatMap((l) => GALA_COLUMNS.map((c) => galaAmount(l, c))));
const lineOf = (code: string): number => G.findIndex((g) => g.code === code) + 2;

type Read = { ok: true; key: Verdeelsleutel } | { ok: false; failures: readonly InputFailure[]; messages: string[] };

function readKey(input: UserInput): Read {
  const p = parseUserKeyCsv(input);
  const failed = (failures: readonly InputFailure[]): Read => ({
    ok: false,
    failures,
    messages: failures.map(failureText),
  });
  if (!p.ok) return failed(p.failures);
  const k = customKey(p.value.rows, G, { maxAmount, shares: p.value.shares });
  return k.ok ? { ok: true, key: k.value } : failed(k.failures);
}

const weightOf = (r: Read, code: string): number | undefined =>
  r.ok ? r.key.weights[r.key.codes.indexOf(code as never)] : undefined;

/** A key with every gemeente (weight = inhabitants unless overridden), in the given separator. */
function fullKey(delimiter: string, overrides: Record<string, string> = {}, column = 'gewicht'): string {
  const rows = G.map((g) => `${g.code}${delimiter}${overrides[g.code] ?? String(g.inwoners)}`);
  return [`gemeentecode${delimiter}${column}`, ...rows].join('\n') + '\n';
}

const messages = (r: Read): string[] => (r.ok ? [] : r.messages);

// The exact texts, written out here so that a change of wording is a visible test change.
const T = {
  nan: (row: number, text: string, col = 'gewicht') =>
    `Rij ${row}: "${text}" in kolom ${col} is geen getal. Typ een getal zonder tekst of eenheid, bijvoorbeeld 12500 of 0,0125.`,
  nanAmount: (row: number, text: string) =>
    `Rij ${row}: "${text}" in kolom bedrag_eur is geen bedrag. Typ een bedrag in hele euro's, zonder tekst of scheidingsteken voor duizendtallen, bijvoorbeeld 150000.`,
  negative: (row: number, text: string) =>
    `Rij ${row}: het gewicht ${text} is negatief. Gebruik 0 of een positief getal.`,
  /** `write`: the two forms the message suggests (default the readings); `comma`: in a "," file. */
  ambiguous: (row: number, text: string, nl: string, en: string, col = 'gewicht', others = 0, write = `${nl} of ${en}`, comma = false) =>
    `Rij ${row}: "${text}" in kolom ${col} kan ${nl} zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of ${en} (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf ${others > 0 ? `dit getal en de ${others} andere in deze kolom die zo op twee manieren te lezen zijn` : 'het getal'} zonder scheidingsteken voor duizendtallen${comma ? ' en met een punt voor decimalen (in dit bestand scheidt de komma de velden)' : ''}: ${write}.`,
  mixed: (col: string, nlRow: number, nlText: string, enRow: number, enText: string) =>
    `Kolom ${col} mengt twee notaties: rij ${nlRow} ("${nlText}") is Nederlands (komma voor decimalen), rij ${enRow} ("${enText}") Engels (punt voor decimalen). Gebruik in de hele kolom één notatie, het liefst zonder scheidingsteken voor duizendtallen.`,
  more: (row: number, found: number, expected: number, d: string) =>
    `Rij ${row} heeft ${found} velden, de kopregel ${expected}. Staat er een ${d === ',' ? 'komma (,)' : 'puntkomma (;)'} in een getal, zoals 150${d}000? Schrijf getallen zonder scheidingsteken voor duizendtallen, of zet het veld tussen aanhalingstekens.`,
  moreTab: (row: number, found: number, expected: number) =>
    `Rij ${row} heeft ${found} velden, de kopregel ${expected}. Staat er een tab in een veld?`,
  fewer: (row: number, found: number, expected: number, d: string) =>
    `Rij ${row} heeft ${found} ${found === 1 ? 'veld' : 'velden'}, de kopregel ${expected}. Vul de ontbrekende velden aan, gescheiden door een ${d === ',' ? 'komma (,)' : d === ';' ? 'puntkomma (;)' : 'tab'} zoals in de kopregel, of verwijder de rij.`,
  unclosed: (row: number) =>
    `Rij ${row}: een aanhalingsteken (") wordt niet gesloten, zodat de rest van het bestand één veld zou worden. Sluit het aanhalingsteken of verwijder het.`,
  misplaced: (row: number) =>
    `Rij ${row}: na een afsluitend aanhalingsteken (") staat nog tekst in hetzelfde veld. Verwijder het aanhalingsteken, of zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin ("").`,
  empty: 'De invoer is leeg. Plak of kies een bestand met een kopregel en één rij per gemeente.',
  notText:
    'Dit is geen tekstbestand. Kies een CSV-bestand (in Excel: Opslaan als "CSV (gescheiden door lijstscheidingsteken)").',
  xlsx: 'Dit is een Excel-werkmap, geen tekstbestand. Sla haar in Excel op als "CSV (gescheiden door lijstscheidingsteken)" en kies dat bestand.',
  missingKeyColumn: (column: string, found: string) =>
    `De kolom "${column}" ontbreekt. Gevonden kolommen: ${found}. Zet een kopregel met de kolommen gemeentecode en gewicht (of aandeel).`,
  missingBeschikkingColumn: (column: string, found: string) =>
    `De kolom "${column}" ontbreekt. Gevonden kolommen: ${found}. Zet een kopregel met de kolommen gemeentecode, onderdeel_nr, jaar en bedrag_eur.`,
  noHeader: (cell: string, what: string) =>
    `De kopregel ontbreekt: de eerste rij begint met "${cell}". Zet bovenaan een regel met ${what}.`,
  unknownCode: (row: number, code: string) =>
    `Rij ${row}: de CBS-code "${code}" bestaat niet in de gemeentelijke indeling 2025. Gebruik de vorm GM0363 (zie kolom A van het blad Verdeelsleutel).`,
  duplicateCode: (row: number, code: string, first: number) =>
    `Rij ${row}: de CBS-code ${code} staat al op rij ${first}. Laat elke gemeente één keer voorkomen.`,
  tooManyDecimals: (row: number, text: string) =>
    `Rij ${row}: "${text}" heeft meer dan 10 decimalen. Rond af op 10 decimalen of vermenigvuldig alle gewichten met hetzelfde getal.`,
  cents: (row: number, text: string) =>
    `Rij ${row}: het bedrag "${text}" heeft centen. Bedragen in een beschikking zijn hele euro's: rond af op hele euro's, zonder decimalen.`,
  negativeAmount: (row: number, text: string) =>
    `Rij ${row}: het bedrag ${text} is negatief. Een beschikking kent alleen bedragen van 0 of meer.`,
  tooLarge: (row: number, text: string) =>
    `Rij ${row}: het bedrag "${text}" is groter dan € 999.999.999.999 en kan niet kloppen. Controleer het bedrag (een cijfer te veel?).`,
  duplicate: (row: number, code: string, nr: number, period: string, first: number) =>
    `Rij ${row}: ${code}, onderdeel ${nr}, ${period} staat al op rij ${first}. Geef elke combinatie van gemeente, onderdeel en jaar één keer (tel bedragen uit meerdere beschikkingen zelf op).`,
  unknownLine: (row: number, text: string) =>
    `Rij ${row}: "${text}" is geen onderdeelnummer dat een gemeente ontvangt. Gebruik 1 tot en met 15 (Brede SPUK), 16 (SPUK IZA), 17 (SPUK AZWA lokaal) of 18 (SPUK AZWA regionaal).`,
  unknownPeriod: (row: number, text: string) =>
    `Rij ${row}: "${text}" is geen jaar van een editie. Gebruik een jaar van 2023 tot en met ${LAST_YEAR}, bijvoorbeeld 2025.`,
};

const KEY_COLUMNS = 'de kolommen gemeentecode en gewicht (of aandeel)';
const BESCHIKKING_COLUMNS = 'de kolommen gemeentecode, onderdeel_nr, jaar en bedrag_eur';

describe('reading a key: the value is right, or the row and the fix are named', () => {
  const schier = lineOf('GM0088');
  const amsterdam = lineOf('GM0363');

  // [case, file text, code, expected weight] — each must read to exactly this weight (after the gcd).
  const right: [string, string, string, number][] = [
    ['plain integers', fullKey(','), 'GM0088', 977],
    ['Excel-NL ";" with thousands dots (942.100 = 942100)', fullKey(';', { GM0363: '942.100' }), 'GM0363', 942_100],
    ['";" with thousands dots on every number', fullKey(';', Object.fromEntries(G.map((g) => [g.code, g.inwoners.toLocaleString('nl-NL')]))), 'GM0363', 942_100],
    ['tab with an evidence value 1.234.567', fullKey('\t', { GM0363: '942.100', GM0034: '1.234.567' }), 'GM0363', 942_100],
    ['"," with quoted English groups and one million', fullKey(',', { GM0363: '"942,100"', GM0034: '"1,234,567"' }), 'GM0363', 942_100],
    ['spaces as thousands separator', fullKey(';', { GM0363: '942 100' }), 'GM0363', 942_100],
    ['non-breaking space as thousands separator', fullKey(';', { GM0363: '942\u00a0100' }), 'GM0363', 942_100],
    ['narrow no-break space as thousands separator', fullKey(';', { GM0363: '942\u202f100' }), 'GM0363', 942_100],
    ['zero-width space inside a code', fullKey(';', { GM0363: '942100' }).replace('GM0363', 'GM\u200b0363'), 'GM0363', 942_100],
    ['lower-case code with spaces around', fullKey(';').replace('GM0363;', ' gm0363 ;'), 'GM0363', 942_100],
    ['CRLF line ends', fullKey(';').replace(/\n/g, '\r\n'), 'GM0088', 977],
    ['CR-only line ends (old Mac)', fullKey(';').replace(/\n/g, '\r'), 'GM0088', 977],
    ['blank and separator-only lines (Excel writes ";")', fullKey(';').replace('\nGM0088', '\n\n;\n  \nGM0088'), 'GM0088', 977],
    ['trailing empty fields after the last column', fullKey(';').replace(/\n/g, ';;\n'), 'GM0088', 977],
    ['header in capitals with spaces', fullKey(';').replace('gemeentecode;gewicht', ' Gemeentecode ; GEWICHT '), 'GM0088', 977],
    ['extra named column is ignored', fullKey(';').replace(/\n(GM\d{4});/g, '\n$1;x;').replace('gemeentecode;gewicht', 'gemeentecode;naam;gewicht'), 'GM0088', 977],
    ['BOM in a string', '\uFEFF' + fullKey(';'), 'GM0088', 977],
    ['leading blank lines before the header', '\n\n' + fullKey(';'), 'GM0088', 977],
    ['minus zero is zero', fullKey(';', { GM0088: '-0' }), 'GM0088', 0],
  ];
  it.each(right)('%s', (_, text, code, weight) => {
    const r = readKey(text);
    expect(messages(r)).toEqual([]);
    expect(weightOf(r, code)).toBe(weight);
  });

  it('Schiermonnikoog keeps its weight when Amsterdam is written 942.100 in a ";" file (issue 10)', () => {
    const r = readKey(fullKey(';', { GM0363: '942.100' }));
    const plain = readKey(fullKey(';'));
    expect(r.ok && plain.ok && r.key.weights).toEqual(plain.ok && plain.key.weights);
  });

  it('decimal shares in Dutch notation in a ";" file', () => {
    const shares = Object.fromEntries(G.map((g, i) => [g.code, i === 0 ? '0,5' : i === 1 ? '0,25' : i === 2 ? '0,25' : '0']));
    const r = readKey(fullKey(';', shares, 'aandeel'));
    expect(r.ok && r.key.weights.slice(0, 4)).toEqual([2, 1, 1, 0]);
  });

  it('percentages in English notation with "," separator', () => {
    const shares = Object.fromEntries(G.map((g, i) => [g.code, i === 0 ? '50.5' : i === 1 ? '49.5' : '0']));
    const r = readKey(fullKey(',', shares, 'aandeel'));
    expect(r.ok && r.key.weights.slice(0, 3)).toEqual([101, 99, 0]);
  });

  // [case, file text, exact messages]
  const wrong: [string, UserInput, string[]][] = [
    ['empty text', '', [T.empty]],
    ['only spaces and blank lines', '  \n\n \r\n', [T.empty]],
    ['header only', 'gemeentecode;gewicht\n', [T.empty]],
    ['empty bytes', new Uint8Array(0), [T.empty]],
    ['no header: starts with a code', 'GM0034;10\nGM0363;5\n', [T.noHeader('GM0034', KEY_COLUMNS)]],
    ['no header: starts with digits', '0034,10\n', [T.noHeader('0034', KEY_COLUMNS)]],
    ['no value column', 'gemeentecode;bedrag\nGM0034;1\n', [T.missingKeyColumn('gewicht', 'gemeentecode, bedrag')]],
    ['no code column', 'naam;gewicht\nAlmere;1\n', [T.missingKeyColumn('gemeentecode', 'naam, gewicht')]],
    ['header split by a different separator than the rows', 'gemeentecode gewicht\nGM0034;1\n', [T.missingKeyColumn('gemeentecode', 'gemeentecode gewicht')]],
    ['a row with more fields than the header (",")', 'gemeentecode,gewicht\nGM0034,1,5\n', [T.more(2, 3, 2, ',')]],
    ['a row with more fields than the header (";")', 'gemeentecode;gewicht\n\nGM0034;1;5\n', [T.more(3, 3, 2, ';')]],
    ['a row with more fields (tab)', 'gemeentecode\tgewicht\nGM0034\t1\t5\n', [T.moreTab(2, 3, 2)]],
    ['a row with fewer fields', 'gemeentecode;gewicht\nGM0034\n', [T.fewer(2, 1, 2, ';')]],
    ['a row separated by "," in a ";" file', 'gemeentecode;gewicht\nGM0034;1\nGM0363,5\n', [T.fewer(3, 1, 2, ';')]],
    ['an unclosed quote names its row, not "the rest of the file"', 'gemeentecode;gewicht\nGM0034;1\n"GM0363;5\nGM0088;3\n', [T.unclosed(3)]],
    ['an unclosed quote in a value', 'gemeentecode;gewicht\nGM0034;"1\nGM0363;5\n', [T.unclosed(2)]],
    ['a stray quote after a quoted field', 'gemeentecode;gewicht\nGM0034;"1"0\nGM0363;5\n', [T.misplaced(2)]],
    ['row numbers count blank lines (the line the user sees)', 'gemeentecode;gewicht\n\nGM0014;abc\n', [T.nan(3, 'abc')]],
  ];
  it.each(wrong)('%s', (_, input, expected) => {
    const r = readKey(input);
    expect(r.ok).toBe(false);
    expect(messages(r).slice(0, expected.length)).toEqual(expected);
  });

  // Values in a complete key: [case, override for Amsterdam (or Schiermonnikoog), separator, exact messages]
  const values: [string, string, Record<string, string>, string[]][] = [
    ['942.100 in a tab file is ambiguous', '\t', { GM0363: '942.100' }, [T.ambiguous(amsterdam, '942.100', '942100', '942,1')]],
    ['"942,100" in a "," file is ambiguous', ',', { GM0363: '"942,100"' }, [T.ambiguous(amsterdam, '942,100', '942,1', '942100', 'gewicht', 0, '942.1 of 942100', true)]],
    ['"942,100" in a ";" file is ambiguous (not Dutch 942,1 by the separator alone)', ';', { GM0363: '942,100' }, [T.ambiguous(amsterdam, '942,100', '942,1', '942100')]],
    ['"5,011" in a ";" file is ambiguous', ';', { GM0088: '5,011' }, [T.ambiguous(schier, '5,011', '5,011', '5011', 'gewicht', 0, '5,0110 of 5011')]],
    ['1.234 in a "," file is ambiguous', ',', { GM0363: '1.234' }, [T.ambiguous(amsterdam, '1.234', '1234', '1,234', 'gewicht', 0, '1234 of 1.2340', true)]],
    ['several ambiguous values: the first, with the count', '\t', { GM0363: '942.100', GM0088: '1.977' }, [T.ambiguous(schier, '1.977', '1977', '1,977', 'gewicht', 1, '1977 of 1,9770')]],
    ['Dutch and English evidence in one column', '\t', { GM0088: '9,5', GM0363: '0.25' }, [T.mixed('gewicht', schier, '9,5', amsterdam, '0.25')]],
    ['1.234,5 and 1,234.5 in one column', ';', { GM0088: '"1.234,5"', GM0363: '"1,234.5"' }, [T.mixed('gewicht', schier, '1.234,5', amsterdam, '1,234.5')]],
    ['text', ';', { GM0363: 'veel' }, [T.nan(amsterdam, 'veel')]],
    ['empty value', ';', { GM0363: '' }, [T.nan(amsterdam, '')]],
    ['a unit', ';', { GM0363: '942100 inwoners' }, [T.nan(amsterdam, '942100 inwoners')]],
    ['a percent sign on a weight', ';', { GM0363: '5%' }, [T.nan(amsterdam, '5%')]],
    ['a euro sign on a weight', ';', { GM0363: '€5' }, [T.nan(amsterdam, '€5')]],
    ['scientific notation', ';', { GM0363: '9.421E+05' }, [T.nan(amsterdam, '9.421E+05')]],
    ['hexadecimal', ';', { GM0363: '0x10' }, [T.nan(amsterdam, '0x10')]],
    ['Infinity', ';', { GM0363: 'Infinity' }, [T.nan(amsterdam, 'Infinity')]],
    ['NaN', ';', { GM0363: 'NaN' }, [T.nan(amsterdam, 'NaN')]],
    ['#WAARDE! from Excel', ';', { GM0363: '#WAARDE!' }, [T.nan(amsterdam, '#WAARDE!')]],
    ['a leading decimal comma', ';', { GM0363: ',5' }, [T.nan(amsterdam, ',5')]],
    ['a trailing decimal comma', ';', { GM0363: '5,' }, [T.nan(amsterdam, '5,')]],
    ['groups of two digits', ';', { GM0363: '94.21.00' }, [T.nan(amsterdam, '94.21.00')]],
    ['two decimal commas', ';', { GM0363: '"1,2,3"' }, [T.nan(amsterdam, '1,2,3')]],
    ['spaces that are no thousands groups', ';', { GM0363: '94 2100' }, [T.nan(amsterdam, '94 2100')]],
    ['a negative weight', ';', { GM0363: '-5' }, [T.negative(amsterdam, '-5')]],
    ['a negative weight with a minus sign (U+2212)', ';', { GM0363: '\u22125' }, [T.negative(amsterdam, '\u22125')]],
    ['eleven decimals', ';', { GM0363: '0,00000000001' }, [T.tooManyDecimals(amsterdam, '0,00000000001')]],
  ];
  it.each(values)('%s', (_, d, overrides, expected) => {
    const r = readKey(fullKey(d, overrides));
    expect(messages(r)).toEqual(expected);
  });

  it('an unknown and a duplicate code name their rows', () => {
    const text = fullKey(';') + 'GM9999;5\nGM0363;7\n';
    const last = G.length + 2;
    expect(messages(readKey(text))).toEqual([T.unknownCode(last, 'GM9999'), T.duplicateCode(last + 1, 'GM0363', amsterdam)]);
  });

  it('shares with 10 decimals are told to round to fewer decimals, not to divide by 1000, and that works', () => {
    const share = (d: number) =>
      Object.fromEntries(
        G.map((g, i) => [g.code, i === 0 ? (0.1234567891).toFixed(d) : i === 1 ? (0.8765432109).toFixed(d) : '0']),
      );
    const r = readKey(fullKey(',', share(10), 'aandeel'));
    expect(messages(r)).toEqual([
      `Rij 3 (${G[1]?.code}): met 10 decimalen worden de gewichten te groot om tot op de euro exact te rekenen. Rond alle getallen af op 7 decimalen.`,
    ]);
    expect(messages(readKey(fullKey(",", share(7), "aandeel")))).toEqual([]);
  });

  it('whole weights too large are told to divide', () => {
    const r = readKey(fullKey(';', { GM0363: '123456789012345678901' }));
    expect(messages(r)).toEqual([
      `Rij ${amsterdam} (GM0363): het gewicht is te groot om tot op de euro exact te rekenen. Deel alle gewichten door hetzelfde getal (bijvoorbeeld 1000).`,
    ]);
  });

  it('all zero', () => {
    const zero = Object.fromEntries(G.map((g) => [g.code, '0']));
    expect(messages(readKey(fullKey(';', zero)))).toEqual([
      'Alle gewichten zijn 0, dus er valt niets te verdelen. Geef minstens één gemeente een gewicht groter dan 0.',
    ]);
  });

  it('shares that do not add up', () => {
    const shares = Object.fromEntries(G.map((g, i) => [g.code, i < 2 ? '0,4' : '0']));
    expect(messages(readKey(fullKey(';', shares, 'aandeel')))).toEqual([
      'De aandelen tellen op tot 0,8 in plaats van 1 (100%). Corrigeer de aandelen, of gebruik de kolom "gewicht" als het vrije gewichten zijn.',
    ]);
  });

  it('a missing gemeente', () => {
    const text = fullKey(';').replace(/\nGM0088;977/, '');
    expect(messages(readKey(text))).toEqual([
      'Deze gemeenten ontbreken in de sleutel: GM0088. Voeg ze toe, met gewicht 0 als ze niets krijgen.',
    ]);
  });
});

describe('decoding files as Excel-NL saves them', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const utf16 = (s: string, be: boolean, bom = true): Uint8Array => {
    const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
    if (bom) out.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[(bom ? 2 : 0) + 2 * i + (be ? 1 : 0)] = c & 0xff;
      out[(bom ? 2 : 0) + 2 * i + (be ? 0 : 1)] = c >> 8;
    }
    return out;
  };
  const cp1252 = (s: string): Uint8Array => Uint8Array.from([...s].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
  const named = fullKey('\t').replace(/\n(GM\d{4})\t/g, '\n$1\tSúdwest-Fryslân\t').replace('gemeentecode\tgewicht', 'gemeentecode\tnaam\tgewicht');

  const right: [string, Uint8Array][] = [
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(fullKey(';'))])],
    ['UTF-8 without BOM, with a name column', utf8(named)],
    ['Windows-1252 with "Súdwest-Fryslân"', cp1252(named.replace(/\t/g, ';'))],
    ['UTF-16 LE with BOM ("Unicode-tekst", tab-separated)', utf16(named, false)],
    ['UTF-16 BE with BOM', utf16(named, true)],
    ['UTF-16 LE without BOM', utf16(named, false, false)],
  ];
  it.each(right)('%s reads to the same weights', (_, bytes) => {
    const r = readKey(bytes);
    expect(messages(r)).toEqual([]);
    expect(weightOf(r, 'GM0088')).toBe(977);
  });

  const garbage: [string, Uint8Array, string][] = [
    ['an .xlsx (zip)', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), T.xlsx],
    ['a PDF with binary streams', Uint8Array.from([...utf8('%PDF-1.7\n'), 0x00, 0x01, 0xff, 0xd8]), T.notText],
    ['a PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), T.notText],
    ['NUL bytes in UTF-8', utf8('gemeentecode;gewicht\nGM0034;\u00001\n'), T.notText],
    ['a lone control character', utf8('gemeentecode;gewicht\nGM0034;1\u0007\n'), T.notText],
    ['bytes undefined in Windows-1252', Uint8Array.from([...utf8('gemeentecode;gewicht\nGM0034;'), 0x81, 0x8d]), T.notText],
    ['UTF-16 BOM with odd garbage', Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41]), T.notText],
  ];
  it.each(garbage)('%s is one short "geen tekstbestand" message', (_, bytes, text) => {
    expect(messages(readKey(bytes))).toEqual([text]);
  });

  it('refuses text with control characters pasted as a string', () => {
    expect(messages(readKey('gemeentecode;gewicht\nGM0034;1\u0001\n'))).toEqual([T.notText]);
  });
});

/** The lines a gemeente can receive (1–18): what the beschikking reader accepts. */
const LINES = [...Array(18).keys()].map((i) => i + 1);

describe('reading a beschikking', () => {
  const read = (text: UserInput) => parseBeschikkingCsv(text, G, LINES);
  const msgs = (text: UserInput): string[] => {
    const r = read(text);
    return r.ok ? [] : r.failures.map(failureText);
  };
  const H = 'gemeentecode,onderdeel_nr,jaar,bedrag_eur\n';
  const HS = 'gemeentecode;onderdeel_nr;jaar;bedrag_eur\n';

  const right: [string, string, number][] = [
    ['whole euros', `${H}GM0034,1,2025,150000\n`, 150_000],
    ['Excel-NL thousands dots', `${HS}GM0034;1;2025;150.000\n`, 150_000],
    ['zero cents in Dutch', `${HS}GM0034;1;2025;150.000,00\n`, 150_000],
    ['zero cents in English', `${H}GM0034,1,2025,150000.00\n`, 150_000],
    ['a euro sign', `${HS}GM0034;1;2025;€ 150.000\n`, 150_000],
    ['English thousands in a ";" file beside an amount without group', `${HS}GM0034;16;2025;€ 452,000\nGM0034;1;2025;950\n`, 452_000],
    ['quoted English groups with a million as evidence', `${H}GM0034,1,2025,"150,000"\nGM0034,2,2025,"1,000,000"\n`, 150_000],
    ['a SPUK AZWA year and line', `${H}GM0034,17,2028,150000\n`, 150_000],
    ['an extra column', `gemeentecode,onderdeel_nr,jaar,bedrag_eur,opmerking\nGM0034,1,2025,150000,zie brief\n`, 150_000],
  ];
  it.each(right)('%s', (_, text, amount) => {
    const r = read(text);
    expect(r.ok && r.value[0]?.bedrag).toBe(amount);
  });

  it('UTF-16 LE with BOM, tab-separated', () => {
    const s = 'gemeentecode\tonderdeel_nr\tjaar\tbedrag_eur\r\nGM0034\t1\t2025\t150.000\r\n';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) bytes[2 + 2 * i] = s.charCodeAt(i);
    // A tab file without evidence: "150.000" is ambiguous, and said so (not "add a header").
    expect(msgs(bytes)).toEqual([T.ambiguous(2, '150.000', '150000', '150', 'bedrag_eur')]);
  });

  const wrong: [string, string, string[]][] = [
    ['cents with a decimal point', `${H}GM0034,1,2025,150000.50\n`, [T.cents(2, '150000.50')]],
    ['cents with a decimal comma', `${HS}GM0034;1;2025;150000,50\n`, [T.cents(2, '150000,50')]],
    ['cents with thousands dots', `${HS}GM0034;1;2025;150.000,01\n`, [T.cents(2, '150.000,01')]],
    ['a comma in an unquoted amount', `${H}GM0034,1,2025,150,000\n`, [T.more(2, 5, 4, ',')]],
    ['a missing amount field', `${H}GM0034,1,2025\n`, [T.fewer(2, 3, 4, ',')]],
    ['150.000 in a "," file is ambiguous', `${H}GM0034,1,2025,150.000\n`, [T.ambiguous(2, '150.000', '150000', '150', 'bedrag_eur', 0, '150000 of 150', true)]],
    ['a negative amount', `${H}GM0034,1,2025,-5\n`, [T.negativeAmount(2, '-5')]],
    ['a 20-digit amount', `${H}GM0034,1,2025,12345678901234567890\n`, [T.tooLarge(2, '12345678901234567890')]],
    ['just above the maximum', `${H}GM0034,1,2025,1000000000000\n`, [T.tooLarge(2, '1000000000000')]],
    ['scientific notation', `${H}GM0034,1,2025,1.5E+05\n`, [T.nanAmount(2, '1.5E+05')]],
    ['text', `${H}GM0034,1,2025,veel\n`, [T.nanAmount(2, 'veel')]],
    ['an empty amount', `${H}GM0034,1,2025,\n`, [T.nanAmount(2, '')]],
    ['the same gemeente, onderdeel and year twice', `${H}GM0034,1,2025,5\nGM0034,1,2025,6\n`, [T.duplicate(3, 'GM0034', 1, '2025', 2)]],
    ['a duplicate written differently', `${H}GM0034,1,2027,5\n\ngm0034,1,2027,6\n`, [T.duplicate(4, 'GM0034', 1, '2027', 2)]],
    ['onderdeel 0', `${H}GM0034,0,2025,5\n`, [T.unknownLine(2, '0')]],
    ['onderdeel 19 (landelijk: GGD)', `${H}GM0034,19,2025,5\n`, [T.unknownLine(2, '19')]],
    ['onderdeel 1.0', `${H}GM0034,1.0,2025,5\n`, [T.unknownLine(2, '1.0')]],
    ['onderdeel as a word', `${H}GM0034,een,2025,5\n`, [T.unknownLine(2, 'een')]],
    ['year 2022', `${H}GM0034,1,2022,5\n`, [T.unknownPeriod(2, '2022')]],
    ['year 2025.0', `${H}GM0034,1,2025.0,5\n`, [T.unknownPeriod(2, '2025.0')]],
    ['year in hexadecimal', `${H}GM0034,1,0x7E9,5\n`, [T.unknownPeriod(2, '0x7E9')]],
    ['unknown code', `${H}GM9999,1,2025,5\n`, [T.unknownCode(2, 'GM9999')]],
    ['a missing column gets the beschikking fix', 'gemeentecode,onderdeel_nr,bedrag_eur\nGM0034,1,5\n', [T.missingBeschikkingColumn('jaar', 'gemeentecode, onderdeel_nr, bedrag_eur')]],
    ['no header', 'GM0034,1,2025,5\n', [T.noHeader('GM0034', BESCHIKKING_COLUMNS)]],
    ['Dutch and English in one amount column', `${HS}GM0034;1;2025;150.000,00\nGM0034;2;2025;1,000.00\n`, [T.mixed('bedrag_eur', 2, '150.000,00', 3, '1,000.00')]],
    ['an unclosed quote', `${H}GM0034,1,2025,"5\nGM0034,2,2025,6\n`, [T.unclosed(2)]],
    ['several faults in one row', `${H}GM9999,0,2099,abc\n`, [T.unknownCode(2, 'GM9999'), T.unknownLine(2, '0'), T.unknownPeriod(2, '2099'), T.nanAmount(2, 'abc')]],
  ];
  it.each(wrong)('%s', (_, text, expected) => {
    expect(msgs(text)).toEqual(expected);
  });
});

describe('properties', () => {
  const digits = (n: bigint, group: string): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, group);
  /** A weight as digits and decimals, written in a notation with or without thousands separators. */
  const weight = fc.record({
    whole: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    frac: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,4}$/)),
    grouped: fc.boolean(),
  });
  const write = (w: { whole: bigint; frac: string; grouped: boolean }, nl: boolean): string => {
    const whole = w.grouped ? digits(w.whole, nl ? '.' : ',') : w.whole.toString();
    return w.frac === '' ? whole : `${whole}${nl ? ',' : '.'}${w.frac}`;
  };
  const canonical = (w: { whole: bigint; frac: string }) => (w.frac === '' ? w.whole.toString() : `${w.whole}.${w.frac}`);
  const keyText = (values: string[], d: string, quote: boolean) =>
    ['gemeentecode' + d + 'gewicht', ...G.map((g, i) => `${g.code}${d}${quote ? `"${values[i]}"` : values[i]}`)].join('\n');
  const reference = (ws: { whole: bigint; frac: string }[]) =>
    customKey(
      G.map((g, i) => ({ row: i + 2, code: g.code, value: canonical(ws[i]!), notation: 'en' as const })),
      G,
      { maxAmount },
    );
  const weights = fc.array(weight, { minLength: G.length, maxLength: G.length }).filter((ws) => ws.some((w) => w.whole > 0n));

  it('a key in Dutch notation with ";" reads back to the same weights, or is refused as ambiguous: never other weights', () => {
    fc.assert(
      fc.property(weights, (ws) => {
        const expected = reference(ws);
        const r = readKey(keyText(ws.map((w) => write(w, true)), ';', false));
        if (!r.ok && r.failures.every((f) => f.kind === 'AmbiguousNumber')) {
          // Only where a value also reads as English thousands ("1,000", "287,500"): a `;` file alone
          // does not make a comma decimal (issue #17 item 1).
          expect(ws.some((w) => w.whole >= 1n && w.whole < 1000n && w.frac.length === 3)).toBe(true);
          return;
        }
        expect(r.ok ? r.key.weights : messages(r)).toEqual(expected.ok ? expected.value.weights : expected.failures.map(failureText));
      }),
      { numRuns: 40 },
    );
  });

  it('a key in English notation with "," reads back to the same weights, or is refused as ambiguous: never other weights', () => {
    fc.assert(
      fc.property(weights, (ws) => {
        const expected = reference(ws);
        const r = readKey(keyText(ws.map((w) => write(w, false)), ',', true));
        if (!r.ok && r.failures.every((f) => f.kind === 'AmbiguousNumber')) {
          // Only when no value shows the notation: no decimals other than three, no group of millions.
          const evidence = ws.some((w) => (w.frac !== '' && w.frac.length !== 3) || (w.grouped && w.whole >= 1_000_000n));
          expect(evidence).toBe(false);
          return;
        }
        expect(r.ok ? r.key.weights : messages(r)).toEqual(expected.ok ? expected.value.weights : expected.failures.map(failureText));
      }),
      { numRuns: 40 },
    );
  });

  it('beschikking amounts in Dutch notation with ";" read back exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999_999_999_999 }), { minLength: 1, maxLength: 16 }), (amounts) => {
        const text = [
          'gemeentecode;onderdeel_nr;jaar;bedrag_eur',
          ...amounts.map((a, i) => `GM0034;${i + 1};2025;${a.toLocaleString('nl-NL')}`),
        ].join('\n');
        const r = parseBeschikkingCsv(text, G, LINES);
        expect(r.ok && r.value.map((b) => b.bedrag)).toEqual(amounts);
      }),
      { numRuns: 100 },
    );
  });

  it('garbage never throws, and every failure has a Dutch text', () => {
    const alphabet = fc.constantFrom(...'GM0034;,\t\n\r"\'.-€ 1592a\u00a0\u200b'.split(''));
    const headers = fc.constantFrom(
      'gemeentecode;gewicht\n',
      'Sleutel\tRegeling\tOnderdeel\t\t2023\t2024\t2025\nBS\t',
      'Begroting: titel\n\nRegeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking\n',
    );
    const text = fc.oneof(
      fc.string(),
      fc.tuple(headers, fc.string({ unit: alphabet, maxLength: 80 })).map(([h, s]) => h + s),
    );
    fc.assert(
      fc.property(fc.oneof(text, fc.uint8Array({ maxLength: 64 })), (input) => {
        for (const r of [
          parseUserKeyCsv(input),
          parseBeschikkingCsv(input, G, LINES),
          parseBeschikkingRegelsCsv(input, { gemeente: G[0]?.code, gemeenten: G }),
          parseBegrotingCsv(input),
        ])
          if (!r.ok) for (const f of r.failures) expect(failureText(f)).toMatch(/\S/);
        const k = readKey(input);
        if (!k.ok) expect(k.messages.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
