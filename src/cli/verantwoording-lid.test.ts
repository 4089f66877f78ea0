/**
 * `spuk-begroting verantwoording` for a member gemeente (Kampen, IJssel-Vecht) and for realisatie rows
 * without a begroting row (issue #19): the member's SPUK IZA beschikking is what the mandaatgemeente
 * passes on (its planned share, or `--van-mandaatgemeente`), with its source, and no H35 code of its
 * own; a realisatie row whose key is no begroting row's is a signal line naming the row (exit 1), as
 * the werkmap's Controle counts it (realisatie-sleutel).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureIo } from '../../test/support/cli-io';
import { runCli } from './cli';

const sample = (f: string) => readFileSync(join(__dirname, '../../voorbeelden', f), 'utf8');

async function run(argv: string[], files: Record<string, string>) {
  const c = captureIo(files);
  const code = await runCli(argv, c.io, async () => new Uint8Array());
  return { code, out: c.out(), err: c.err() };
}

interface JsonOut {
  regelingen: {
    regeling: string;
    jaren: { jaar: number; beschikking: number; beschikkingBron: string }[];
    sisa: { jaar: number; code: string | null; viaMandaatgemeente?: boolean }[];
  }[];
  zonderBegroting: { rij: number; sleutel: string; tekst: string }[];
}

describe('spuk-begroting verantwoording: a member gemeente', () => {
  const KAMPEN = ['verantwoording', '--gemeente', 'Kampen', '--realisatie', 'r.csv'];

  it('Kampen: the planned share is its SPUK IZA beschikking (afgeleid), no "above the beschikking", no H35', async () => {
    const { code, out, err } = await run(KAMPEN, { 'r.csv': sample('realisatie.csv') });
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toContain(
      'Ledengemeente: de beschikking is wat de mandaatgemeente doorbetaalt: 2023 € 462.989 (gepland aandeel uit de regioverdeling); 2024 € 462.990 (gepland aandeel uit de regioverdeling); 2025 € 462.989 (gepland aandeel uit de regioverdeling); 2026 € 496.419 (gepland aandeel uit de regioverdeling).',
    );
    // Only 2025 spends more than the share received (463.920 of 462.989): € 931, not € 463.920.
    expect(out).not.toMatch(/SPUK IZA 20(23|24|26): de besteding ligt/);
    expect(out).toContain('SPUK IZA 2025: de besteding ligt € 931 boven de beschikking');
    const sisa = out.slice(out.lastIndexOf('SiSa-opgave'));
    expect(sisa).toContain('2023  geen eigen code (via mandaatgemeente, H35B)  besteding jaar T  € 410.250');
    expect(sisa).not.toMatch(/\bH35 /);
  });

  it('--van-mandaatgemeente: the amount from the mandaatgemeente counts (bron beschikking), also without --begroting', async () => {
    const { code, out, err } = await run(
      [...KAMPEN, '--van-mandaatgemeente', '2025=400000', '--formaat', 'json'],
      {
        'r.csv': sample('realisatie.csv'),
      },
    );
    expect(err).toBe('');
    expect(code).toBe(1);
    const j = JSON.parse(out) as JsonOut;
    const iza = j.regelingen.find((r) => r.regeling === 'spuk-iza');
    expect(iza?.jaren.map((y) => [y.jaar, y.beschikking, y.beschikkingBron])).toEqual([
      [2023, 462_989, 'afgeleid'],
      [2024, 462_990, 'afgeleid'],
      [2025, 400_000, 'beschikking'],
      [2026, 496_419, 'afgeleid'],
    ]);
    expect(iza?.sisa.every((l) => l.code === null && l.viaMandaatgemeente === true)).toBe(true);
  });

  it('--van-mandaatgemeente for the mandaatgemeente itself is refused (exit 2, Dutch, the fix)', async () => {
    const { code, err, out } = await run(
      ['verantwoording', '--gemeente', 'Zwolle', '--realisatie', 'r.csv', '--van-mandaatgemeente', '2025=1'],
      { 'r.csv': sample('realisatie.csv') },
    );
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('Zwolle is de mandaatgemeente van');
  });
});

describe('spuk-begroting verantwoording: a realisatie row without a begroting row', () => {
  it('prints a signal line naming the row and its key (exit 1); json lists it', async () => {
    const extra = 'SPUK IZA;;Doorbetaald aan Kampen;7.1;Kampen;incidenteel;200.000;;;;;;;;;';
    const files = {
      'r.csv': `${sample('realisatie.csv').trimEnd()}\n${extra}\n`,
      'b.csv': sample('begroting.csv'),
    };
    const args = ['verantwoording', '--gemeente', 'Zwolle', '--begroting', 'b.csv', '--realisatie', 'r.csv'];
    const { code, out } = await run(args, files);
    expect(code).toBe(1);
    expect(out).toContain(
      '- Realisatie rij 7 (SPUK IZA||Doorbetaald aan Kampen): geen regel in de begroting met deze regeling, dit onderdeel en deze activiteit.',
    );
    // The sample's own rows all have their begroting row: only the added one is named.
    expect(out.match(/- Realisatie rij /g)).toHaveLength(1);
    const j = JSON.parse((await run([...args, '--formaat', 'json'], files)).out) as JsonOut;
    expect(j.zonderBegroting.map((z) => [z.rij, z.sleutel])).toEqual([
      [7, 'SPUK IZA||Doorbetaald aan Kampen'],
    ]);
  });
});

describe('spuk-begroting verantwoording: H35 and H35B on one basis (Kampen a medeoverheid of Zwolle)', () => {
  it('2026 (prognose year): H35 495.000 and H35B 350.000 in both tables, their sum the besteding 845.000', async () => {
    const H =
      'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';
    const files = {
      'b.csv': `${H}\nSPUK IZA;;Regionale coördinatie;7.1;GGD;incidenteel;;;500.000;500.000;;;;;\nSPUK IZA;;Doorbetaald aan Kampen;7.1;Kampen;incidenteel;;;300.000;350.000;;;;;\n`,
      'r.csv': `${H};Prognose 2026\nSPUK IZA;;Regionale coördinatie;7.1;GGD;incidenteel;410.250;455.800;463.920;371.460;;;;;;495.000\nSPUK IZA;;Doorbetaald aan Kampen;7.1;Kampen;incidenteel;200.000;250.000;300.000;100.000;;;;;;350.000\n`,
    };
    const { out } = await run(
      ['verantwoording', '--gemeente', 'Zwolle', '--begroting', 'b.csv', '--realisatie', 'r.csv'],
      files,
    );
    expect(out).toMatch(/\n2026 +prognose +€ 495\.000 +€ 350\.000 +€ 350\.000\n/);
    expect(out).toMatch(/GM0166 +Kampen +2026 +€ 350\.000 +€ 100\.000 +€ 350\.000 +€ 0\n/);
    expect(out).toMatch(/\n2026 +H35 +besteding jaar T +€ 495\.000 +€ [\d.]+ +Ja\n/);
    expect(out).toMatch(/\n2026 +H35B +GM0166 Kampen +€ 350\.000 +Ja\n/);
    expect(out).not.toContain('745.000');
  });
});
