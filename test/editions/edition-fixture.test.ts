import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import Papa from 'papaparse';
import { captureIo } from '../support/cli-io';
import { runCli } from '../../src/cli/cli';
import {
  defaultEditionId,
  editionInput,
  isEditionId,
  registerEditionFolder,
  resolveEdition,
} from '../../src/data';
import type { CbsCode } from '../../src/domain';
import {
  begrotingRegels,
  builtInKey,
  legeBegroting,
  Ledger,
  overhevelingRule,
  ruleParameter,
  sisaCodes,
  toetsBegroting,
} from '../../src/domain';

/**
 * A test edition that is ONLY data (test/fixtures/editions/proef-2030: a manifest and a CSV, no
 * TypeScript of its own) builds on vws-2026-04, adds the year 2030 and a regeling with amounts per
 * gemeente, and overrides one rule parameter of the Brede SPUK. It flows through the data loader
 * (chain resolution), the Ledger (Σ gemeenten = national to the euro) and the CLI.
 */
const DIR = join(__dirname, '..', 'fixtures', 'editions', 'proef-2030');

function folderFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir))
    if (name !== 'edition.json') out[name] = readFileSync(join(dir, name), 'utf8');
  return out;
}

const manifestJson: unknown = JSON.parse(readFileSync(join(DIR, 'edition.json'), 'utf8'));
const table = Papa.parse<Record<string, string>>(
  readFileSync(join(DIR, 'proef_buurtgezondheid_2029_2030.csv'), 'utf8'),
  {
    header: true,
    skipEmptyLines: true,
  },
).data;

describe('an edition folder with only data (proef-2030)', () => {
  beforeAll(() => {
    registerEditionFolder({ dir: DIR, manifest: manifestJson, files: folderFiles(DIR) });
  });

  it('the loader resolves its chain: the year axis gains 2030, the regeling and line 22 are added', () => {
    expect(isEditionId('proef-2030')).toBe(true);
    expect(defaultEditionId()).toBe('vws-2026-04');
    const e = resolveEdition('proef-2030');
    expect(e.chain.map((m) => m.id)).toEqual(['gala-2023', 'vws-2025-09', 'vws-2026-04', 'proef-2030']);
    expect(e.years).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(resolveEdition('vws-2025-09').years).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029]);
    const line = e.lines.find((l) => l.nr === 22);
    expect(line).toMatchObject({ naam: 'Proef buurtgezondheid', ontvanger: 'gemeente' });
    expect(line?.regeling).toMatchObject({
      id: 'proef-buurtgezondheid',
      jaren: [2029, 2030],
      eindjaar: 2030,
    });
    expect(e.rule('proef-buurtgezondheid', 2030)).toMatchObject({
      editie: 'proef-2030',
      spec: { regel: 'tabel-per-gemeente' },
    });
    // Inherited rules stay; the rule of an older edition is still the one for 2027.
    expect(e.rule('spuk-azwa', 2027)?.editie).toBe('vws-2026-04');
  });

  it('field-level inheritance: schuifruimte is overridden, the other Brede SPUK rules and SiSa codes are inherited', () => {
    const e = resolveEdition('proef-2030');
    expect(ruleParameter(e, 'brede-spuk', 'schuifruimte')).toMatchObject({ waarde: 12, datum: '2027-01-15' });
    expect(ruleParameter(e, 'brede-spuk', 'perOnderdeel')?.jaren).toEqual([2023, 2024]);
    expect(overhevelingRule(e, 'brede-spuk', 2023)?.waarde).toBe(20);
    expect(overhevelingRule(e, 'brede-spuk', 2025)?.waarde).toBe(10);
    expect(overhevelingRule(e, 'proef-buurtgezondheid', 2029)?.waarde).toBe(5);
    expect(sisaCodes(e, 'spuk-iza')?.map((s) => s.code)).toEqual(['H35', 'H35B']);
    // No source states SiSa codes for the Brede SPUK or the new regeling: unknown, not invented.
    expect(sisaCodes(e, 'brede-spuk')).toBeUndefined();
    expect(sisaCodes(e, 'proef-buurtgezondheid')).toBeUndefined();
    const shipped = resolveEdition('vws-2026-04');
    expect(ruleParameter(shipped, 'brede-spuk', 'schuifruimte')?.waarde).toBe(15);
  });

  it('the Ledger gives each gemeente its row of the CSV and Σ gemeenten = national to the euro, 2029 and 2030', () => {
    const input = editionInput('proef-2030');
    const ledger = new Ledger(input, builtInKey('spuk-2025', input.base));
    expect(ledger.years).toContain(2030);
    for (const jaar of [2029, 2030]) {
      const expected = table
        .filter((r) => r.jaar === String(jaar))
        .reduce((a, r) => a + Number(r.bedrag_eur), 0);
      expect(ledger.national(22, jaar)).toMatchObject({ bedrag: expected, bron: 'gepubliceerd' });
      expect(ledger.sumGemeenten(22, jaar)).toBe(expected);
    }
    const row = table.find((r) => r.gemeentecode === 'GM0034' && r.jaar === '2030');
    expect(ledger.gemeente('GM0034' as CbsCode, 22, 2030)).toMatchObject({
      bedrag: Number(row?.bedrag_eur),
      bron: 'gepubliceerd',
      regel: 'tabel-per-gemeente',
      editie: 'proef-2030',
    });
    // Regelingen without a rule for 2030 have no money then (not an error, not a guess).
    expect(ledger.national(17, 2030).bedrag).toBe(0);
    expect(ledger.national(17, 2029).bedrag).toBe(321_000_000);
  });

  it('the begroting checks run on the edition’s axis and its overridden schuifruimte', () => {
    const input = editionInput('proef-2030');
    const ledger = new Ledger(input, builtInKey('spuk-2025', input.base));
    const regels = begrotingRegels(input.edition);
    expect(regels.schuifruimtePct(2023)).toBe(12);
    expect(regels.schuifruimtePct(2025)).toBe(0);
    const t = toetsBegroting(ledger, 'GM0034' as CbsCode, legeBegroting(input.edition));
    expect(t.saldo).toHaveLength(8);
    expect(t.gaten.map((g) => g.eindjaar)).toEqual([2026, 2029]);
    expect(() =>
      toetsBegroting(ledger, 'GM0034' as CbsCode, legeBegroting(resolveEdition('vws-2025-09'))),
    ).toThrow(/8 years/);
  });
});

