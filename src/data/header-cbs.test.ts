/**
 * Issue #17 item 14, the case left over: a data row starting with a CBS code above the header (a row
 * pasted on top of the file) was "De kopregel ontbreekt"; every reader now names the line of the
 * header and the rows above it to remove (HeaderNotFirst). Without a header further down the message
 * stays "De kopregel ontbreekt" (texts written out).
 */
import type { CbsCode, InputFailure } from '../domain';
import { begrotingKolommen } from '../domain';
import { failureText } from '../messages';
import { parseBegrotingCsv, parseBeschikkingRegelsCsv } from './begroting-input';
import { defaultEditionId, editionInput } from './editions';
import { defaultReferenceData } from './load';
import { parseRegioInvoerCsv } from './regio-input';
import { parseBeschikkingCsv, parseUserKeyCsv } from './user-input';

const EDITION_YEARS = editionInput(defaultEditionId()).edition.years;
const G = defaultReferenceData().gemeenten;
const ALMERE = 'GM0034' as CbsCode;
const texts = (r: { ok: true } | { ok: false; failures: readonly unknown[] }): string[] =>
  r.ok ? [] : r.failures.map((f) => failureText(f as InputFailure));
const notFirst = (what: string, header: number, rows: string, extra = ''): string =>
  `De kopregel van ${what} staat op rij ${header}, niet bovenaan: ${rows} ${rows.includes('tot en met') ? 'staan' : 'staat'} erboven. Verwijder ${rows}${extra} en lees het bestand opnieuw in.`;

describe('a data row starting with a CBS code above the header', () => {
  it('a key file: the header on line 2, line 1 to remove', () => {
    expect(texts(parseUserKeyCsv('GM0014;5\ngemeentecode;gewicht\nGM0034;1\n'))).toEqual([
      notFirst('een verdeelsleutel', 2, 'rij 1'),
    ]);
  });
  it('an allocaties --beschikking file with two such rows: lines 1 to 2', () => {
    const csv = 'GM0034;1;2024;5\n0034;16;2024;7\ngemeentecode;onderdeel_nr;jaar;bedrag_eur\nGM0034;16;2025;3\n';
    expect(texts(parseBeschikkingCsv(csv, G, [1, 16], EDITION_YEARS))).toEqual([
      notFirst('een beschikking', 3, 'rij 1 tot en met 2'),
    ]);
  });
  it('a begroting --beschikking file (line form)', () => {
    const csv = 'GM0034;1;2024;5\ngemeentecode;onderdeel_nr;jaar;bedrag_eur\nGM0034;16;2025;3\n';
    expect(texts(parseBeschikkingRegelsCsv(csv, { gemeente: ALMERE, gemeenten: G }))).toEqual([
      notFirst('een beschikking', 2, 'rij 1'),
    ]);
  });
  it('a regioverdeling --invoer file', () => {
    expect(texts(parseRegioInvoerCsv('GM0034;2\ngemeentecode;gewicht\nGM0034;2\nGM0050;1\n'))).toEqual([
      notFirst('een regioverdeling', 2, 'rij 1'),
    ]);
  });
  it('a begroting CSV', () => {
    const header = begrotingKolommen(EDITION_YEARS).join(';');
    const csv = `GM0034;Sport;5\n${header}\nBrede SPUK;1;Sport;6.1;Gemeente;incidenteel;;;5\n`;
    expect(texts(parseBegrotingCsv(csv))).toEqual([
      notFirst('de tabel Begroting', 2, 'rij 1', ' (of zet die rijen onder de kopregel als het activiteiten zijn)'),
    ]);
  });
  it('without a header further down: still "De kopregel ontbreekt"', () => {
    expect(texts(parseUserKeyCsv('GM0014;5\nGM0015;6\n'))).toEqual([
      'De kopregel ontbreekt: de eerste rij begint met "GM0014". Zet bovenaan een regel met de kolommen gemeentecode en gewicht (of aandeel).',
    ]);
  });
});
