/**
 * Issue 10, "Nothing silently wrong", at the command line: every kind of bad argument or input
 * gives exit code 2, the exact Dutch message on stderr and NOTHING on stdout.
 */
import { EventEmitter } from 'node:events';
import { defaultReferenceData } from '../data';
import { captureIo } from '../../test/support/cli-io';
import { runCli } from './cli';
import { outputErrorText, watchOutput } from './node-io';

const G = defaultReferenceData().gemeenten;
const keyLine = (code: string) => G.findIndex((g) => g.code === code) + 2;

async function run(argv: string[], files: Record<string, string | Uint8Array> = {}) {
  const c = captureIo(files);
  const code = await runCli(argv, c.io, async () => new Uint8Array());
  return { code, out: c.out(), err: c.err(), written: [...c.written.keys()] };
}

const key = (d: string, overrides: Record<string, string> = {}) =>
  [`gemeentecode${d}gewicht`, ...G.map((g) => `${g.code}${d}${overrides[g.code] ?? g.inwoners}`)].join('\n');
const B = 'gemeentecode,onderdeel_nr,jaar,bedrag_eur\n';
const fout = (text: string) => `Fout: ${text}\n`;
/** The same, naming the user file the failure is in (as every command does for its --beschikking). */
const foutIn = (text: string, file = 'b.csv') => `Fout in ${file}: ${text}\n`;

