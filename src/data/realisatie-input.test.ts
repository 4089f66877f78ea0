/**
 * The realisatie reader: a copy of the Begroting file with the amounts overwritten reads as the
 * realisatie; an optional "Prognose <jaar>" column; every failure is the Begroting reader's Dutch
 * message naming the row the user sees (also with blank lines and multi-line cells), never a
 * partial result.
 */
import type { InputFailure } from '../domain';
import { begrotingKolommen, euro, legeBegroting } from '../domain';
import { failureText } from '../messages';
import { begrotingCsv, parseBegrotingCsv } from './begroting-input';
import { defaultEditionId, editionInput } from './editions';
import { parseRealisatieCsv } from './realisatie-input';

/** The default edition's year axis (2023–2030 for vws-2026-04): the columns a Begroting CSV must have. */
const EDITION_YEARS = editionInput(defaultEditionId()).edition.years;

const KOLOMMEN = begrotingKolommen(EDITION_YEARS);
const H = KOLOMMEN.join(';');
const rij = (p: Partial<Record<string, string>> = {}, d = ';', kolommen = KOLOMMEN): string =>
  kolommen
    .map((k) => p[k] ?? ({ Regeling: 'Brede SPUK', Onderdeel: '1', Activiteit: 'Lokaal sportakkoord' } as Record<string, string>)[k] ?? '')
    .join(d);
const messages = (r: { ok: true } | { ok: false; failures: readonly InputFailure[] }): string[] =>
  r.ok ? [] : r.failures.map(failureText);

