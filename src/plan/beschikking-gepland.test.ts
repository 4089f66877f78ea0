import { editionInput } from '../data';
import type { CbsCode, EditionYear } from '../domain';
import { builtInKey, geplandAandeel, Ledger, REGIONALE_POSTEN } from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, parseCell, SHEETS } from '.';
import type { WorkbookPlan } from '.';
import { buildRegioverdeling, REGIO_INPUT_NAMES, REGIOVERDELING_SHEET } from './sheets-regioverdeling';

/**
 * A member gemeente's planned share on the Beschikking (what its mandaatgemeente passes on when no
 * amount is typed) reads the sheet Regioverdeling of its region live: a changed region input (a
 * weight) moves it as the domain's `regioVerdeling` with that weight says. The mandaatgemeente itself
 * plans no share from itself (0), whatever the weights.
 */
const EDITIE = 'vws-2026-04';
const input = editionInput(EDITIE);
const ledger = new Ledger(input, builtInKey('spuk-2025', input.base));
const years = input.edition.years;
const VEENDAM = 'GM0047' as CbsCode;
const GRONINGEN = 'GM0014' as CbsCode;

const planOf = (code: CbsCode): WorkbookPlan =>
  buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: code });

/** The Beschikking's planned-share rows (REGIONALE_POSTEN order, one column per year): top-left cell. */
function geplandAt(p: WorkbookPlan): { row: number; col: number } {
  const sheet = p.sheets.find((s) => s.name === SHEETS.beschikking);
  const label = sheet?.blocks.find(
    (b) =>
      b.kind === 'values' &&
      b.values.some((r) => r[2] === 'gepland aandeel (Regioverdeling, methode aandeel)'),
  );
  if (label?.kind !== 'values') throw new Error('no planned-share rows');
  return { row: parseCell(label.at).row, col: 5 };
}

/** The sheet-local cell of `code`'s weight in `jaar` (Invoer_Regio_Gewichten, keyed by CBS code). */
function weightCell(p: WorkbookPlan, code: CbsCode, jaar: EditionYear) {
  const spec = p.names.find((n) => n.name === REGIO_INPUT_NAMES.weights);
  const top = parseCell((spec?.ref ?? '').split('!')[1]?.split(':')[0]?.replace(/\$/g, '') ?? 'A1');
  const { leden, years: splitYears } = buildRegioverdeling(ledger, 'Groningen').shares;
  return { row: top.row + leden.indexOf(code), col: top.col + splitYears.indexOf(jaar) };
}

/** A plan of a gemeente of the region Groningen evaluated by HyperFormula, with its planned shares read live. */
interface LiveShares {
  readonly ev: EvaluatedPlan;
  /** The Beschikking's planned-share cells now: REGIONALE_POSTEN rows × the edition's years. */
  readonly shares: () => unknown[][];
  /** The domain's planned shares of the gemeente (`geplandAandeel`, 0 where none), the same shape. */
  readonly domain: number[][];
  /** The gemeente's weight in `jaar` on Regioverdeling, as HyperFormula addresses it (0-based). */
  readonly weight: (jaar: EditionYear) => { sheet: number; row: number; col: number };
}

/** Evaluates `p` (the plan of `code`), runs `test` on its live shares and frees HyperFormula after. */
function withLiveShares(p: WorkbookPlan, code: CbsCode, test: (live: LiveShares) => void): void {
  const at = geplandAt(p);
  const ev = evaluatePlan(p);
  try {
    const sid = ev.hf.getSheetId(SHEETS.beschikking) ?? -1;
    const rid = ev.hf.getSheetId(REGIOVERDELING_SHEET) ?? -1;
    test({
      ev,
      shares: () =>
        REGIONALE_POSTEN.map((_, k) =>
          years.map((_y, i) => ev.hf.getCellValue({ sheet: sid, row: at.row - 1 + k, col: at.col - 1 + i })),
        ),
      domain: REGIONALE_POSTEN.map((post) =>
        years.map((jaar) => geplandAandeel(ledger, code, post, jaar)?.bedrag ?? 0),
      ),
      weight: (jaar) => {
        const w = weightCell(p, code, jaar);
        return { sheet: rid, row: w.row - 1, col: w.col - 1 };
      },
    });
  } finally {
    ev.destroy();
  }
}

