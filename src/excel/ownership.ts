/**
 * The ownership rule, decided once from facts read in the first sync, before anything is written.
 *
 * - A sheet belongs to the add-in when the workbook name `SPUK_Blad_<sheet>` exists and refers to
 *   that very sheet. Only such sheets are cleared and rewritten; a same-named sheet without the mark
 *   belongs to the user and stops the whole render (`SheetNameTaken`) before a single cell is written.
 * - A plan name (or table name) that already exists is the add-in's when it refers to a sheet that
 *   carries any `SPUK_Blad_*` mark (also a renamed copy) or is broken (#REF!); otherwise it is the
 *   user's (`NameTaken`).
 * - Input names (`input: true`) found on marked sheets are read back before writing (see inputs.ts).
 */
import type { DefinedNameSpec, WorkbookPlan } from '../plan';
import { OWNERSHIP_NAME_PREFIX, rangeAddress } from '../plan';
import type { ExcelFailure } from './failures';
import type { SheetRange } from './refs';
import { absolute, parseSheetRange, quoteSheet, requireSheetRange, sameName } from './refs';

/** What the first sync reads: plain data, so the decision is a pure, testable function. */
export interface WorkbookFacts {
  readonly sheets: readonly { readonly name: string; readonly protected: boolean }[];
  readonly names: readonly { readonly name: string; readonly formula: unknown }[];
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
  readonly workbookProtected: boolean;
}

export interface SheetDecision {
  readonly name: string;
  /** `add`: the sheet does not exist yet. `replace`: it exists and is the add-in's. */
  readonly action: 'add' | 'replace';
}

export interface InputToRead {
  readonly spec: DefinedNameSpec;
  /** Where the user's values are now (the name's current reference). */
  readonly from: SheetRange;
  /** The key column next to `from` (same rows), when the plan gives a key column. */
  readonly keysFrom: SheetRange | undefined;
}

export interface Assessment {
  readonly sheets: readonly SheetDecision[];
  /** Tables on sheets that will be replaced. */
  readonly tablesToDelete: readonly { readonly name: string; readonly sheet: string }[];
  /** Every name the render writes: plan names plus one ownership name per sheet. */
  readonly names: readonly DefinedNameSpec[];
  /** Names (upper case) that exist already and are updated in place instead of added. */
  readonly existingNames: ReadonlySet<string>;
  readonly inputsToRead: readonly InputToRead[];
}

export type AssessmentResult =
  | { readonly ok: true; readonly assessment: Assessment }
  | { readonly ok: false; readonly failure: ExcelFailure };

export function ownershipNameOf(sheet: string): string {
  return OWNERSHIP_NAME_PREFIX + sheet.replace(/[^A-Za-z0-9_.\u00C0-\u024F]/g, '_');
}

/** Plan names plus the ownership mark of every sheet (taken from the plan when it has them). */
export function namesToWrite(plan: WorkbookPlan): DefinedNameSpec[] {
  const out: DefinedNameSpec[] = [];
  const seen = new Set<string>();
  const push = (spec: DefinedNameSpec): void => {
    const key = spec.name.toUpperCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push(spec);
  };
  for (const sheet of plan.sheets) {
    const name = ownershipNameOf(sheet.name);
    const fromPlan = plan.names.find((n) => sameName(n.name, name));
    push(
      fromPlan ?? {
        name,
        ref: `${quoteSheet(sheet.name)}!${absolute(sheet.usedRange)}`,
        comment: `Blad ${sheet.name} is gemaakt door de invoegtoepassing SPUK-begroting en wordt bij Laden vervangen.`,
        input: false,
      },
    );
  }
  for (const spec of plan.names) push(spec);
  return out;
}