describe('parseRealisatieCsv', () => {
  it('the Begroting file with the amounts overwritten is the realisatie (round trip)', () => {
    const edition = editionInput(defaultEditionId()).edition;
    const begroting = parseBegrotingCsv(
      [H, rij({ '2025': '2035253', Uitvoerder: 'Sportbedrijf' }), rij({ Regeling: 'SPUK IZA', Onderdeel: '', Activiteit: 'Valpreventie', Uitvoerder: 'Kampen', '2024': '500000' })].join('\n'),
    );
    if (!begroting.ok) throw new Error('begroting');
    const spent = {
      ...legeBegroting(edition),
      regels: begroting.value.regels.map((r, i) => ({ ...r, lasten: r.lasten.map((x) => euro(Math.round(x * (i === 0 ? 0.9 : 0.84)))) })),
    };
    const r = parseRealisatieCsv(begrotingCsv(spent, edition));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.prognoseJaar).toBeUndefined();
    expect(r.value.regels.map((x) => [x.regeling, x.uitvoerder, x.lasten[1], x.lasten[2], x.prognose])).toEqual([
      ['Brede SPUK', 'Sportbedrijf', 0, 1_831_728, undefined],
      ['SPUK IZA', 'Kampen', 420_000, 0, undefined],
    ]);
  });

  it('a Prognose 2026 column: per row, empty = none, "-" = 0; notation as the year columns', () => {
    const K = [...KOLOMMEN, 'Prognose 2026'];
    const r = parseRealisatieCsv(
      [
        K.join(';'),
        rij({ '2026': '900.000', 'Prognose 2026': '€ 1.700.000' }, ';', K),
        rij({ Activiteit: 'Beweegcoach', '2026': '10.000', 'Prognose 2026': '' }, ';', K),
        rij({ Activiteit: 'Gestopt', 'Prognose 2026': '-' }, ';', K),
      ].join('\n'),
    );
    expect(messages(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.value.prognoseJaar).toBe(2026);
    expect(r.value.regels.map((x) => [x.rij, x.lasten[3], x.prognose])).toEqual([
      [2, 900_000, 1_700_000],
      [3, 10_000, undefined],
      [4, 0, 0],
    ]);
  });

  it('a "," file with the prognose column in the middle reads the same (English notation)', () => {
    const K = [...KOLOMMEN.slice(0, 6), 'prognose_2025', ...KOLOMMEN.slice(6)];
    const r = parseRealisatieCsv(
      [K.join(','), rij({ '2025': '"1,200,000"', prognose_2025: '"1,250,000"' }, ',', K)].join('\n'),
    );
    expect(messages(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.value.prognoseJaar).toBe(2025);
    expect(r.value.regels[0]?.lasten[2]).toBe(1_200_000);
    expect(r.value.regels[0]?.prognose).toBe(1_250_000);
  });

  it('failures name the rows the user sees (blank lines, a multi-line cell) and the prognose column', () => {
    const K = [...KOLOMMEN, 'Prognose 2026'];
    const text = [
      K.join(';'),
      rij({ Opmerking: '"twee\nregels"', 'Prognose 2026': '12abc' }, ';', K),
      '',
      rij({ Activiteit: 'Tweede', '2024': 'veel' }, ';', K),
      rij({ Activiteit: 'Derde', Regeling: 'SPUK XYZ' }, ';', K),
    ].join('\n');
    expect(messages(parseRealisatieCsv(text))).toEqual([
      'Rij 2: "12abc" in kolom Prognose 2026 is geen bedrag. Typ een bedrag in hele euro\'s, zonder tekst of scheidingsteken voor duizendtallen, bijvoorbeeld 150000.',
      'Rij 5: "veel" in kolom 2024 is geen bedrag. Typ een bedrag in hele euro\'s, zonder tekst of scheidingsteken voor duizendtallen, bijvoorbeeld 150000.',
      'Rij 6: "SPUK XYZ" is geen regeling. Kies uit: Brede SPUK, SPUK IZA, SPUK AZWA lokaal, SPUK AZWA regionaal (hoofdletters maken niet uit).',
    ]);
  });

  it('refuses a prognose without a year of the edition, and two prognose columns', () => {
    const bare = parseRealisatieCsv([[...KOLOMMEN, 'Prognose'].join(';'), rij()].join('\n'));
    expect(messages(bare)[0]).toMatch(
      new RegExp(`^De kolom "prognose" hoort niet in de tabel Begroting\\. Verwacht: Regeling, .*, Prognose 2023, .*Prognose ${EDITION_YEARS[EDITION_YEARS.length - 1]}\\.`),
    );
    const future = parseRealisatieCsv([[...KOLOMMEN, 'Prognose 2031'].join(';'), rij()].join('\n'));
    expect(future.ok ? [] : future.failures.map((f) => f.kind)).toEqual(['UnknownColumn']);
    const twice = parseRealisatieCsv([[...KOLOMMEN, 'Prognose 2025', 'Prognose 2026'].join(';'), rij()].join('\n'));
    expect(messages(twice)).toEqual([
      'De kolom "Prognose" staat twee keer in de kopregel. Laat elke kolom één keer voorkomen.',
    ]);
  });

  it('a negative prognose and a field count error are refused with their row', () => {
    const K = [...KOLOMMEN, 'Prognose 2026'];
    const neg = parseRealisatieCsv([K.join(';'), rij({ 'Prognose 2026': '-5' }, ';', K)].join('\n'));
    expect(neg.ok ? [] : neg.failures.map((f) => [f.kind, 'row' in f ? f.row : 0])).toEqual([['NegativeAmount', 2]]);
    const short = parseRealisatieCsv([K.join(';'), 'Brede SPUK;1;Kort'].join('\n'));
    expect(short.ok ? [] : short.failures.map((f) => [f.kind, 'row' in f ? f.row : 0])).toEqual([['FieldCount', 2]]);
  });

  it('an empty file and a missing column are refused as for the Begroting', () => {
    expect(messages(parseRealisatieCsv(''))).toEqual(messages(parseBegrotingCsv('')));
    const noOpmerking = KOLOMMEN.slice(0, -1).join(';');
    expect(messages(parseRealisatieCsv(noOpmerking + '\n' + 'x'))).toEqual(messages(parseBegrotingCsv(noOpmerking + '\n' + 'x')));
  });
});
