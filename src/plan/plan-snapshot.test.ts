import { createHash } from 'crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { customKey } from '../domain';
import { parsedRealisatie } from '../../test/support/parsed';
import { buildWorkbookPlan } from '.';
import type { PlanOptions } from '.';

/**
 * The whole plan, serialised, for a few option sets: a refactor of `src/plan` must leave every
 * byte of it unchanged (same cells, formulas, expected values, styles, names, key order).
 *
 * The hashes are EXPECTED to change when the plan's content changes on purpose (a new cell, a
 * changed formula or text, a new validation) or when the reference data changes. Then regenerate
 * them deliberately, in the same commit as that change, and say so in the commit message:
 *
 *   UPDATE_PLAN_HASHES=1 npx jest src/plan/plan-snapshot
 *
 * To see WHAT changed, write the JSON of each plan (build/ is gitignored) before and after, and diff:
 *
 *   PLAN_SNAPSHOT_DIR=build/plan-snapshots npx jest src/plan/plan-snapshot
 */
const HASH_FILE = join(__dirname, 'plan-snapshot.hashes.json');

const data = editionInput('vws-2026-04').base;

/** A custom key (weights 1..13, repeating) through the domain's own parser, as the CLI makes one. */
function eigenKey() {
  const rows = data.gemeenten.map((g, i) => ({ row: i + 2, code: g.code, value: String((i % 13) + 1) }));
  const r = customKey(rows, data.gemeenten, { maxAmount: 150_000_000 });
  if (!r.ok) throw new Error('custom key rejected');
  return r.value;
}

/** A small realisatie for Zwolle (onderdeel 1 underspent in 2023, the rest on one row per year): the sheet Verantwoording. */
function realisatie() {
  return parsedRealisatie(
    [
      'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking',
      'Brede SPUK;1;Sport;;Sportbedrijf;incidenteel;40000;150000;;;;;;;',
      'Brede SPUK;;Ontschot;;GGD;incidenteel;;;900000;700000;;;;;',
      'SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;100000;200000;300000;;;;;;',
    ].join('\n') + '\n',
    editionInput('vws-2026-04').edition,
  );
}

const CASES: readonly (readonly [string, () => PlanOptions, string?])[] = [
  ['spuk-2025 national', () => ({ key: 'spuk-2025' })],
  ['spuk-2025 GM0034', () => ({ key: 'spuk-2025', gemeente: 'GM0034' as CbsCode })],
  [
    'inwoners GM0363 bbv 7,16',
    () => ({ key: 'inwoners', gemeente: 'GM0363' as CbsCode, bbvVastgelegd: [7, 16] }),
  ],
  ['gelijk national', () => ({ key: 'gelijk' })],
  ['eigen GM0014 bbv 1', () => ({ key: eigenKey(), gemeente: 'GM0014' as CbsCode, bbvVastgelegd: [1] })],
  ['gala-2023 spuk-2025 GM0034', () => ({ key: 'spuk-2025', gemeente: 'GM0034' as CbsCode }), 'gala-2023'],
  [
    'vws-2026-04 with vorige GM0034',
    () => ({ key: 'spuk-2025', gemeente: 'GM0034' as CbsCode, vorige: editionInput('vws-2025-09') }),
  ],
  [
    'spuk-2025 GM0047 (member: Regioverdeling Groningen)',
    () => ({ key: 'spuk-2025', gemeente: 'GM0047' as CbsCode }),
  ],
  [
    'realisatie GM0193 (Verantwoording)',
    () => ({ key: 'spuk-2025', gemeente: 'GM0193' as CbsCode, realisatie: realisatie() }),
  ],
];

function serialise(options: PlanOptions, editie = 'vws-2026-04'): string {
  return JSON.stringify(buildWorkbookPlan(editionInput(editie), options));
}

describe('plan snapshot: the serialised plan is byte-identical to the recorded one', () => {
  const actual: Record<string, string> = {};
  for (const [name, options, editie] of CASES) {
    const json = serialise(options(), editie);
    actual[name] = createHash('sha256').update(json).digest('hex');
    const dir = process.env['PLAN_SNAPSHOT_DIR'];
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name.replace(/[^A-Za-z0-9]+/g, '-')}.json`), json);
    }
  }
  if (process.env['UPDATE_PLAN_HASHES'] === '1')
    writeFileSync(HASH_FILE, `${JSON.stringify(actual, null, 2)}\n`);
  const recorded = JSON.parse(readFileSync(HASH_FILE, 'utf8')) as Record<string, string>;

  it.each(CASES.map(([name]) => name))('%s', (name) => {
    expect(actual[name]).toBe(recorded[name]);
  });

  it('records exactly these option sets', () => {
    expect(Object.keys(recorded).sort()).toEqual(CASES.map(([name]) => name).sort());
  });
});
