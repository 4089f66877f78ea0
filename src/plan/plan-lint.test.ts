import { defaultEditionId, editionInput } from '../data';
import type { CbsCode } from '../domain';
import { buildWorkbookPlan, COLORS, contrastRatio, INPUT_NAMES, parseRange, SHEETS, STYLES } from '.';
import type { FormulaBlock } from '.';
import { REGIO_INPUT_NAMES } from './sheets-regioverdeling';

/** The FAST house rules, enforced on the plan itself (see docs/architecture.md). */
const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
  key: 'spuk-2025',
  gemeente: 'GM0034' as CbsCode,
  vorige: editionInput('vws-2025-09'),
});
const formulas = plan.sheets.flatMap((s) =>
  s.blocks.filter((b): b is FormulaBlock => b.kind === 'formula').map((b) => ({ sheet: s.name, ...b })),
);
const code = (f: string): string => f.replace(/"(?:[^"]|"")*"/g, '""');

describe('plan linter (FAST rules)', () => {
  it('uses no number literals other than unit constants', () => {
    const allowed = new Set(['0', '1', '100', '1000', '1000000']);
    const bad = formulas.flatMap((f) =>
      [
        ...code(f.formula)
          .replace(/\$?[A-Z]{1,3}\$?\d+/g, 'REF')
          .matchAll(/(?<![A-Za-z_\d.])(\d+(?:\.\d+)?)/g),
      ]
        .map((m) => m[1] ?? '')
        .filter((n) => !allowed.has(n))
        .map((n) => `${f.sheet}!${f.range}: ${n} in ${f.formula}`),
    );
    expect(bad).toEqual([]);
  });

  it('uses no volatile, dynamic-array or post-2019 functions, and no nested IF', () => {
    const banned =
      /\b(OFFSET|INDIRECT|TODAY|NOW|RAND|RANDBETWEEN|XLOOKUP|XMATCH|LET|LAMBDA|FILTER|SORT|UNIQUE|SEQUENCE|TEXTJOIN|IFS)\(/;
    for (const f of formulas) {
      expect([f.sheet, f.formula, banned.test(f.formula)]).toEqual([f.sheet, f.formula, false]);
      expect([f.formula, (code(f.formula).match(/\bIF\(/g) ?? []).length <= 1]).toEqual([f.formula, true]);
    }
  });

  it('keeps formulas short (FAST: thumb length; hard limit 125 characters)', () => {
    const long = formulas
      .filter((f) => f.formula.length > 125)
      .map((f) => `${f.sheet}!${f.range} (${f.formula.length})`);
    expect(long).toEqual([]);
  });

  it('writes English function names with "," separators and no leading "="', () => {
    for (const f of formulas) {
      expect(f.formula.startsWith('=')).toBe(false);
      expect(code(f.formula)).not.toContain(';');
    }
  });

  it('puts the same year in the same column (E..K) on every time-axis sheet', () => {
    for (const sheet of [SHEETS.landelijk, SHEETS.overzicht, SHEETS.iza]) {
      const s = plan.sheets.find((x) => x.name === sheet)!;
      const header = s.blocks.find(
        (b) => b.kind === 'values' && b.values[0]?.includes(2023) && b.values[0]?.includes(2029),
      );
      expect(header && header.kind === 'values' && header.values[0]?.slice(4, 11)).toEqual([
        2023, 2024, 2025, 2026, 2027, 2028, 2029,
      ]);
      expect(header && header.kind === 'values' && parseRange(header.at).left).toBe(1);
    }
  });

  it('has valid, unique defined names that cannot be mistaken for cell references', () => {
    const names = plan.names.map((n) => n.name);
    expect(names).toContain('SPUK_Blad_Wat_is_er_veranderd');
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) {
      expect(n).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
      expect(/^[A-Za-z]{1,3}\d+$/.test(n) || /^R\d*C\d*$/i.test(n)).toBe(false);
    }
  });

  it('guards every user-owned input range with a data validation over exactly that range', () => {
    // Free text (the names of a region's own activities) has nothing to validate.
    const freeText = new Set<string>([REGIO_INPUT_NAMES.activities]);
    for (const name of plan.names.filter((n) => n.input && !freeText.has(n.name))) {
      const [sheet, range] = name.ref.split('!');
      const s = plan.sheets.find((x) => x.name === sheet);
      expect([name.name, s?.validations.some((v) => v.range === range?.replace(/\$/g, ''))]).toEqual([
        name.name,
        true,
      ]);
    }
  });

  it('accepts no negative national amount on Landelijk (whole euros, 0 or more)', () => {
    const national = plan.names.find((n) => n.name === INPUT_NAMES.national);
    const range = national?.ref.split('!')[1]?.replace(/\$/g, '');
    const landelijk = plan.sheets.find((x) => x.name === SHEETS.landelijk);
    expect(landelijk?.validations.find((v) => v.range === range)).toMatchObject({ type: 'whole', min: 0 });
  });

  it('only uses colour pairs with a contrast of at least 4.5:1', () => {
    const pairs: [string, string][] = [
      [COLORS.structureelText, COLORS.structureelFill],
      [COLORS.deelsText, COLORS.deelsFill],
      [COLORS.incidenteelText, COLORS.incidenteelFill],
      [COLORS.inputText, COLORS.inputFill],
      [COLORS.text, COLORS.headerFill],
      [COLORS.note, '#FFFFFF'],
    ];
    for (const [fg, bg] of pairs) expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
    for (const s of plan.sheets)
      for (const cf of s.conditionalFormats)
        expect(contrastRatio(cf.fontColor, cf.fill)).toBeGreaterThanOrEqual(4.5);
    expect(STYLES.input.fill).toBe(COLORS.inputFill);
  });

  it('labels structural vs incidental in text, not colour alone', () => {
    for (const s of plan.sheets)
      for (const cf of s.conditionalFormats)
        expect(cf.formula).toMatch(/(="(structureel|deels structureel|incidenteel)"|<?>?="OK"|<>"OK")$/);
  });
});
