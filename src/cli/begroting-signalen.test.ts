/**
 * #18: the CLI's signals fit the command line. A member gemeente over its regional plafond is told to
 * give what its mandaatgemeente passes on with --van-mandaatgemeente, not to fill in a sheet of a
 * werkmap it does not have (the werkmap's wording: src/messages/begroting.nl.test.ts). Rozendaal
 * (GM0277, region Arnhem, vws-2026-04): planned share SPUK IZA 2025 € 33.248; € 50.000 of lasten is
 * € 16.752 over.
 */
import { captureIo } from '../../test/support/cli-io';
import { runCli } from './cli';

const B = [
  'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking',
  'SPUK IZA;;Valpreventie;6.1;Gemeente;incidenteel;;;50000;;;;;;',
].join('\n');

async function run(...extra: string[]) {
  const c = captureIo({ 'b.csv': B });
  const code = await runCli(
    ['begroting', '--invoer', 'b.csv', '--gemeente', 'Rozendaal', ...extra],
    c.io,
    () => Promise.resolve(new Uint8Array()),
  );
  return { code, out: c.out(), err: c.err() };
}

const SIGNAAL =
  '- SPUK IZA, 2025: de lasten liggen € 16.752 boven het plafond. Verlaag de lasten of zoek andere dekking. Als ledengemeente toetst u regionaal geld tegen wat de mandaatgemeente doorgeeft: geef dat met --van-mandaatgemeente JAAR=BEDRAG,... (bijv. 2025=120000; een jaar dat er niet staat = het geplande aandeel).\n';

describe('begroting: the signals name the option, never a sheet', () => {
  it('tekst (stdout), csv (stderr) and json name --van-mandaatgemeente', async () => {
    const tekst = await run();
    expect(tekst.code).toBe(1);
    expect(tekst.out).toContain(`\nSignalen (1):\n${SIGNAAL}`);
    expect(tekst.out).not.toMatch(/\bblad\b/);
    const csv = await run('--formaat', 'csv');
    expect([csv.code, csv.err]).toEqual([1, `Signalen (1):\n${SIGNAAL}`]);
    const json = await run('--formaat', 'json');
    const signalen = (JSON.parse(json.out) as { signalen: { tekst: string }[] }).signalen;
    expect(signalen.map((s) => `- ${s.tekst}\n`)).toEqual([SIGNAAL]);
  });
});