export function assessWorkbook(
  plan: WorkbookPlan,
  facts: WorkbookFacts,
  replaceInputs: readonly string[] = [],
): AssessmentResult {
  const findSheet = (name: string) => facts.sheets.find((s) => sameName(s.name, name));
  const findName = (name: string) => facts.names.find((n) => sameName(n.name, name));
  const isOwnershipName = (name: string): boolean =>
    name.toUpperCase().startsWith(OWNERSHIP_NAME_PREFIX.toUpperCase());

  // Sheets that carry any ownership mark (the add-in made them, possibly under another name since).
  const marked = new Set<string>();
  for (const n of facts.names) {
    if (!isOwnershipName(n.name)) continue;
    const target = parseSheetRange(n.formula);
    const sheet = target && findSheet(target.sheet);
    if (sheet) marked.add(sheet.name.toUpperCase());
  }
  const isMarked = (sheet: string): boolean => marked.has(sheet.toUpperCase());

  const sheets: SheetDecision[] = [];
  const taken: string[] = [];
  for (const sheet of plan.sheets) {
    const existing = findSheet(sheet.name);
    if (!existing) {
      sheets.push({ name: sheet.name, action: 'add' });
      continue;
    }
    const mark = parseSheetRange(findName(ownershipNameOf(sheet.name))?.formula);
    if (mark && sameName(mark.sheet, existing.name)) sheets.push({ name: existing.name, action: 'replace' });
    else taken.push(existing.name);
  }
  const [firstTaken] = taken;
  if (firstTaken !== undefined) return fail({ kind: 'SheetNameTaken', sheet: firstTaken, sheets: taken });

  const replaced = new Set(sheets.filter((s) => s.action === 'replace').map((s) => s.name.toUpperCase()));
  const names = namesToWrite(plan);
  const existingNames = new Set<string>();
  for (const spec of names) {
    const existing = findName(spec.name);
    if (!existing) continue;
    const target = parseSheetRange(existing.formula);
    const broken = typeof existing.formula === 'string' && existing.formula.toUpperCase().includes('#REF!');
    const ours = isOwnershipName(spec.name) || broken || (target !== undefined && isMarked(target.sheet));
    if (!ours) return fail({ kind: 'NameTaken', name: existing.name });
    existingNames.add(spec.name.toUpperCase());
  }

  // Table names share one namespace with defined names.
  const planTables = plan.sheets.flatMap((s) => s.tables.map((t) => t.name));
  for (const table of planTables) {
    const existing = facts.tables.find((t) => sameName(t.name, table));
    if (existing && !replaced.has(existing.sheet.toUpperCase()))
      return fail({ kind: 'NameTaken', name: existing.name });
    const clash = findName(table);
    if (clash && !names.some((n) => sameName(n.name, table)))
      return fail({ kind: 'NameTaken', name: clash.name });
  }
  for (const spec of names) {
    const clash = facts.tables.find((t) => sameName(t.name, spec.name));
    if (clash && !replaced.has(clash.sheet.toUpperCase()))
      return fail({ kind: 'NameTaken', name: clash.name });
  }

  for (const decision of sheets) {
    if (decision.action === 'replace' && findSheet(decision.name)?.protected === true) {
      return fail({ kind: 'ProtectedSheet', sheet: decision.name });
    }
  }
  if (facts.workbookProtected && sheets.some((s) => s.action === 'add'))
    return fail({ kind: 'ProtectedWorkbook' });

  const tablesToDelete = facts.tables.filter((t) => replaced.has(t.sheet.toUpperCase()));

  const inputsToRead: InputToRead[] = [];
  for (const spec of plan.names) {
    if (!spec.input || replaceInputs.some((r) => sameName(r, spec.name))) continue;
    const from = parseSheetRange(findName(spec.name)?.formula);
    const fromSheet = from && findSheet(from.sheet);
    if (!from || !fromSheet || !isMarked(fromSheet.name)) continue;
    inputsToRead.push({
      spec,
      from: { ...from, sheet: fromSheet.name },
      keysFrom: keysBeside(spec, from, findSheet, isMarked),
    });
  }

  return { ok: true, assessment: { sheets, tablesToDelete, names, existingNames, inputsToRead } };
}

function keysBeside(
  spec: DefinedNameSpec,
  from: SheetRange,
  findSheet: (name: string) => { readonly name: string } | undefined,
  isMarked: (sheet: string) => boolean,
): SheetRange | undefined {
  if (spec.keyRef === undefined) return undefined;
  const keyPlan = requireSheetRange(spec.keyRef);
  const refPlan = requireSheetRange(spec.ref);
  const keySheet = sameName(keyPlan.sheet, refPlan.sheet) ? findSheet(from.sheet) : findSheet(keyPlan.sheet);
  if (!keySheet || !isMarked(keySheet.name)) return undefined;
  const rect = {
    top: from.rect.top,
    bottom: from.rect.bottom,
    left: keyPlan.rect.left,
    right: keyPlan.rect.left,
  };
  return { sheet: keySheet.name, address: rangeAddress(rect), rect };
}

function fail(failure: ExcelFailure): AssessmentResult {
  return { ok: false, failure };
}
