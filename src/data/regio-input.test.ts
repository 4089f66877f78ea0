import { builtInKey, Ledger, regioVerdeling } from '../domain';
import { regioFailureText } from '../messages';
import { defaultEditionId, defaultReferenceData, editionInput, parseRegioInvoerCsv } from '.';

const texts = (input: string | Uint8Array): string[] => {
  const r = parseRegioInvoerCsv(input);
  if (r.ok) throw new Error('expected failures');
  return r.failures.map(regioFailureText);
};

describe('parseRegioInvoerCsv', () => {
  it('reads weights and fixed amounts from one Excel-NL file (";", BOM, Dutch notation)', () => {
    const csv =
      '\uFEFFgemeentecode;gewicht;activiteit;bedrag_eur\r\n' +
      'GM0034;2,5;;\r\n' +
      'gm0995;1;;\r\n' +
      '\r\n' +
      ';;Regionale coördinatie;€ 250.000\r\n' +
      ';;Netwerkbureau;111954\r\n';
    const r = parseRegioInvoerCsv(csv);
    expect(r).toEqual({
      ok: true,
      value: {
        // 2,5 and 1 → 25 and 10 → ÷ 5: 5 and 2.
        gewichten: [
          { code: 'GM0034', gewicht: 5, row: 2 },
          { code: 'gm0995', gewicht: 2, row: 3 },
        ],
        vast: [
          { activiteit: 'Regionale coördinatie', bedrag: 250_000, row: 5 },
          { activiteit: 'Netwerkbureau', bedrag: 111_954, row: 6 },
        ],
      },
    });
  });

  it('reads a file with only one pair of columns', () => {
    expect(parseRegioInvoerCsv('gemeentecode,gewicht\nGM0034,3\n')).toMatchObject({
      ok: true,
      value: { gewichten: [{ code: 'GM0034', gewicht: 1 }], vast: [] },
    });
    expect(parseRegioInvoerCsv('activiteit\tbedrag_eur\nCoördinatie\t1000\n')).toMatchObject({
      ok: true,
      value: { gewichten: [], vast: [{ activiteit: 'Coördinatie', bedrag: 1000, row: 2 }] },
    });
  });

  it('refuses with the row and the fix, never a partial result', () => {
    expect(texts('gemeentecode;bedrag_eur\nGM0034;5\n')).toEqual([
      expect.stringMatching(/^De kolom "gewicht" ontbreekt\. .*gemeentecode en gewicht, en\/of activiteit en bedrag_eur/),
    ]);
    expect(texts('naam;waarde\nx;1\n')[0]).toMatch(/De kolom "gemeentecode" ontbreekt/);
    expect(texts('GM0034;1\n')[0]).toMatch(/De kopregel ontbreekt/);
    expect(texts('gemeentecode;gewicht\n')[0]).toMatch(/De invoer is leeg/);
    expect(
      texts(
        'gemeentecode;gewicht;activiteit;bedrag_eur\n' +
          'GM0034;-1;;\n' +
          'GM0171;veel;;\n' +
          'GM0184;1;Coördinatie;5\n' +
          ';;;\n' +
          ';;Projecten;-5\n' +
          ';;Netwerk;12,50\n' +
          ';3;;\n' +
          ';;;7\n',
      ),
    ).toEqual([
      'Rij 2: het gewicht -1 is negatief. Gebruik 0 of een positief getal.',
      'Rij 3: "veel" in kolom gewicht is geen getal. Typ een getal zonder tekst of eenheid, bijvoorbeeld 12500 of 0,0125.',
      'Rij 4: de rij noemt een gemeente én een activiteit. Zet een gewicht voor een gemeente en een vast bedrag voor een activiteit op aparte rijen.',
      'Rij 6: het vaste bedrag -5 voor "Projecten" is negatief. Gebruik een bedrag van 0 of meer.',
      'Rij 7: het vaste bedrag "12,50" voor "Netwerk" heeft centen. Gebruik hele euro\'s, zonder decimalen.',
      'Rij 8: de rij noemt geen gemeente (gemeentecode) en geen activiteit. Vul er één in, of verwijder de rij.',
      'Rij 9: de rij noemt geen gemeente (gemeentecode) en geen activiteit. Vul er één in, of verwijder de rij.',
    ]);
    expect(texts('gemeentecode,gewicht\nGM0034,"1,5"\nGM0171,1\n,,\nGM0184,150,000\n')[0]).toMatch(
      /^Rij 5 heeft 3 velden, de kopregel 2/,
    );
  });

  it('feeds the domain, whose refusals name the file rows', () => {
    const ledger = new Ledger(editionInput(defaultEditionId()), builtInKey('spuk-2025', defaultReferenceData()));
    const r = parseRegioInvoerCsv('gemeentecode;gewicht\nGM0034;1\nGM0363;1\nGM0034;2\n');
    if (!r.ok) throw new Error('parse');
    const s = regioVerdeling(ledger, 'Flevoland', 2025, { methode: 'gewichten', gewichten: r.value.gewichten });
    expect(s.ok ? [] : s.failures.map(regioFailureText)).toEqual([
      'Rij 3: GM0363 is geen lid van de regio Flevoland. Verwijder de rij, of controleer de regio: de indeling in regio\'s is afgeleid, niet officieel.',
      'Rij 4: de gemeente GM0034 staat er twee keer (ook op rij 2). Geef elke ledengemeente één keer.',
      'Deze ledengemeenten van Flevoland hebben geen gewicht: GM0171, GM0184, GM0303, GM0995. Geef elke ledengemeente een gewicht, 0 als zij niets krijgt.',
    ]);
    const v = parseRegioInvoerCsv('activiteit;bedrag_eur\nCoördinatie;3.000.000\nProjecten;200.000\n');
    if (!v.ok) throw new Error('parse');
    const e = regioVerdeling(ledger, 'Flevoland', 2025, { methode: 'vast', vast: v.value.vast });
    expect(e.ok ? [] : e.failures.map(regioFailureText)).toEqual([
      'De vaste bedragen (€ 3.200.000) zijn hoger dan wat Flevoland in 2025 ontvangt (€ 3.161.954). Verlaag de vaste bedragen tot samen hoogstens € 3.161.954.',
    ]);
  });
});
