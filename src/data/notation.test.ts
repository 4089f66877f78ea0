/**
 * Issue #17 item 1: the notation of a number column is decided from evidence in either direction. A
 * `;` file is not taken as Dutch when its values show English thousands (LibreOffice in English
 * writes `;`-separated files with `287,000`); a column whose values allow both readings is refused
 * with both readings, as `942.100` in a `,` file already was. Real numbers: the key of inhabitants
 * (Bijlage reference data, 342 gemeenten; Schiermonnikoog 977, Amsterdam 942.100).
 */
import { captureIo } from '../../test/support/cli-io';
import { runCli } from '../cli/cli';
import type { InputFailure, Notation, Result } from '../domain';
import { failureText } from '../messages';
import { defaultReferenceData } from './load';
import { columnNotation } from './notation';
import { defaultEditionId, editionInput } from './editions';
import { begrotingKolommen, customKey } from '../domain';
import { regioFailureText } from '../messages';
import { parseRegioInvoerCsv } from './regio-input';
import { parseUserKeyCsv, readAmount } from './user-input';

const G = defaultReferenceData().gemeenten;

/** The notation of one column of values (rows 2, 3, …), or the Dutch messages. */
function decide(values: readonly string[], delimiter = ';'): Notation | undefined | string[] {
  const r: Result<Notation | undefined, InputFailure> = columnNotation(
    'gewicht',
    values.map((text, i) => ({ row: i + 2, text })),
    delimiter,
  );
  return r.ok ? r.value : r.failures.map(failureText);
}

/** The message; `write`: the two forms it suggests (default the readings), `comma`: in a "," file. */
const ambiguous = (
  row: number,
  text: string,
  nl: string,
  en: string,
  others = 0,
  write = `${nl} of ${en}`,
  comma = false,
): string =>
  `Rij ${row}: "${text}" in kolom gewicht kan ${nl} zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of ${en} (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf ${others > 0 ? `dit getal en de ${others} andere in deze kolom die zo op twee manieren te lezen zijn` : 'het getal'} zonder scheidingsteken voor duizendtallen${comma ? ' en met een punt voor decimalen (in dit bestand scheidt de komma de velden)' : ''}: ${write}.`;

describe('columnNotation: evidence in either direction', () => {
  it('English thousands in a ";" file beside a number without separator are English (LibreOffice in English)', () => {
    expect(decide(['942,100', '977', '5,011'])).toBe('en');
    expect(decide(G.map((g) => g.inwoners.toLocaleString('en-US')))).toBe('en');
  });
  it('a lone "287,000" in a ";" file is refused with both readings, not read as 287', () => {
    expect(decide(['287,000'])).toEqual([ambiguous(2, '287,000', '287', '287000')]);
    expect(decide(['287,000', '45,250'])).toEqual([ambiguous(2, '287,000', '287', '287000', 1)]);
  });
  it('three decimals without a trailing zero ("5,011") prove nothing, also in a ";" file', () => {
    expect(decide(['5,011', '977'])).toEqual([ambiguous(2, '5,011', '5,011', '5011', 0, '5,0110 of 5011')]);
  });
  it('a column in a fixed three-decimal Dutch format stays Dutch', () => {
    expect(decide(['0,125', '12,500', '1,000'])).toBe('nl');
    expect(decide(['1.234,500', '12,500'])).toBe('nl');
  });
  it('"287,000" beside a Dutch decimal ("1,5") is refused: a Dutch 287 is not written with three zeros there', () => {
    expect(decide(['1,5', '287,000', '3'])).toEqual([ambiguous(3, '287,000', '287', '287000')]);
  });
  it('thousands dots and thousands commas in one column are refused', () => {
    expect(decide(['12.500', '287,000', '0'])).toEqual([ambiguous(2, '12.500', '12500', '12,5', 1)]);
  });
  it('a thousands comma beside a number of four digits without a group is refused: English groups them all', () => {
    expect(decide(['942,100', '1234'], ',')).toEqual([ambiguous(2, '942,100', '942,1', '942100', 0, '942.1 of 942100', true)]);
  });
  it('what already held: Dutch dots in a ";" file, strong evidence, a mirror in a "," file', () => {
    expect(decide(['12.500', '942.100'])).toBe('nl');
    expect(decide(['1,5', '942.100'])).toBe('nl');
    expect(decide(['1,234,567', '287,000'])).toBe('en');
    expect(decide(['942,100', '977'], ',')).toBe('en');
    expect(decide(['942.100', '977'], ',')).toEqual([
      ambiguous(2, '942.100', '942100', '942,1', 0, '942100 of 942.1', true),
    ]);
    expect(decide(['977', '12'])).toBeUndefined();
  });
});

