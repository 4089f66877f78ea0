import Papa from 'papaparse';
import { captureIo, runCaptured } from '../../test/support/cli-io';
import type { CliRun } from '../../test/support/cli-io';
import { runCli } from './cli';
import type { WorkbookPlan } from '../plan';

const run = (argv: string[], files: Record<string, string> = {}, failWrite = false) =>
  runCaptured(argv, files, { failWrite });

describe('spuk-begroting controle', () => {
  it('reconciles the newest edition to the euro and exits 0', async () => {
    const r = await run(['controle']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Editie: vws-2026-04');
    expect(r.out).toContain('totaal:Sport en bewegen:2023\t€ 102.300.000\t€ 102.300.000\t0\tOK');
    expect(r.out).toContain(
      'totaal:Brede SPUK inclusief IZA:structureel\t(leeg)\t€ 344.200.000\t0\tBRON LEEG',
    );
    // Bijlage 2A per gemeente (342 of them) and 2B per region, to the euro.
    expect(r.out).toContain('2a:2025\t€ 310.475.334\t€ 310.475.334\t0\tOK');
    expect(r.out).toContain('2b:2026\t€ 153.213.599\t€ 153.213.599\t0\tOK');
    expect(r.out).toContain('azwa-totaal:2027\t€ 451.000.000\t€ 451.000.000\t0\tOK');
    expect(r.out).toContain('verdeling:17:2029\t€ 321.000.000\t€ 321.000.000\t0\tOK');
    expect(r.out).toMatch(/Noordoost Brabant is 1,0923/);
    expect(r.out).toMatch(
      /Open post vanaf 2027 \(geen einde in de bron; hier t\/m 2030, het laatste jaar van de editie\): Buurtsportcoaches \(BRC\) en Sportakkoord/,
    );
  });
  it('--editie gala-2023 checks the GALA splits; --json gives machine-readable checks and warnings', async () => {
    const r = await run(['controle', '--editie', 'gala-2023', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      editie: string;
      ok: boolean;
      controles: { naam: string; berekend: number; ok: boolean }[];
      waarschuwingen: { soort: string }[];
    };
    expect(json).toMatchObject({ editie: 'gala-2023', ok: true });
    expect(
      json.controles.find((c) => c.naam === 'totaal:Gezondheid en sociale basis:structureel'),
    ).toMatchObject({ berekend: 97_900_000, ok: true });
    expect(json.controles.find((c) => c.naam === 'verdeling:7:2023')).toMatchObject({
      berekend: 51_400_000,
      ok: true,
    });
    expect(json.controles.filter((c) => c.naam.startsWith('verdeling:'))).toHaveLength(16 * 7);
    expect(json.controles.some((c) => c.naam.startsWith('2a:'))).toBe(false);
    expect(json.waarschuwingen.filter((w) => w.soort === 'RatioAnomaly')).toHaveLength(3);
  });
  it('refuses an unknown edition in Dutch, naming the known ones', async () => {
    const r = await run(['controle', '--editie', 'vws-2024']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Onbekende editie "vws-2024". Kies uit: gala-2023, vws-2025-09, vws-2026-04');
  });
});

describe('spuk-begroting edities', () => {
  it('lists id, date and description, oldest first; JSON adds the rule per regeling and year', async () => {
    const r = await run(['edities']);
    expect(r.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.out.trim(), { header: true }).data;
    expect(rows.map((x) => [x.id, x.datum, x.vorige])).toEqual([
      ['gala-2023', '2023-01-31', ''],
      ['vws-2025-09', '2025-09-12', 'gala-2023'],
      ['vws-2026-04', '2026-04-22', 'vws-2025-09'],
    ]);
    const json = JSON.parse((await run(['edities', '--formaat', 'json'])).out) as {
      id: string;
      standaard: boolean;
      regels: { regeling: string; jaar: number; regel: string; editie: string }[];
    }[];
    const newest = json.find((e) => e.standaard);
    expect(newest?.id).toBe('vws-2026-04');
    expect(newest?.regels.find((x) => x.regeling === 'Brede SPUK' && x.jaar === 2025)).toMatchObject({
      regel: 'bijlage-2a',
      editie: 'vws-2025-09',
    });
  });
});

describe('spuk-begroting verschil', () => {
  it('compares the newest edition with the one before it, nationally', async () => {
    const r = await run(['verschil']);
    expect(r.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.out.trim(), { header: true }).data;
    expect(rows.find((x) => x.onderdeel_nr === '17' && x.jaar === '2027')).toMatchObject({
      van_eur: '0',
      naar_eur: '231000000',
      signaal: 'ja',
    });
    expect(r.err).toContain('van vws-2025-09 naar vws-2026-04');
    // SPUK AZWA lokaal and regionaal apart; the own money's net row per year last.
    expect(
      rows.find(
        (x) => x.regeling === 'SPUK AZWA regionaal' && x.onderdeel_nr === 'totaal' && x.jaar === '2027',
      ),
    ).toMatchObject({ naar_eur: '194000000' });
    expect(rows.find((x) => x.onderdeel_nr === 'netto' && x.jaar === '2027')).toMatchObject({
      regeling: 'Eigen geld (netto)',
      // BRC and Sportakkoord (96,3 mln of the 194,2) are an open post in vws-2026-04: in neither sum.
      van_eur: '97900000',
      naar_eur: '231000000',
      verschil_eur: '133100000',
    });
    // An open post is no fall to 0 (review 12).
    expect(rows.find((x) => x.onderdeel_nr === '2' && x.jaar === '2027')).toMatchObject({
      van_eur: '86300000',
      naar_eur: 'open post',
      verschil_eur: '',
    });
  });
  it('for Almere 2027: SPUK AZWA lokaal 2.587.831 and regionaal 4.292.771 apart', async () => {
    const r = await run(['verschil', '--gemeente', 'Almere']);
    const rows = Papa.parse<Record<string, string>>(r.out.trim(), { header: true }).data;
    const total = (regeling: string) =>
      rows.find((x) => x.regeling === regeling && x.onderdeel_nr === 'totaal' && x.jaar === '2027')?.naar_eur;
    expect([total('SPUK AZWA lokaal'), total('SPUK AZWA regionaal'), total('SPUK AZWA')]).toEqual([
      '2587831',
      '4292771',
      undefined,
    ]);
    expect(rows.find((x) => x.onderdeel_nr === 'netto' && x.jaar === '2027')?.verschil_eur).toBe('1491082');
  });
  it('for one gemeente from gala-2023 to vws-2025-09, in € and %, flagged above 5 %', async () => {
    const r = await run([
      'verschil',
      '--van',
      'gala-2023',
      '--naar',
      'vws-2025-09',
      '--gemeente',
      'Almere',
      '--formaat',
      'json',
    ]);
    const rows = JSON.parse(r.out) as {
      regeling: string;
      onderdeel_nr: number | string;
      jaar: number;
      van_eur: number;
      naar_eur: number;
      verschil_pct: number;
      signaal: string;
    }[];
    expect(
      rows.find((x) => x.regeling === 'Brede SPUK' && x.onderdeel_nr === 'totaal' && x.jaar === 2025),
    ).toMatchObject({
      van_eur: 3_314_890,
      naar_eur: 3_478_172,
      verschil_pct: 4.9,
      signaal: 'nee',
    });
    expect(
      rows.find((x) => x.regeling === 'Brede SPUK' && x.onderdeel_nr === 'totaal' && x.jaar === 2026)
        ?.signaal,
    ).toBe('ja');
  });
  it('refuses an unknown edition and says what to do for the first edition', async () => {
    expect((await run(['verschil', '--van', 'x'])).err).toContain('Onbekende editie "x"');
    const first = await run(['verschil', '--naar', 'gala-2023']);
    expect(first.code).toBe(2);
    expect(first.err).toContain('kies met --van');
  });
});

describe('spuk-begroting allocaties', () => {
  it('gives one row per gemeente × line × year it receives, with regeling, editie and source', async () => {
    const r = await run(['allocaties']);
    expect(r.code).toBe(0);
    // The header as the user reads it (stdout: ";" between the fields, no BOM).
    expect(r.out.split('\n')[0]).toBe(
      'gemeentecode;gemeentenaam;regeling;editie;onderdeel_nr;onderdeel;jaar;bedrag_eur;structureel_eur;incidenteel_eur;bron',
    );
    const parsed = Papa.parse<Record<string, string>>(r.out.trim(), { header: true });
    // Per gemeente: 15 onderdelen × 2023–2026, BRC and Sportakkoord open from 2027 to the edition's last
    // year (2030: the source names no end), AZWA lokaal 2027–2029;
    // mandaatgemeenten also SPUK IZA 2023–2026 and AZWA regionaal 2027–2029 (41), and SamenTwente (no
    // gemeente) the same 7 on a row of its own. 2030 (vws-2026-04): AZWA lokaal and regionaal are the BFU
    // open post (bron open, no amount), one row more each.
    expect(parsed.data).toHaveLength(342 * (15 * 4 + 2 * 4 + 3 + 1) + 41 * (7 + 1) + 7 + 1);
    expect(
      parsed.data.filter((d) => d.jaar === '2030').every((d) => d.bron === 'open' && d.bedrag_eur === ''),
    ).toBe(true);
    expect(
      parsed.data.filter((d) => d.jaar === '2030' && d.onderdeel_nr === '2' && d.gemeentecode === 'GM0034'),
    ).toHaveLength(1);
    const sum = (nr: string, jaar: string) =>
      parsed.data
        .filter((d) => d.onderdeel_nr === nr && d.jaar === jaar)
        .reduce((a, d) => a + Number(d.bedrag_eur), 0);
    expect(sum('7', '2023')).toBe(51_400_000);
    expect(sum('17', '2028')).toBe(278_000_000);
    const almere2025 = parsed.data.filter(
      (d) => d.gemeentecode === 'GM0034' && d.jaar === '2025' && d.regeling === 'Brede SPUK',
    );
    expect(almere2025.reduce((a, d) => a + Number(d.bedrag_eur), 0)).toBe(3_478_172);
    expect(almere2025.every((d) => d.bron === 'afgeleid' && d.editie === 'vws-2026-04')).toBe(true);
    expect(
      parsed.data.find((d) => d.gemeentecode === 'GM0034' && d.onderdeel_nr === '2' && d.jaar === '2027'),
    ).toMatchObject({
      bedrag_eur: '',
      bron: 'open',
    });
    // A member gemeente does not receive line 16; the mandaatgemeente receives the whole region.
    expect(parsed.data.some((d) => d.gemeentecode === 'GM0995' && d.onderdeel_nr === '16')).toBe(false);
    expect(
      parsed.data.find((d) => d.gemeentecode === 'GM0034' && d.onderdeel_nr === '16' && d.jaar === '2025')
        ?.bedrag_eur,
    ).toBe('3161954');
    expect(parsed.data.some((d) => ['19', '20', '21'].includes(d.onderdeel_nr ?? ''))).toBe(false);
  });
  it('gives SamenTwente (no gemeente) a row of its own: Σ per regional line and year = the national amount', async () => {
    const r = await run(['allocaties']);
    const rows = Papa.parse<Record<string, string>>(r.out.trim(), { header: true }).data;
    const sum = (nr: string, jaar: number) =>
      rows
        .filter((d) => d.onderdeel_nr === nr && d.jaar === String(jaar))
        .reduce((a, d) => a + Number(d.bedrag_eur), 0);
    // SPUK IZA: Σ Bijlage 2B 2025 = 142.900.002 in 2023–2025 (regions received the 2025 amount), Σ 2B 2026.
    for (const jaar of [2023, 2024, 2025]) expect(sum('16', jaar)).toBe(142_900_002);
    expect(sum('16', 2026)).toBe(153_213_599);
    // SPUK AZWA regionaal: the raming (VWS/LZJS to VNG 22-04-2026): 194 / 235 / 169 mln.
    expect([2027, 2028, 2029].map((j) => sum('18', j))).toEqual([194_000_000, 235_000_000, 169_000_000]);
    const twente = rows.filter((d) => d.gemeentecode === '');
    expect(twente).toHaveLength(8);
    expect(twente.find((d) => d.jaar === '2025')).toMatchObject({
      gemeentenaam: 'SamenTwente (geen gemeente; mandaathouder regio Twente)',
      regeling: 'SPUK IZA',
      onderdeel_nr: '16',
      bedrag_eur: '5326438',
      bron: 'gepubliceerd',
    });
    expect(twente.find((d) => d.jaar === '2026')?.bedrag_eur).toBe('5711031');
    // Without the row the national view missed Twente: 137.573.564 = 142.900.002 − 5.326.438.
    expect(sum('16', 2025) - 5_326_438).toBe(137_573_564);
    // gala-2023: the gross 150 mln a year, over the gemeenten and SamenTwente.
    const gala = Papa.parse<Record<string, string>>(
      (await run(['allocaties', '--editie', 'gala-2023'])).out.trim(),
      { header: true },
    ).data;
    for (const jaar of ['2023', '2026'])
      expect(
        gala
          .filter((d) => d.onderdeel_nr === '16' && d.jaar === jaar)
          .reduce((a, d) => a + Number(d.bedrag_eur), 0),
      ).toBe(150_000_000);
    // With --gemeente only that gemeente.
    const almere = await run(['allocaties', '--gemeente', 'Almere']);
    expect(almere.out).not.toContain('SamenTwente');
  });
  it('filters one gemeente by name and gives JSON; --editie gala-2023 spreads the gross 150 mln IZA', async () => {
    const r = await run([
      'allocaties',
      '--gemeente',
      'Almere',
      '--formaat',
      'json',
      '--sleutel',
      'gelijk',
      '--editie',
      'gala-2023',
    ]);
    const rows = JSON.parse(r.out) as {
      gemeentecode: string;
      editie: string;
      onderdeel_nr: number;
      jaar: number;
      bedrag_eur: number;
      structureel_eur: number;
      incidenteel_eur: number;
    }[];
    expect(rows).toHaveLength(16 * 7);
    const iza = rows.find((x) => x.onderdeel_nr === 16 && x.jaar === 2023);
    // 150 mln over 342 equal shares, summed over Flevoland's 5 members, all to Almere; all structural (Rijk).
    expect(iza?.bedrag_eur).toBeGreaterThanOrEqual(5 * 438_596);
    expect(iza?.bedrag_eur).toBeLessThanOrEqual(5 * 438_597);
    expect(iza?.incidenteel_eur).toBe(0);
    expect(rows.every((x) => x.editie === 'gala-2023')).toBe(true);
  });
  it('lets a beschikking win, labelled as such, also in 2027', async () => {
    const r = await run(['allocaties', '--gemeente', 'GM0034', '--beschikking', 'b.csv'], {
      'b.csv': 'gemeentecode,onderdeel_nr,jaar,bedrag_eur\nGM0034,1,2024,150000\n',
    });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /GM0034;Almere;Brede SPUK;vws-2026-04;1;Sportakkoord;2024;150000;\d+;\d+;beschikking/,
    );
  });
  it('checks the beschikking against the chosen edition: line 17 does not exist in gala-2023 (refused, not dropped)', async () => {
    const file = { 'b.csv': 'gemeentecode,onderdeel_nr,jaar,bedrag_eur\nGM0034,17,2027,250000\n' };
    const r = await run(
      ['allocaties', '--editie', 'gala-2023', '--gemeente', 'GM0034', '--beschikking', 'b.csv'],
      file,
    );
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'Fout in b.csv: Rij 2: onderdeel "17" bestaat niet in editie gala-2023 of wordt niet aan een gemeente betaald. ' +
        'Gebruik een van 1 tot en met 16, of kies met --editie de editie van uw beschikking.\n',
    );
    // The newest edition has the SPUK AZWA: the same file is taken, labelled as the beschikking.
    const newest = await run(['allocaties', '--gemeente', 'GM0034', '--beschikking', 'b.csv'], file);
    expect(newest.code).toBe(0);
    expect(newest.out).toMatch(
      /GM0034;Almere;SPUK AZWA;vws-2026-04;17;SPUK AZWA lokaal;2027;250000;0;250000;beschikking/,
    );
  });
  it('refuses a beschikking for a year the regeling does not pay in the edition, naming the row', async () => {
    const r = await run(['allocaties', '--gemeente', 'GM0034', '--beschikking', 'b.csv'], {
      'b.csv': 'gemeentecode,onderdeel_nr,jaar,bedrag_eur\nGM0034,1,2024,150000\nGM0034,17,2025,5000\n',
    });
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      // 2030: the BFU open post, whose amount a beschikking may state (receivableLines).
      'Fout in b.csv: Rij 3: de SPUK AZWA bestaat niet in 2025, alleen 2027–2030. Controleer het jaar of de regeling.\n',
    );
  });
  it('refuses an unknown CBS code in a beschikking and says where the codes are on the command line (no sheet)', async () => {
    const r = await run(['allocaties', '--gemeente', 'GM0034', '--beschikking', 'b.csv'], {
      'b.csv': 'gemeentecode,onderdeel_nr,jaar,bedrag_eur\nGM0034,1,2024,150000\nGM9999,1,2024,150000\n',
    });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'Fout in b.csv: Rij 3: de CBS-code "GM9999" bestaat niet in de gemeentelijke indeling 2025. ' +
        "Gebruik de vorm GM0363 (zie de kolom gemeentecode van 'spuk-begroting allocaties').\n",
    );
    // Where it points to: allocaties lists that column with every gemeente's code.
    const codes = (await run(['allocaties'])).out.split('\n').map((l) => l.split(';')[0]);
    expect(codes[0]).toBe('gemeentecode');
    expect(codes).toEqual(expect.arrayContaining(['GM0034', 'GM0363']));
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
    // Amsterdam is mandaatgemeente: 15 × 4 + 2 open × 4 (2027–2030) + lokaal 3 + IZA 4 + regionaal 3, the BFU open
    // post 2030 on lokaal and regionaal (2), plus the header.
    expect(r.out.trim().split('\n')).toHaveLength(15 * 4 + 8 + 3 + 4 + 3 + 2 + 1);
  });
  it('rejects an unknown option', async () => {
    const r = await run(['allocaties', '--jaar', '2025']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Onbekende optie "--jaar"');
  });
});