// [case, argv, files, exact stderr]
const cases: [string, string[], Record<string, string | Uint8Array>, string][] = [
  [
    'unknown command',
    ['maak'],
    {},
    'Onbekende opdracht "maak". Kies werkboek, allocaties, iza, controle, edities, verschil, regioverdeling, begroting of verantwoording (zie --help).\n',
  ],
  [
    'unknown option',
    ['allocaties', '--jaar', '2025'],
    {},
    fout(`Onbekende optie "--jaar" voor allocaties. Zie 'spuk-begroting allocaties --help'.`),
  ],
  [
    'an option of another command',
    ['controle', '--sleutel', 'gelijk'],
    {},
    fout(`Onbekende optie "--sleutel" voor controle. Zie 'spuk-begroting controle --help'.`),
  ],
  [
    'a bare argument',
    ['allocaties', 'Almere'],
    {},
    fout(
      `Onverwacht argument "Almere" voor allocaties: opties beginnen met --. Zie 'spuk-begroting allocaties --help'.`,
    ),
  ],
  [
    'a single-dash option',
    ['allocaties', '-g', 'Almere'],
    {},
    fout(`Onbekende optie "-g" voor allocaties. Zie 'spuk-begroting allocaties --help'.`),
  ],
  [
    'a repeated option',
    ['allocaties', '--sleutel', 'a', '--sleutel', 'b'],
    {},
    fout('De optie --sleutel staat er twee keer. Geef elke optie één keer.'),
  ],
  [
    'a repeated option with =',
    ['werkboek', '--uit=a.xlsx', '--uit=b.xlsx'],
    {},
    fout('De optie --uit staat er twee keer. Geef elke optie één keer.'),
  ],
  [
    'a repeated flag',
    ['controle', '--json', '--json'],
    {},
    fout('De optie --json staat er twee keer. Geef elke optie één keer.'),
  ],
  [
    'a flag with a value',
    ['controle', '--json=ja'],
    {},
    fout('De optie --json heeft geen waarde: laat "=ja" weg.'),
  ],
  [
    'a missing value',
    ['allocaties', '--gemeente'],
    {},
    fout(`De optie --gemeente heeft een waarde nodig. Zie 'spuk-begroting allocaties --help'.`),
  ],
  [
    'a value that is the next option',
    ['allocaties', '--gemeente', '--sleutel', 'gelijk'],
    {},
    fout(`De optie --gemeente heeft een waarde nodig. Zie 'spuk-begroting allocaties --help'.`),
  ],
  [
    'an empty value',
    ['allocaties', '--gemeente='],
    {},
    fout('De optie --gemeente heeft een lege waarde. Geef een waarde.'),
  ],
  [
    'a blank value',
    ['allocaties', '--sleutel', '  '],
    {},
    fout('De optie --sleutel heeft een lege waarde. Geef een waarde.'),
  ],
  [
    'an unknown format',
    ['allocaties', '--formaat', 'xml'],
    {},
    fout('Onbekend formaat "xml". Kies csv of json.'),
  ],
  [
    'an unknown key',
    ['iza', '--sleutel', 'bevolking'],
    {},
    fout('Onbekende verdeelsleutel "bevolking". Kies uit: spuk-2025, spuk-2026, inwoners, gelijk.'),
  ],
  [
    'key and key file together',
    ['allocaties', '--sleutel', 'gelijk', '--sleutel-bestand', 'k.csv'],
    {},
    fout('Gebruik --sleutel of --sleutel-bestand, niet allebei.'),
  ],
  [
    'an unreadable key file',
    ['allocaties', '--sleutel-bestand', 'nergens.csv'],
    {},
    fout('Kan het bestand "nergens.csv" niet lezen. Controleer pad en rechten.'),
  ],
  [
    'an unreadable beschikking',
    ['allocaties', '--beschikking', 'nergens.csv'],
    {},
    fout('Kan het bestand "nergens.csv" niet lezen. Controleer pad en rechten.'),
  ],
  [
    'a workbook that is not .xlsx',
    ['werkboek', '--uit', 'x.csv'],
    {},
    fout('Het uitvoerbestand moet op .xlsx eindigen: "x.csv".'),
  ],
  [
    'an unknown gemeente',
    ['allocaties', '--gemeente', 'Atlantis'],
    {},
    fout(
      'Gemeente "Atlantis" niet gevonden. Gebruik een CBS-code (bijvoorbeeld GM0034) of de naam van een gemeente uit de indeling 2025.',
    ),
  ],
  [
    'a prefix does not resolve without asking',
    ['allocaties', '--gemeente', 'Almer'],
    {},
    fout(
      '"Almer" wijst niet precies één gemeente aan. Bedoelt u: Almere (GM0034)? Geef de volledige naam of de CBS-code.',
    ),
  ],
  [
    'Bergen is two gemeenten, ranked first',
    ['werkboek', '--gemeente', 'Bergen'],
    {},
    fout(
      '"Bergen" wijst niet precies één gemeente aan. Bedoelt u: Bergen (L.) (GM0893), Bergen (NH.) (GM0373), Bergen op Zoom (GM0748), Berg en Dal (GM1945), Haaksbergen (GM0158)? Geef de volledige naam of de CBS-code.',
    ),
  ],
  [
    'an unknown code',
    ['allocaties', '--gemeente', 'GM9999'],
    {},
    fout(
      'Gemeente "GM9999" niet gevonden. Gebruik een CBS-code (bijvoorbeeld GM0034) of de naam van een gemeente uit de indeling 2025.',
    ),
  ],
  [
    'a key file that is a workbook',
    ['allocaties', '--sleutel-bestand', 'k.xlsx'],
    { 'k.xlsx': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) },
    fout(
      'Dit is een Excel-werkmap, geen tekstbestand. Sla haar in Excel op als "CSV (gescheiden door lijstscheidingsteken)" en kies dat bestand.',
    ),
  ],
  [
    'a key file with binary garbage',
    ['werkboek', '--sleutel-bestand', 'k.csv'],
    { 'k.csv': Uint8Array.from([0, 159, 146, 150, 0, 1]) },
    fout(
      'Dit is geen tekstbestand. Kies een CSV-bestand (in Excel: Opslaan als "CSV (gescheiden door lijstscheidingsteken)").',
    ),
  ],
  [
    'an empty key file',
    ['allocaties', '--sleutel-bestand', 'k.csv'],
    { 'k.csv': '' },
    fout('Het bestand is leeg. Geef een bestand met een kopregel en één rij per gemeente.'),
  ],
  [
    'a key with a comma too many',
    ['allocaties', '--sleutel-bestand', 'k.csv'],
    { 'k.csv': 'gemeentecode,gewicht\nGM0034,1,5\n' },
    fout(
      'Rij 2 heeft 3 velden, de kopregel 2. Staat er een komma (,) in een getal, zoals 150,000? Schrijf getallen zonder scheidingsteken voor duizendtallen, of zet het veld tussen aanhalingstekens.',
    ),
  ],
  [
    'row numbers are the lines the user sees',
    ['allocaties', '--sleutel-bestand', 'k.csv'],
    { 'k.csv': 'gemeentecode;gewicht\n\nGM0014;abc\n' },
    fout(
      'Rij 3: "abc" in kolom gewicht is geen getal. Typ een getal zonder tekst of eenheid, bijvoorbeeld 12500 of 0,0125.',
    ) +
      fout(
        `Deze gemeenten ontbreken in de sleutel: ${G.slice(1, 6)
          .map((g) => g.code)
          .join(', ')} en 336 andere. Voeg ze toe, met gewicht 0 als ze niets krijgen.`,
      ),
  ],
  [
    'an unclosed quote names the row',
    ['allocaties', '--sleutel-bestand', 'k.csv'],
    { 'k.csv': 'gemeentecode;gewicht\nGM0014;1\n"GM0034;5\nGM0363;3\n' },
    fout(
      'Rij 3: een aanhalingsteken (") wordt niet gesloten, zodat de rest van het bestand één veld zou worden. Sluit het aanhalingsteken of verwijder het.',
    ),
  ],
  [
    'an ambiguous key in a tab file',
    ['allocaties', '--sleutel-bestand', 'k.txt'],
    { 'k.txt': key('\t', { GM0363: '942.100' }) },
    fout(
      `Rij ${keyLine('GM0363')}: "942.100" in kolom gewicht kan 942100 zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of 942,1 (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf het getal zonder scheidingsteken voor duizendtallen: 942100 of 942,1.`,
    ),
  ],
  [
    'beschikking cents with a point',
    ['allocaties', '--beschikking', 'b.csv'],
    { 'b.csv': `${B}GM0034,1,2025,150000.50\n` },
    foutIn(
      `Rij 2: het bedrag "150000.50" heeft centen. Bedragen in een beschikking zijn hele euro's: rond af op hele euro's, zonder decimalen.`,
    ),
  ],
  [
    'beschikking cents with a comma',
    ['allocaties', '--beschikking', 'b.csv'],
    { 'b.csv': 'gemeentecode;onderdeel_nr;jaar;bedrag_eur\nGM0034;1;2025;150000,50\n' },
    foutIn(
      `Rij 2: het bedrag "150000,50" heeft centen. Bedragen in een beschikking zijn hele euro's: rond af op hele euro's, zonder decimalen.`,
    ),
  ],
  [
    'beschikking 150,000 unquoted',
    ['allocaties', '--beschikking', 'b.csv'],
    { 'b.csv': `${B}GM0034,1,2025,150,000\n` },
    foutIn(
      'Rij 2 heeft 5 velden, de kopregel 4. Staat er een komma (,) in een getal, zoals 150,000? Schrijf getallen zonder scheidingsteken voor duizendtallen, of zet het veld tussen aanhalingstekens.',
    ),
  ],
  [
    'beschikking duplicate',
    ['allocaties', '--beschikking', 'b.csv'],
    { 'b.csv': `${B}GM0034,1,2025,5\nGM0034,1,2025,6\n` },
    foutIn(
      'Rij 3: GM0034, onderdeel 1, 2025 staat al op rij 2. Geef elke combinatie van gemeente, onderdeel en jaar één keer (tel bedragen uit meerdere beschikkingen zelf op).',
    ),
  ],
  [
    'beschikking 20-digit amount is bad input, not an internal error',
    ['allocaties', '--beschikking', 'b.csv'],
    { 'b.csv': `${B}GM0034,1,2025,12345678901234567890\n` },
    foutIn(
      'Rij 2: het bedrag "12345678901234567890" is groter dan € 999.999.999.999 en kan niet kloppen. Controleer het bedrag (een cijfer te veel?).',
    ),
  ],
  [
    'beschikking with a missing column gets its own fix',
    ['allocaties', '--beschikking', 'b.csv'],
    { 'b.csv': 'gemeentecode,jaar,bedrag_eur\nGM0034,2025,5\n' },
    foutIn(
      'De kolom "onderdeel_nr" ontbreekt. Gevonden kolommen: gemeentecode, jaar, bedrag_eur. Zet een kopregel met de kolommen gemeentecode, onderdeel_nr, jaar en bedrag_eur.',
    ),
  ],
  [
    'beschikking in UTF-16 without evidence',
    ['allocaties', '--beschikking', 'b.txt'],
    {
      'b.txt': Uint8Array.from([
        0xff,
        0xfe,
        ...[...'gemeentecode\tonderdeel_nr\tjaar\tbedrag_eur\r\nGM0034\t1\t2025\t150.000\r\n'].flatMap(
          (c) => [c.charCodeAt(0), 0],
        ),
      ]),
    },
    foutIn(
      `Rij 2: "150.000" in kolom bedrag_eur kan 150000 zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of 150 (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf het getal zonder scheidingsteken voor duizendtallen: 150000 of 150.`,
      'b.txt',
    ),
  ],
];

