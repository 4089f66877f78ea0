import { defaultReferenceData, editionInput } from '../data';
import { gemeenteWaarschuwingText } from '../messages/begroting.nl';
import type { CbsCode } from '.';
import {
  euro,
  builtInKey,
  editionControle,
  gemeenteWaarschuwingen,
  Ledger,
  legeBegroting,
  toetsBegroting,
} from '.';

const input = editionInput('vws-2026-04');
const ledger = new Ledger(input, builtInKey('spuk-2025', defaultReferenceData()));
const report = editionControle(ledger);
const voor = (code: string) =>
  gemeenteWaarschuwingen(
    ledger,
    report,
    code as CbsCode,
    toetsBegroting(ledger, code as CbsCode, legeBegroting(input.edition)),
  );

describe('the warnings about a gemeente’s own amounts (Samenvatting, "Let op")', () => {
  it('Rozendaal: the bodembedrag of 2026 is not in the SPUK AZWA lokaal 2027 (€ 72.896 → € 54.233, −26 %)', () => {
    const ws = voor('GM0277');
    expect(ws[0]).toEqual({ soort: 'bodem', vanJaar: 2026, naarJaar: 2027, van: 72_896, naar: 54_233 });
    expect(gemeenteWaarschuwingText(ws[0] ?? { soort: 'verdeelsleutel-vooralsnog', jaren: [] })).toContain(
      '€ 72.896 in 2026, € 54.233 in 2027 (-26 %)',
    );
    expect(ws.map((w) => w.soort)).toEqual(['bodem', 'verdeelsleutel-vooralsnog']);
  });

  it('Almere: the AZWA key is "vooralsnog" in 2027–2029; no bodem; a beschikking for every AZWA year removes it', () => {
    const ws = voor('GM0034');
    expect(ws).toEqual([{ soort: 'verdeelsleutel-vooralsnog', jaren: [2027, 2028, 2029] }]);
    expect(gemeenteWaarschuwingText(ws[0] ?? { soort: 'verdeelsleutel-vooralsnog', jaren: [] })).toMatch(
      /^SPUK AZWA 2027–2029: de verdeelsleutel is "vooralsnog"/,
    );
  });

  it('Almere with a beschikking for SPUK AZWA lokaal and regionaal 2027–2029: no "vooralsnog"', () => {
    const code = 'GM0034' as CbsCode;
    const beschikking = (['SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const).flatMap((regeling) =>
      [2027, 2028, 2029].map((jaar) => ({ regeling, onderdeel: undefined, jaar, bedrag: euro(1_000_000) })),
    );
    const t = toetsBegroting(ledger, code, legeBegroting(input.edition), beschikking);
    expect(gemeenteWaarschuwingen(ledger, report, code, t)).toEqual([]);
  });

  it('Almelo (Twente): the regional money goes to SamenTwente, no gemeente', () => {
    expect(voor('GM0141')).toContainEqual({
      soort: 'regio-zonder-gemeente',
      regio: 'Twente',
      ontvanger: 'SamenTwente',
    });
  });

  it('the national view has no warnings', () => {
    expect(
      gemeenteWaarschuwingen(
        ledger,
        report,
        undefined,
        toetsBegroting(ledger, undefined, legeBegroting(input.edition)),
      ),
    ).toEqual([]);
  });
});
