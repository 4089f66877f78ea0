import { captureIo } from '../../test/support/cli-io';
import { runCli } from './cli';
import type { WorkbookPlan } from '../plan';

/**
 * `allocaties --beschikking` (one line per gemeente × onderdeel × jaar, for many gemeenten) applies the
 * rule of a single gemeente's beschikking per line (#18, `RegionaalVoorLid`): regional money (16 SPUK
 * IZA, 18 SPUK AZWA regionaal) is on the beschikking of a mandaatgemeente only. A line giving it to a
 * member (Dalfsen, region IJssel-Vecht: Zwolle is its mandaatgemeente) is refused with its row and the
 * fix; nothing is written. Zwolle's own line 16 is taken.
 */
async function run(argv: string[], files: Record<string, string>) {
  const c = captureIo(files);
  const render = async (plan: WorkbookPlan) => new TextEncoder().encode(JSON.stringify(plan.meta));
  const code = await runCli(argv, c.io, render);
  return { code, out: c.out(), err: c.err() };
}

const HEADER = 'gemeentecode,onderdeel_nr,jaar,bedrag_eur';

describe('allocaties --beschikking: regional money only for a mandaatgemeente, per line', () => {
  it('refuses a line of SPUK IZA or SPUK AZWA regionaal for a member, naming the row and the fix; nothing on stdout', async () => {
    const r = await run(['allocaties', '--beschikking', 'b.csv'], {
      'b.csv': [
        HEADER,
        'GM0193,16,2025,3000000', // Zwolle, the mandaatgemeente: its own
        'GM0148,1,2024,150000', // Dalfsen, a Brede SPUK onderdeel: its own
        'GM0148,16,2025,15000', // Dalfsen, SPUK IZA: Zwolle's money
        'GM0148,17,2028,400000', // Dalfsen, SPUK AZWA lokaal: its own
        'GM0148,18,2028,40000', // Dalfsen, SPUK AZWA regionaal: Zwolle's money
        '',
      ].join('\n'),
    });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const fix =
      'Staat deze rij in de beschikking van uw mandaatgemeente, laat hem dan weg; wat de mandaatgemeente u doorgeeft, vult u in als "ontvangen van de mandaatgemeente" (met --van-mandaatgemeente).';
    expect(r.err).toBe(
      [
        `Fout in b.csv: Rij 4: de SPUK IZA wordt per IZA-regio aan de mandaatgemeente betaald, en Dalfsen is geen mandaatgemeente. ${fix}`,
        `Fout in b.csv: Rij 6: de SPUK AZWA regionaal wordt per IZA-regio aan de mandaatgemeente betaald, en Dalfsen is geen mandaatgemeente. ${fix}`,
        '',
      ].join('\n'),
    );
  });

  it("takes the mandaatgemeente's regional lines and a member's own lines", async () => {
    const r = await run(['allocaties', '--beschikking', 'b.csv'], {
      'b.csv': [HEADER, 'GM0193,16,2025,3000000', 'GM0148,17,2028,400000', ''].join('\n'),
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /\nGM0193;Zwolle;[^;\n]*;vws-2026-04;16;[^;\n]*;2025;3000000;\d*;\d*;beschikking\n/,
    );
    expect(r.out).toMatch(
      /\nGM0148;Dalfsen;SPUK AZWA;vws-2026-04;17;SPUK AZWA lokaal;2028;400000;0;400000;beschikking\n/,
    );
  });
});