describe('bad input at the command line: exit 2, exact Dutch text, empty stdout', () => {
  it.each(cases)('%s', async (_, argv, files, stderr) => {
    const r = await run(argv, files);
    expect(r.err).toBe(stderr);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.written).toEqual([]);
  });

  it('no command: the help goes to stderr, stdout stays empty', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Gebruik: spuk-begroting <opdracht> [opties]');
  });

  it('asked for help: stdout, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Gebruik: spuk-begroting <opdracht> [opties]');
  });
});

describe('right input gives the right value', () => {
  const sportakkoord2025 = (out: string) =>
    out
      .split('\n')
      .find((l) => /^GM0088;Schiermonnikoog;Brede SPUK;gala-2023;1;Sportakkoord;2025;/.test(l))
      ?.split(';')[7];

  it('Schiermonnikoog Sportakkoord 2025 is € 701 with 942.100 in a ";" key (issue 10)', async () => {
    const r = await run(
      ['allocaties', '--editie', 'gala-2023', '--sleutel-bestand', 'k.csv', '--gemeente', 'GM0088'],
      {
        'k.csv': key(';', { GM0363: '942.100', GM0088: '977' }),
      },
    );
    expect(r.code).toBe(0);
    expect(sportakkoord2025(r.out)).toBe('701');
  });

  it('the same key from bytes in UTF-16 LE (Unicode-tekst) gives the same value', async () => {
    const text = '\ufeff' + key('\t').replace(/\n/g, '\r\n');
    const bytes = Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    const r = await run(
      ['allocaties', '--editie', 'gala-2023', '--sleutel-bestand', 'k.txt', '--gemeente', 'Schiermonnikoog'],
      {
        'k.txt': bytes,
      },
    );
    expect(r.err).toBe('');
    expect(sportakkoord2025(r.out)).toBe('701');
  });

  it.each([
    ['Den Haag', 'GM0518'],
    ['Den Bosch', 'GM0796'],
    ['den haag', 'GM0518'],
    ["'s-Gravenhage", 'GM0518'],
    ['Hengelo', 'GM0164'],
    ['Middelburg', 'GM0687'],
    ['Bergen (NH.)', 'GM0373'],
    ['Sudwest Fryslan', 'GM1900'],
    ['34', 'GM0034'],
  ])('--gemeente %s resolves to %s', async (name, code) => {
    const r = await run(['allocaties', '--gemeente', name, '--formaat', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { gemeentecode: string }[])[0]?.gemeentecode).toBe(code);
  });

  it('a beschikking in Excel-NL notation wins with its whole euros', async () => {
    const r = await run(['allocaties', '--gemeente', 'GM0034', '--beschikking', 'b.csv'], {
      'b.csv': 'gemeentecode;onderdeel_nr;jaar;bedrag_eur\nGM0034;1;2025;€ 150.000\n',
    });
    expect(r.out).toMatch(
      /GM0034;Almere;Brede SPUK;vws-2026-04;1;Sportakkoord;2025;150000;\d+;\d+;beschikking/,
    );
  });
});

describe('writing to stdout', () => {
  const stream = () => new EventEmitter() as unknown as NodeJS.WriteStream;
  const error = (code: string) => Object.assign(new Error(code), { code });

  it('a closed pipe (| head) ends quietly with exit 0', () => {
    const s = stream();
    const exits: number[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    watchOutput(s, (c) => exits.push(c));
    s.emit('error', error('EPIPE'));
    expect(exits).toEqual([0]);
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
  });

  it('a full disk gets one Dutch line and exit 2', () => {
    const s = stream();
    const exits: number[] = [];
    let written = '';
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((t) => {
      written += String(t);
      return true;
    });
    watchOutput(s, (c) => exits.push(c));
    s.emit('error', error('ENOSPC'));
    stderr.mockRestore();
    expect(exits).toEqual([2]);
    expect(written).toBe(
      'Fout: kan de uitvoer niet schrijven (de schijf is vol). Kies een andere plek voor de uitvoer.\n',
    );
    expect(outputErrorText('EBADF')).toBe(
      'Fout: kan de uitvoer niet schrijven (systeemfout EBADF). Kies een andere plek voor de uitvoer.\n',
    );
  });
});