describe('spuk-begroting iza', () => {
  it('gives 42 regions × 2023–2029: SPUK IZA (Bijlage 2B, 2023–2024 as 2025), then SPUK AZWA regionaal', async () => {
    const r = await run(['iza']);
    expect(r.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.out.trim(), { header: true }).data;
    expect(rows).toHaveLength(42 * 7);
    const flevo = (jaar: string) => rows.find((x) => x.regio === 'Flevoland' && x.jaar === jaar);
    expect(flevo('2025')).toMatchObject({
      mandaatgemeente: 'Almere',
      regeling: 'SPUK IZA',
      onderdeel_nr: '16',
      gepubliceerd_eur: '3161954',
      bedrag_eur: '3161954',
      bron: 'gepubliceerd',
      leden: '5',
    });
    expect(flevo('2023')).toMatchObject({ bedrag_eur: '3161954', bron: 'afgeleid' });
    expect(flevo('2027')).toMatchObject({ regeling: 'SPUK AZWA', onderdeel_nr: '18', bron: 'raming' });
    const sum = (jaar: string) =>
      rows.filter((x) => x.jaar === jaar).reduce((a, x) => a + Number(x.bedrag_eur), 0);
    // Every year: Σ regions (SamenTwente for Twente included) = the national amount.
    expect(['2023', '2024', '2025'].map(sum)).toEqual([142_900_002, 142_900_002, 142_900_002]);
    expect(sum('2026')).toBe(153_213_599);
    expect(['2027', '2028', '2029'].map(sum)).toEqual([194_000_000, 235_000_000, 169_000_000]);
    expect(flevo('2025')?.mandaatgemeente).toBe('Almere');
    expect(rows.find((x) => x.regio === 'Twente' && x.jaar === '2025')).toMatchObject({
      mandaatgemeente: 'SamenTwente',
      bedrag_eur: '5326438',
    });
    // The member estimates split the national amount exactly: Σ regions = Σ 2B.
    expect(rows.filter((x) => x.jaar === '2023').reduce((a, x) => a + Number(x.schatting_eur), 0)).toBe(
      142_900_002,
    );
    expect(rows.find((x) => x.regio === 'Drenthe')?.lidmaatschap).toBe('bekend');
  });
});

