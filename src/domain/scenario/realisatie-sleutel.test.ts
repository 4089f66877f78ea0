/**
 * Issue #17: Controle's `realisatie-sleutel` (Realisatie rows whose Regeling|Onderdeel|Activiteit is
 * no row of the table Begroting) is the domain's count, against the rows the werkmap is made with
 * (`werkmapBegroting`: the begroting given, else the starter rows), so every shell (the pane's
 * "Wat nu?", the CLI, the plan's Controle) reads the one number `modelChecksTotal`.
 */
import { editionInput, scenarioEditions } from '../../data';
import { parseBegrotingCsv } from '../../data/begroting-input';
import type { CbsCode } from '..';
import { begrotingKolommen, builtInKey, resolveScenario, starterRegels, werkmapBegroting } from '..';
import { parsedRealisatie } from '../../../test/support/parsed';

const ZWOLLE = 'GM0193' as CbsCode;
const input = editionInput('vws-2026-04');
const years = input.edition.years;
const key = builtInKey('spuk-2025', input.base);
const head = begrotingKolommen(years).join(';');
const row = (regeling: string, onderdeel: string, activiteit: string, amount: string) =>
  `${regeling};${onderdeel};${activiteit};;;incidenteel;${amount}${';'.repeat(years.length - 1)};;`;

function realisatie(...rows: string[]) {
  return parsedRealisatie([head, ...rows].join('\n') + '\n', input.edition);
}

describe('the domain counts Realisatie rows without a begrotingsregel (realisatie-sleutel)', () => {
  // Onderdeel 1's starter row is "Brede SPUK|1|Sportakkoord"; "Sport" is no row of the starter table.
  const real = realisatie(
    row('Brede SPUK', '1', 'Sportakkoord', '100000'),
    row('Brede SPUK', '1', 'Sport', '50000'),
  );

  it('against the starter rows (no begroting given): 1, and the total includes it', () => {
    const base = resolveScenario({ ...scenarioEditions('vws-2026-04'), key, gemeente: ZWOLLE });
    expect(base.modelChecksTotal).toBe(0);
    const s = resolveScenario({
      ...scenarioEditions('vws-2026-04'),
      key,
      gemeente: ZWOLLE,
      realisatie: real,
    });
    expect(s.modelChecks['realisatie-sleutel']).toBe(1);
    expect(s.modelChecksTotal).toBe(base.modelChecksTotal + 1);
    // The rows counted against are the werkmap's: the starter rows, decided by the domain.
    expect(s.werkmapBegroting.regels.map((r) => r.activiteit)).toEqual(
      starterRegels(input.edition).map((r) => r.activiteit),
    );
    expect(s.werkmapBegroting.regels[0]).toMatchObject({
      regeling: 'Brede SPUK',
      onderdeel: 1,
      activiteit: 'Sportakkoord',
    });
    // Regional money: the same row for a mandaatgemeente and a member (a batch shares the sheet), so
    // its text fits both (review 2026-12-07: "alleen als mandaatgemeente" told a member to leave it out).
    const regionaal = starterRegels(input.edition).filter((r) =>
      ['SPUK IZA', 'SPUK AZWA regionaal'].includes(r.regeling),
    );
    expect(regionaal.map((r) => r.activiteit.endsWith(' (via de mandaatgemeente)'))).toEqual([true, true]);
  });

  it('against a begroting given: its rows, compared without regard to case (as MATCH)', () => {
    const b = parseBegrotingCsv([head, row('Brede SPUK', '1', 'SPORT', '60000')].join('\n') + '\n', {
      edition: input.edition,
    });
    if (!b.ok) throw new Error(JSON.stringify(b.failures));
    const s = resolveScenario({
      ...scenarioEditions('vws-2026-04'),
      key,
      gemeente: ZWOLLE,
      begroting: b.value,
      realisatie: real,
    });
    // "Sport" has its row now; "Sportakkoord" has none (the begroting given replaces the starter rows).
    expect(s.werkmapBegroting).toBe(b.value);
    expect(s.modelChecks['realisatie-sleutel']).toBe(1);
    expect(s.modelChecksTotal).toBe(1);
  });

  it('0 without a realisatie and in the national view (no Realisatie sheet)', () => {
    const national = resolveScenario({ ...scenarioEditions('vws-2026-04'), key, realisatie: real });
    expect(national.modelChecks['realisatie-sleutel']).toBe(0);
    expect(werkmapBegroting(input.edition, undefined).regels).toHaveLength(
      starterRegels(input.edition).length,
    );
  });
});