describe('a key file from LibreOffice in English (";" with "," thousands), through the CLI', () => {
  it("keeps Schiermonnikoog's buurtsportcoaches 2024 at € 5.011 (not € 4.754.872)", async () => {
    const file = ['gemeentecode;gewicht', ...G.map((g) => `${g.code};${g.inwoners.toLocaleString('en-US')}`)].join('\r\n');
    expect(file).toContain('GM0363;942,100');
    const run = async (argv: string[], files: Record<string, string> = {}): Promise<string> => {
      const c = captureIo(files);
      const code = await runCli(argv, c.io, async () => new Uint8Array());
      expect([code, c.err()]).toEqual([0, '']);
      return c.out().split('\n').find((l) => l.includes(';2;Brede Regeling Combinatiefuncties') && l.includes(';2024;')) ?? '';
    };
    const own = await run(['allocaties', '--gemeente', 'GM0088', '--sleutel-bestand', 'k.csv'], { 'k.csv': file });
    const builtIn = await run(['allocaties', '--gemeente', 'GM0088', '--sleutel', 'inwoners']);
    expect(builtIn.split(';')[7]).toBe('5011');
    expect(own.split(';')[7]).toBe('5011');
  });
});

describe('a begroting from LibreOffice in English (";" with "€ 287,000"), through the CLI', () => {
  // The default edition's columns (its years: 2023–2030 for vws-2026-04); the amount in 2025.
  const years = editionInput(defaultEditionId()).edition.years;
  const header = begrotingKolommen(years).join(';');
  const row = (activiteit: string, bedrag: string): string =>
    `Brede SPUK;1;${activiteit};6.1;Sportbedrijf;incidenteel;;;${bedrag}${';'.repeat(years.length - 3 + 2)}`;
  const run = async (text: string) => {
    const c = captureIo({ 'b.csv': text });
    const code = await runCli(['begroting', '--invoer', 'b.csv', '--gemeente', 'GM0034'], c.io, async () => new Uint8Array());
    return { code, out: c.out(), err: c.err() };
  };
  it('"€ 287,000" alone: exit 2 with both readings, never a toets of € 287 with "Geen signalen"', async () => {
    const r = await run([header, row('Lokaal sportakkoord', '€ 287,000')].join('\n'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Rij 2: "€ 287,000" in kolom 2025 kan 287 zijn');
  });
  it('beside an amount without a group ("€ 950") it is € 287.000', async () => {
    const r = await run([header, row('Lokaal sportakkoord', '€ 287,000'), row('Beweegcoach', '€ 950')].join('\n'));
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/€ 287\.950/);
  });
});

/** A key file (gemeentecode, gewicht; separator `d`) with weight 1 everywhere but GM0363's `value`. */
const keyFile = (d: string, value: string): string =>
  ['gemeentecode' + d + 'gewicht', ...G.map((g) => `${g.code}${d}${g.code === 'GM0363' ? value : '1'}`)].join('\n');
/** GM0363's line in `keyFile` (the header is line 1). */
const keyLine = G.findIndex((g) => g.code === 'GM0363') + 2;
/** `allocaties --gemeente GM0363 --sleutel-bestand` on `file`: the exit code and stderr. */
const runKey = async (file: string) => {
  const c = captureIo({ 'k.csv': file });
  const code = await runCli(['allocaties', '--gemeente', 'GM0363', '--sleutel-bestand', 'k.csv'], c.io, async () => new Uint8Array());
  return { code, err: c.err() };
};

describe('the suggestion of an ambiguous number fits the file (reviewer, session 8), through the CLI', () => {
  /** The two forms the message asks for ("… voor duizendtallen: A of B."). */
  const suggested = (err: string): string[] => /duizendtallen[^:]*: (\S+) of (\S+)\.\n$/.exec(err)?.slice(1) ?? [];

  it('"942.100" in a "," file: 942100 or 942.1 (a decimal comma would split the field), and both are read', async () => {
    const r = await runKey(keyFile(',', '942.100'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `Fout: Rij ${keyLine}: "942.100" in kolom gewicht kan 942100 zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of 942,1 (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf het getal zonder scheidingsteken voor duizendtallen en met een punt voor decimalen (in dit bestand scheidt de komma de velden): 942100 of 942.1.\n`,
    );
    expect(suggested(r.err)).toEqual(['942100', '942.1']);
    for (const form of suggested(r.err)) expect(await runKey(keyFile(',', form))).toEqual({ code: 0, err: '' });
  });

  it('in a tab file the Dutch form; three decimals get a fourth zero, so each suggestion is read one way', async () => {
    const tab = await runKey(keyFile('\t', '942.100'));
    expect(suggested(tab.err)).toEqual(['942100', '942,1']);
    const three = await runKey(keyFile(',', '1.234'));
    expect(suggested(three.err)).toEqual(['1234', '1.2340']);
    for (const form of suggested(three.err)) expect(await runKey(keyFile(',', form))).toEqual({ code: 0, err: '' });
    const semicolon = await runKey(keyFile(';', '5,011'));
    expect(suggested(semicolon.err)).toEqual(['5,0110', '5011']);
    for (const form of suggested(semicolon.err)) expect(await runKey(keyFile(';', form))).toEqual({ code: 0, err: '' });
  });
});

describe('the row readers’ messages fit the file’s separator too (readAmount, a key’s and a region’s weights)', () => {
  const notANumber = (row: number, example: string): string =>
    `Rij ${row}: "veel" in kolom gewicht is geen getal. Typ een getal zonder tekst of eenheid, bijvoorbeeld 12500 of ${example}.`;

  it('a weight that is no number: "0,0125" in a ";" file, "0.0125" in a "," file, and each example is read', async () => {
    expect(await runKey(keyFile(';', 'veel'))).toEqual({ code: 2, err: `Fout: ${notANumber(keyLine, '0,0125')}\n` });
    expect(await runKey(keyFile(',', 'veel'))).toEqual({
      code: 2,
      err: `Fout: ${notANumber(keyLine, '0.0125 (in dit bestand scheidt de komma de velden)')}\n`,
    });
    expect(await runKey(keyFile(';', '0,0125'))).toEqual({ code: 0, err: '' });
    expect(await runKey(keyFile(',', '0.0125'))).toEqual({ code: 0, err: '' });
  });

  it('a region’s weight (regioverdeling): the same texts per separator', () => {
    const regio = (d: string) => parseRegioInvoerCsv(`gemeentecode${d}gewicht\nGM0034${d}veel\n`);
    const texts = (d: string): string[] => {
      const r = regio(d);
      return r.ok ? [] : r.failures.map(regioFailureText);
    };
    expect(texts(';')).toEqual([notANumber(2, '0,0125')]);
    expect(texts(',')).toEqual([notANumber(2, '0.0125 (in dit bestand scheidt de komma de velden)')]);
  });

  it('readAmount without a column notation: "942.100" suggests 942,1 in a ";" file, 942.1 in a "," file', () => {
    const text = (d: string): string => {
      const a = readAmount(3, '942.100', undefined, undefined, d);
      return typeof a === 'number' ? String(a) : failureText(a);
    };
    const both = `Rij 3: "942.100" in kolom bedrag_eur kan 942100 zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of 942,1 (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf het getal zonder scheidingsteken voor duizendtallen`;
    expect(text(';')).toBe(`${both}: 942100 of 942,1.`);
    expect(text(',')).toBe(`${both} en met een punt voor decimalen (in dit bestand scheidt de komma de velden): 942100 of 942.1.`);
  });

  it('a key read by customKey keeps the file’s separator from parseUserKeyCsv', () => {
    const k = parseUserKeyCsv(keyFile(',', 'veel'));
    expect(k.ok && k.value.rows[0]?.delimiter).toBe(',');
    const semicolon = parseUserKeyCsv(keyFile(';', 'veel'));
    expect(semicolon.ok && semicolon.value.rows[0]?.delimiter).toBeUndefined();
    if (!k.ok) return;
    const r = customKey(k.value.rows, G, { maxAmount: 1_000_000_000 });
    expect(r.ok ? [] : r.failures.map(failureText)).toEqual([notANumber(keyLine, '0.0125 (in dit bestand scheidt de komma de velden)')]);
  });
});

describe("columnNotation's hint: the notation of the Excel a range is pasted from (issue #17)", () => {
  const withHint = (values: readonly string[], hint: Notation): Notation | undefined | string[] => {
    const r = columnNotation(
      'gewicht',
      values.map((text, i) => ({ row: i + 2, text })),
      '\t',
      hint,
    );
    return r.ok ? r.value : r.failures.map(failureText);
  };

  it('from an Excel-NL, "400.000" alone in a tab paste is 400000 (without the hint: refused)', () => {
    expect(decide(['400.000'], '\t')).toEqual([ambiguous(2, '400.000', '400000', '400')]);
    expect(withHint(['400.000'], 'nl')).toBe('nl');
    expect(withHint(['400.000', '1.250.000'], 'nl')).toBe('nl');
  });

  it('from an English Excel, "287,000" alone is 287000', () => {
    expect(withHint(['287,000'], 'en')).toBe('en');
  });

  it('settles only the form that Excel writes itself: the other form stays refused', () => {
    // Excel-NL does not write 287 000 as "287,000": that text came from elsewhere.
    expect(withHint(['287,000'], 'nl')).toEqual(decide(['287,000'], '\t'));
    expect(Array.isArray(withHint(['287,000'], 'nl'))).toBe(true);
    expect(Array.isArray(withHint(['400.000'], 'en'))).toBe(true);
  });

  it('never against the values: a column whose values prove the other notation keeps it', () => {
    expect(withHint(['1,234.5', '400.000'], 'nl')).toEqual(decide(['1,234.5', '400.000'], '\t'));
    expect(withHint(['1,5', '287,000'], 'en')).toEqual(decide(['1,5', '287,000'], '\t'));
    expect(withHint(['0,125'], 'en')).toBe('nl');
  });
});