describe('the CLI with --edities-map', () => {
  const files: Record<string, string> = {
    'fx/proef-2030/edition.json': readFileSync(join(DIR, 'edition.json'), 'utf8'),
    ...Object.fromEntries(Object.entries(folderFiles(DIR)).map(([k, v]) => [`fx/proef-2030/${k}`, v])),
  };
  const run = async (argv: string[]) => {
    const c = captureIo(files);
    const code = await runCli(argv, c.io, async () => new Uint8Array());
    return { code, out: c.out(), err: c.err() };
  };

  it('allocaties --editie proef-2030 has 2030 rows, Σ per year = the CSV', async () => {
    const r = await run(['allocaties', '--edities-map', 'fx/proef-2030', '--editie', 'proef-2030']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.out, { header: true, skipEmptyLines: true }).data;
    // vws-2026-04 puts 2030 on the axis: the ended SPUK regelingen have € 0 there (its edition), line 22 its CSV.
    const all2030 = rows.filter((x) => x.jaar === '2030');
    const y2030 = all2030.filter((x) => x.onderdeel_nr === '22');
    expect(y2030.length).toBe(342);
    expect(y2030.every((x) => x.editie === 'proef-2030')).toBe(true);
    expect(all2030.filter((x) => x.onderdeel_nr !== '22').every((x) => Number(x.bedrag_eur) === 0)).toBe(
      true,
    );
    const expected = table.filter((x) => x.jaar === '2030').reduce((a, x) => a + Number(x.bedrag_eur), 0);
    expect(y2030.reduce((a, x) => a + Number(x.bedrag_eur), 0)).toBe(expected);
  });

  it('edities lists the folder edition after the shipped ones; the default stays vws-2026-04', async () => {
    const r = await run(['edities', '--edities-map', 'fx/proef-2030']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('proef-2030');
    const plain = await run(['controle']);
    expect(plain.out).toContain('Editie: vws-2026-04');
  });

  it('a folder that cannot be read is a usage error naming the file', async () => {
    const r = await run(['edities', '--edities-map', 'fx/bestaat-niet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('fx/bestaat-niet/edition.json');
  });
});