describe('Beschikking: a member gemeente planned share reads the Regioverdeling live (HyperFormula = domain)', () => {
  it('Veendam (member of Groningen): formulas on its region split; a changed weight moves them as the domain says', () => {
    const p = planOf(VEENDAM);
    expect(p.sheets.map((s) => s.name)).toContain(REGIOVERDELING_SHEET);
    const at = geplandAt(p);
    const bes = p.sheets.find((s) => s.name === SHEETS.beschikking);
    // The live cells: SPUK IZA 2023–2026 and SPUK AZWA regionaal 2027–2029 (the domain's planned years).
    const live = (bes?.blocks ?? []).filter(
      (b) => b.kind === 'formula' && b.formula.startsWith('Regioverdeling!'),
    );
    expect(live.map((b) => (b.kind === 'formula' ? b.range : ''))).toEqual([
      `E${at.row}:H${at.row}`,
      `I${at.row + 1}:K${at.row + 1}`,
    ]);
    withLiveShares(p, VEENDAM, ({ ev, shares, domain, weight }) => {
      expect(shares()).toEqual(domain);
      expect(domain[0]?.[years.indexOf(2025)]).toBe(276_740);
      const all = formulaMismatches(p, ev);
      expect(all.bad.slice(0, 10)).toEqual([]);

      // The mandaatgemeente gives Veendam twice its aandeel weight in 2025 and 2028 (an input on Regioverdeling).
      const gewichten = new Map<string, Partial<Record<EditionYear, number>>>();
      for (const jaar of [2025, 2028] as EditionYear[]) {
        const w = weight(jaar);
        const now = ev.hf.getCellValue(w) as number;
        expect(now).toBeGreaterThan(0);
        gewichten.set(VEENDAM, { ...gewichten.get(VEENDAM), [jaar]: now * 2 });
        ev.hf.setCellContents(w, now * 2);
      }
      const changed = buildRegioverdeling(ledger, 'Groningen', { gewichten });
      const own = (jaar: EditionYear) =>
        changed.splits.find((s) => s.jaar === jaar)?.delen.find((d) => d.code === VEENDAM)?.bedrag;
      const after = shares();
      expect(after[0]?.[years.indexOf(2025)]).toBe(own(2025));
      expect(after[1]?.[years.indexOf(2028)]).toBe(own(2028));
      expect(own(2025)).toBeGreaterThan(276_740);
      // Years whose weights stayed: unchanged (the domain's default split).
      expect(after[0]?.[years.indexOf(2024)]).toBe(domain[0]?.[years.indexOf(2024)]);
      // The Modelcontrole still holds (the toets and the Samenvatting read the same share).
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
    });
  });

  it('Groningen (the mandaatgemeente itself): no planned share from itself, 0 whatever the weights', () => {
    const p = planOf(GRONINGEN);
    const bes = p.sheets.find((s) => s.name === SHEETS.beschikking);
    expect(
      (bes?.blocks ?? []).some((b) => b.kind === 'formula' && b.formula.includes('Regioverdeling!')),
    ).toBe(false);
    withLiveShares(p, GRONINGEN, ({ ev, shares, domain, weight }) => {
      expect(domain.flat().every((v) => v === 0)).toBe(true);
      expect(shares()).toEqual(domain);
      expect(formulaMismatches(p, ev, [SHEETS.beschikking, SHEETS.toets, REGIOVERDELING_SHEET]).bad).toEqual(
        [],
      );
      ev.hf.setCellContents(weight(2025 as EditionYear), 1);
      expect(shares()).toEqual(domain);
    });
  });
});
