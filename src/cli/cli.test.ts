import Papa from 'papaparse';
import { runCli } from './cli';
import type { CliIo } from './io';
import type { WorkbookPlan } from '../plan';

interface Captured {
  code: number;
  out: string;
  err: string;
  written: Map<string, Uint8Array>;
}

async function run(argv: string[], files: Record<string, string> = {}, failWrite = false): Promise<Captured> {
  let out = '';
  let err = '';
  const written = new Map<string, Uint8Array>();
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: (p) => files[p],
    writeFileAtomic: (p, d) => {
      if (failWrite) throw new Error('EACCES');
      written.set(p, d);
    },
  };
  const render = async (plan: WorkbookPlan) => new TextEncoder().encode(JSON.stringify(plan.meta));
  const code = await runCli(argv, io, render);
  return { code, out, err, written };
}

describe('spuk-begroting controle', () => {
  it('prints every check, exits 0 when the published totals reconcile', async () => {
    const r = await run(['controle']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('totaal:Sport en bewegen:2023\t€ 102.300.000\t€ 102.300.000\tOK');
    expect(r.out).toContain('totaal:Brede SPUK inclusief IZA:structureel\t(leeg)\t€ 344.200.000\tBRON LEEG');
    expect(r.out).toMatch(/Noordoost Brabant is 1,0923/);
    // Every allocation column is listed too: Σ gemeenten = national amount, e.g. Valpreventie 2023.
    expect(r.out).toContain('verdeling:7:2023\t€ 51.400.000\t€ 51.400.000\tOK');
    expect(r.out.split('\n').filter((l) => l.startsWith('verdeling:'))).toHaveLength(80);
  });
  it('--json gives machine-readable checks and warnings', async () => {
    const r = await run(['controle', '--json']);
    const json = JSON.parse(r.out) as {
      ok: boolean;
      controles: { naam: string; berekend: number; ok: boolean }[];
      waarschuwingen: { soort: string }[];
    };
    expect(json.ok).toBe(true);
    expect(
      json.controles.find((c) => c.naam === 'totaal:Gezondheid en sociale basis:structureel'),
    ).toMatchObject({ berekend: 97_900_000, ok: true });
    expect(json.waarschuwingen.filter((w) => w.soort === 'RatioAnomaly')).toHaveLength(3);
  });
});

describe('spuk-begroting allocaties', () => {
  it('gives one row per gemeente × line × period for all 342 gemeenten', async () => {
    const r = await run(['allocaties']);
    expect(r.code).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(r.out.trim(), { header: true });
    expect(parsed.meta.fields).toEqual([
      'gemeentecode',
      'gemeentenaam',
      'onderdeel_nr',
      'onderdeel',
      'jaar',
      'bedrag_eur',
      'structureel_eur',
      'incidenteel_eur',
      'bron',
    ]);
    expect(parsed.data).toHaveLength(342 * 16 * 5);
    // Σ over gemeenten of Valpreventie 2023 = 51,4 mln to the euro; the structural part 48,9 mln at most per gemeente split.
    const val = parsed.data.filter((d) => d.onderdeel_nr === '7' && d.jaar === '2023');
    expect(val.reduce((a, d) => a + Number(d.bedrag_eur), 0)).toBe(51_400_000);
  });
  it('filters one gemeente by name and gives JSON', async () => {
    const r = await run(['allocaties', '--gemeente', 'Almere', '--formaat', 'json', '--sleutel', 'gelijk']);
    const rows = JSON.parse(r.out) as {
      gemeentecode: string;
      onderdeel_nr: number;
      jaar: string | number;
      bedrag_eur: number;
      structureel_eur: number;
      incidenteel_eur: number;
    }[];
    expect(rows).toHaveLength(80);
    const iza = rows.find((x) => x.onderdeel_nr === 16 && x.jaar === 2023);
    // 150 mln over 342 equal shares: 438 596 or 438 597 euros, all structural.
    expect([438_596, 438_597]).toContain(iza?.bedrag_eur);
    expect(iza?.incidenteel_eur).toBe(0);
  });
  it('lets a beschikking win, labelled as such', async () => {
    const r = await run(['allocaties', '--gemeente', 'GM0034', '--beschikking', 'b.csv'], {
      'b.csv': 'gemeentecode,onderdeel_nr,jaar,bedrag_eur\nGM0034,1,2024,150000\n',
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('GM0034,Almere,1,Sportakkoord,2024,150000,');
    expect(r.out).toMatch(/GM0034,Almere,1,Sportakkoord,2024,150000,\d+,\d+,beschikking/);
  });
  it('rejects an unknown gemeente with a Dutch message and no data on stdout', async () => {
    const r = await run(['allocaties', '--gemeente', 'Almeer']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Gemeente "Almeer" niet gevonden');
  });
  it('rejects an unknown key and names the valid ones', async () => {
    const r = await run(['allocaties', '--sleutel', 'bevolking']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      'Onbekende verdeelsleutel "bevolking". Kies uit: spuk-2025, spuk-2026, inwoners, gelijk.',
    );
  });
  it('rejects a malformed custom key, naming rows and fixes', async () => {
    const csv = 'gemeentecode;gewicht\nGM0034;10\nGM9999;5\nGM0363;veel\n';
    const r = await run(['allocaties', '--sleutel-bestand', 'k.csv'], { 'k.csv': csv });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Rij 3: de CBS-code "GM9999" bestaat niet');
    expect(r.err).toContain('Rij 4: "veel" in kolom gewicht is geen getal');
    expect(r.err).toContain('Deze gemeenten ontbreken in de sleutel');
  });
  it('accepts a valid custom key file', async () => {
    const { defaultReferenceData } = await import('../data');
    const csv =
      'gemeentecode,gewicht\n' +
      defaultReferenceData()
        .gemeenten.map((g) => `${g.code},${g.inwoners}`)
        .join('\n');
    const r = await run(['allocaties', '--sleutel-bestand', 'k.csv', '--gemeente', 'GM0363'], {
      'k.csv': csv,
    });
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(81);
  });
  it('rejects an unknown option', async () => {
    const r = await run(['allocaties', '--jaar', '2025']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Onbekende optie "--jaar"');
  });
});

describe('spuk-begroting iza', () => {
  it('gives 42 regions × 5 periods, published where Bijlage 2B has it, estimated elsewhere', async () => {
    const r = await run(['iza']);
    expect(r.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.out.trim(), { header: true }).data;
    expect(rows).toHaveLength(42 * 5);
    const flevo2025 = rows.find((x) => x.regio === 'Flevoland' && x.jaar === '2025');
    expect(flevo2025).toMatchObject({
      mandaatgemeente: 'Almere',
      gepubliceerd_eur: '3161954',
      bedrag_eur: '3161954',
      bron: 'gepubliceerd',
      leden: '5',
    });
    const est2023 = rows.filter((x) => x.jaar === '2023');
    expect(est2023.every((x) => x.bron === 'geschat')).toBe(true);
    // The estimates split the national IZA amount exactly: Σ regions = 150 mln.
    expect(est2023.reduce((a, x) => a + Number(x.schatting_eur), 0)).toBe(150_000_000);
    expect(rows.find((x) => x.regio === 'Drenthe')?.lidmaatschap).toBe('bekend');
  });
});

describe('spuk-begroting werkboek', () => {
  it('writes the file atomically to the chosen path', async () => {
    const r = await run(['werkboek', '--gemeente', 'Almere', '--uit', 'x.xlsx']);
    expect(r.code).toBe(0);
    expect(JSON.parse(new TextDecoder().decode(r.written.get('x.xlsx')))).toMatchObject({
      gemeente: 'GM0034',
      keyId: 'spuk-2025',
    });
  });
  it('writes nothing on bad arguments', async () => {
    for (const argv of [
      ['werkboek', '--sleutel', 'x'],
      ['werkboek', '--uit', 'x.csv'],
      ['werkboek', '--gemeente', 'Nergens'],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.written.size).toBe(0);
      expect(r.err).toMatch(/^Fout: /);
    }
  });
  it('says so in Dutch when the file cannot be written', async () => {
    const r = await run(['werkboek'], {}, true);
    expect(r.code).toBe(2);
    expect(r.err).toContain('niet schrijven');
  });
  it('has --help on every command', async () => {
    for (const c of ['werkboek', 'allocaties', 'iza', 'controle']) {
      const r = await run([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`spuk-begroting ${c}`);
    }
  });
});