describe('spuk-begroting werkboek --van', () => {
  /** Runs werkboek and returns the text of A2 on the sheet "Wat is er veranderd" of the plan it rendered. */
  async function verschilSubtitle(argv: string[]): Promise<CliRun & { a2: string | undefined }> {
    const c = captureIo({});
    let a2: string | undefined;
    const render = async (plan: WorkbookPlan) => {
      const sheet = plan.sheets.find((sh) => sh.name === 'Wat is er veranderd');
      for (const b of sheet?.blocks ?? [])
        if (b.kind === 'values' && b.at === 'A2') a2 = String(b.values[0]?.[0]);
      return new Uint8Array();
    };
    const code = await runCli(argv, c.io, render);
    return { code, out: c.out(), err: c.err(), written: c.written, a2 };
  }
  it('compares with any earlier edition: GALA 2023 → the newest (Bijlage 2A), not the edition before', async () => {
    const r = await verschilSubtitle([
      'werkboek',
      '--gemeente',
      'Almere',
      '--van',
      'gala-2023',
      '--uit',
      'a.xlsx',
    ]);
    expect(r.code).toBe(0);
    expect(r.a2).toMatch(/^Van editie gala-2023 naar vws-2026-04,/);
    expect(r.err).toContain('editie vws-2026-04; vergeleken met gala-2023;');
    const standaard = await verschilSubtitle(['werkboek', '--gemeente', 'Almere', '--uit', 'a.xlsx']);
    expect(standaard.a2).toMatch(/^Van editie vws-2025-09 naar vws-2026-04,/);
  });
  it.each([
    [
      ['--van', 'vws-2026-04'],
      'Fout: --van vws-2026-04 is de editie van de werkmap zelf; het blad Wat is er veranderd vergelijkt met een eerdere editie. Kies uit: gala-2023, vws-2025-09.\n',
    ],
    [
      ['--editie', 'vws-2025-09', '--van', 'vws-2026-04'],
      'Fout: De editie vws-2026-04 (2026-04-22) is niet eerder dan vws-2025-09 (2025-09-12); het blad Wat is er veranderd vergelijkt met een eerdere editie. Kies uit: gala-2023.\n',
    ],
    [
      ['--editie', 'gala-2023', '--van', 'vws-2025-09'],
      'Fout: De editie vws-2025-09 (2025-09-12) is niet eerder dan gala-2023 (2023-01-31); het blad Wat is er veranderd vergelijkt met een eerdere editie. Er is geen eerdere editie.\n',
    ],
  ])('refuses %j (later or the same edition) in Dutch, writing nothing', async (args, message) => {
    const r = await run(['werkboek', ...args, '--uit', 'a.xlsx']);
    expect(r.code).toBe(2);
    expect(r.written.size).toBe(0);
    expect(r.err).toBe(message);
  });
  it('refuses an unknown edition, naming the known ones', async () => {
    const r = await run(['werkboek', '--van', 'gala-2022', '--uit', 'a.xlsx']);
    expect(r.code).toBe(2);
    expect(r.written.size).toBe(0);
    expect(r.err).toContain('Onbekende editie "gala-2022". Kies uit: gala-2023, vws-2025-09, vws-2026-04');
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
