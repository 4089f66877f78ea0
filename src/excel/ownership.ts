/**
 * The ownership rule, decided once from facts read in the first sync, before anything is written.
 *
 * - A sheet belongs to the add-in when the workbook name `SPUK_Blad_<sheet>` exists and refers to
 *   that very sheet. Only such sheets are cleared and rewritten; a same-named sheet without the mark
 *   belongs to the user and stops the whole render (`SheetNameTaken`) before a single cell is written.
 * - A sheet whose mark was deleted is still the add-in's when the workbook carries other marks of the
 *   add-in (it is an SPUK workbook) and another plan name refers to exactly the plan's range on it
 *   (e.g. `Invoer_Gewichten` → Verdeelsleutel!$H$11:$H$352): it is rewritten, its mark restored, and
 *   the report says so (`restoredMarks`).
 * - A plan name (or table name) that already exists is the add-in's when it refers to a sheet that
 *   carries any `SPUK_Blad_*` mark (also a renamed copy) or is broken (type "Error"); otherwise it is
 *   the user's (`NameTaken`).
 * - Input names (`input: true`) found on marked sheets are read back before writing (see inputs.ts);
 *   an input whose name was deleted or broke is read at the plan's address on the plan's sheet when
 *   that sheet is the add-in's, so the user's values are not replaced by the defaults.
 *
 * Names are recognised by `NamedItem.type` and the `address` of their range (always A1, English),
 * never by the text of `NamedItem.formula`: Excel desktop returns that in the user's language and
 * reference style (`=#VERW!$B$12:$B$14`, `=Blad!R12K2`: office-js #2834).
 */
import type { DefinedNameSpec, WorkbookPlan } from '../plan';
import { OWNERSHIP_NAME_PREFIX, rangeAddress, tableVersionName } from '../plan';
import { BACKUP_SHEET } from './backup';
import type { ExcelFailure } from './failures';
import type { SheetRange } from './refs';
import {
  absolute,
  formulaSheet,
  mayReferToSheet,
  parseSheetRange,
  quoteSheet,
  requireSheetRange,
  sameName,
} from './refs';

/** What the first sync reads: plain data, so the decision is a pure, testable function. */
export interface WorkbookFacts {
  readonly sheets: readonly {
    readonly name: string;
    readonly protected: boolean;
    /** "Visible", "Hidden" or "VeryHidden" (undefined when not read: such a sheet is never removed). */
    readonly visibility?: string;
  }[];
  /**
   * Every workbook name with its `type`, and where it refers to (from `getRange().address`) when it is
   * a range the renderer resolved (the plan's names and the ownership marks); else undefined.
   */
  readonly names: readonly {
    readonly name: string;
    readonly type: string;
    readonly target: SheetRange | undefined;
    /** The name's comment as read (undefined when not read). */
    readonly comment?: string;
    /**
     * `NamedItem.formula` as read (undefined when not read). Only its sheet part is used (`formulaSheet`,
     * `mayReferToSheet`: the sheet's own name in every language and reference style), to decide which
     * left-over add-in sheets may be removed; everything else goes by `type` and `target`.
     */
    readonly formula?: unknown;
  }[];
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
  readonly workbookProtected: boolean;
  /**
   * Only when the caller lets user-owned tables go with their sheet (`RenderOptions.removeEmptyTables`):
   * those of them whose data rows were read and hold nothing the user typed (every cell empty). See
   * `removableSheets`. Undefined: no table ever goes.
   */
  readonly emptyTables?: readonly string[];
}

export interface SheetDecision {
  readonly name: string;
  /**
   * `add`: the sheet does not exist yet. `replace`: it exists and is the add-in's (cleared and
   * rewritten). `update`: it exists, is the add-in's and is user-owned (`SheetPlan.userOwned`): only its
   * add-in ranges are cleared and rewritten; its tables are kept.
   */
  readonly action: 'add' | 'replace' | 'update';
}

export interface InputToRead {
  readonly spec: DefinedNameSpec;
  /** Where the user's values are now (the name's current reference). */
  readonly from: SheetRange;
  /** The key column next to `from` (same rows), when the plan gives a key column. */
  readonly keysFrom: SheetRange | undefined;
  /** True when the name was deleted or broke and `from` is the plan's address on the plan's sheet. */
  readonly byPlanAddress: boolean;
}

export interface Assessment {
  readonly sheets: readonly SheetDecision[];
  /** Tables on sheets that will be replaced (never those of a user-owned sheet). */
  readonly tablesToDelete: readonly { readonly name: string; readonly sheet: string }[];
  /** Every name the render writes: plan names plus one ownership name per sheet. */
  readonly names: readonly DefinedNameSpec[];
  /** Names (upper case) that exist already and are updated in place instead of added. */
  readonly existingNames: ReadonlySet<string>;
  /**
   * Of `existingNames`, what already equals the plan (upper-case name → reference and/or comment): not
   * rewritten. A rewritten `NamedItem.comment` clears Excel's undo stack (#17 item 9), so neither is
   * written when unchanged.
   */
  readonly unchangedNames?: ReadonlyMap<string, { readonly ref: boolean; readonly comment: boolean }>;
  readonly inputsToRead: readonly InputToRead[];
  /** Sheets recognised without their ownership mark (by the plan's other names); the mark is rewritten. */
  readonly restoredMarks: readonly string[];
  /**
   * Existing add-in sheets that are protected and that the plan protects (`protect: true`): the add-in
   * protected them (without a password), so the write lifts that protection first and sets it again last.
   */
  readonly unprotect: readonly string[];
  /**
   * Add-in sheets the plan no longer has (e.g. "Wat is er veranderd" after choosing no comparison),
   * removed by the write with their mark (`removableSheets`).
   */
  readonly sheetsToRemove: readonly RemovableSheet[];
  /**
   * Marks `SPUK_Blad_*` that are no plan sheet's and whose sheet is gone (`type` "Error", `#REF!`: the
   * user deleted the sheet, or a removal stopped between the sheet and its mark): deleted.
   */
  readonly marksToDelete: readonly string[];
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
  // The version of each user-owned table with a schema, over its version cell (in an add-in range).
  for (const sheet of plan.sheets) {
    const schema = sheet.userOwned?.table;
    if (schema) push(tableVersionSpec(sheet.name, schema.name, schema.versionCell));
  }
  return out;
}

/**
 * The name `SPUK_<table>_Versie` over a user-owned table's version cell (e.g. Begroting!$B$4). The
 * .xlsx renderer writes the same name.
 */
export function tableVersionSpec(sheet: string, table: string, versionCell: string): DefinedNameSpec {
  return {
    name: tableVersionName(table),
    ref: `${quoteSheet(sheet)}!${absolute(versionCell)}`,
    comment: `Versie van de kolommen van de tabel ${table}; de invoegtoepassing SPUK-begroting past een tabel van een eerdere versie aan bij Werkmap laden.`,
    input: false,
  };
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

  const targetOf = (name: string): SheetRange | undefined => {
    const n = findName(name);
    return n && n.type === 'Range' ? n.target : undefined;
  };
  // Sheets that carry any ownership mark (the add-in made them, possibly under another name since).
  const marked = new Set<string>();
  for (const n of facts.names) {
    if (!isOwnershipName(n.name) || n.type !== 'Range' || !n.target) continue;
    const sheet = findSheet(n.target.sheet);
    if (sheet) marked.add(sheet.name.toUpperCase());
  }

  // A plan sheet the user renamed: its mark followed it (Excel moves a name with its sheet), so the mark
  // points at a sheet with another name that is no plan sheet. Refused with both names, nothing written:
  // the plan's formulas and the next refresh use the plan's name, so a new, empty sheet would be made.
  const renamed: { planned: string; now: string }[] = [];
  for (const sheet of plan.sheets) {
    if (findSheet(sheet.name)) continue;
    const mark = targetOf(ownershipNameOf(sheet.name));
    const now = mark ? findSheet(mark.sheet) : undefined;
    if (!now) continue;
    if (plan.sheets.some((s) => sameName(s.name, now.name))) continue;
    renamed.push({ planned: sheet.name, now: now.name });
  }
  if (renamed.length > 0) return fail({ kind: 'SheetRenamed', sheets: renamed });

  const sheets: SheetDecision[] = [];
  const taken: string[] = [];
  const restoredMarks: string[] = [];
  for (const sheet of plan.sheets) {
    const existing = findSheet(sheet.name);
    if (!existing) {
      sheets.push({ name: sheet.name, action: 'add' });
      continue;
    }
    const mark = targetOf(ownershipNameOf(sheet.name));
    const action = sheet.userOwned ? 'update' : 'replace';
    if (mark && sameName(mark.sheet, existing.name)) {
      sheets.push({ name: existing.name, action });
    } else if (!mark && marked.size > 0 && hasPlanNameEvidence(plan, existing.name, targetOf)) {
      // The mark was deleted, but the plan's own names still point at their ranges on this sheet.
      sheets.push({ name: existing.name, action });
      restoredMarks.push(existing.name);
      marked.add(existing.name.toUpperCase());
    } else taken.push(existing.name);
  }
  const isMarked = (sheet: string): boolean => marked.has(sheet.toUpperCase());
  const [firstTaken] = taken;
  if (firstTaken !== undefined) return fail({ kind: 'SheetNameTaken', sheet: firstTaken, sheets: taken });

  // Existing add-in sheets: their tables and names are the add-in's (a user-owned sheet's table too).
  const replaced = new Set(sheets.filter((s) => s.action !== 'add').map((s) => s.name.toUpperCase()));
  const names = namesToWrite(plan);
  const existingNames = new Set<string>();
  const unchangedNames = new Map<string, { ref: boolean; comment: boolean }>();
  for (const spec of names) {
    const existing = findName(spec.name);
    if (!existing) continue;
    const target = existing.type === 'Range' ? existing.target : undefined;
    const broken = existing.type === 'Error';
    const ours = isOwnershipName(spec.name) || broken || (target !== undefined && isMarked(target.sheet));
    if (!ours) return fail({ kind: 'NameTaken', name: existing.name });
    existingNames.add(spec.name.toUpperCase());
    const planned = parseSheetRange(spec.ref);
    const sameRef =
      target !== undefined &&
      planned !== undefined &&
      sameName(target.sheet, planned.sheet) &&
      target.address === planned.address;
    unchangedNames.set(spec.name.toUpperCase(), {
      ref: sameRef,
      comment: existing.comment !== undefined && existing.comment === spec.comment,
    });
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

  // A protected add-in sheet that the plan protects: the add-in's own protection, lifted by the write.
  // Any other protected sheet (one the plan leaves unprotected, a user-owned sheet) is the user's or a
  // co-author's: refused, nothing written.
  const unprotect: string[] = [];
  for (const decision of sheets) {
    if (decision.action === 'add' || findSheet(decision.name)?.protected !== true) continue;
    const planSheet = plan.sheets.find((s) => sameName(s.name, decision.name));
    if (decision.action === 'replace' && planSheet?.protect === true) unprotect.push(decision.name);
    else return fail({ kind: 'ProtectedSheet', sheet: decision.name });
  }
  const sheetsToRemove = removableSheets(plan, facts);
  if (facts.workbookProtected && (sheets.some((s) => s.action === 'add') || sheetsToRemove.length > 0))
    return fail({ kind: 'ProtectedWorkbook' });

  // A user-owned sheet's table holds the user's rows: never deleted.
  const cleared = new Set(sheets.filter((s) => s.action === 'replace').map((s) => s.name.toUpperCase()));
  const tablesToDelete = facts.tables.filter((t) => cleared.has(t.sheet.toUpperCase()));

  const inputsToRead: InputToRead[] = [];
  for (const spec of plan.names) {
    if (!spec.input || replaceInputs.some((r) => sameName(r, spec.name))) continue;
    const named = targetOf(spec.name);
    const planRef = requireSheetRange(spec.ref);
    // A deleted or broken input name: the plan's address on the plan's sheet, when that is the add-in's.
    const byPlanAddress = named === undefined;
    const from = named ?? planRef;
    const fromSheet = findSheet(from.sheet);
    if (!fromSheet || !isMarked(fromSheet.name)) continue;
    inputsToRead.push({
      spec,
      from: { ...from, sheet: fromSheet.name },
      keysFrom: keysBeside(spec, from, findSheet, isMarked),
      byPlanAddress,
    });
  }

  return {
    ok: true,
    assessment: {
      sheets,
      tablesToDelete,
      names,
      existingNames,
      unchangedNames,
      inputsToRead,
      restoredMarks,
      unprotect,
      sheetsToRemove,
      // Broken marks (the user deleted the sheet, or a removal stopped between sheet and mark); with
      // `removeEmptyTables` also the add-in's broken names a removal that stopped part-way left.
      marksToDelete: facts.names
        .filter(
          (n) =>
            (isOwnershipName(n.name) || (facts.emptyTables !== undefined && isAddinName(n.name))) &&
            n.type === 'Error' &&
            !names.some((spec) => sameName(spec.name, n.name)),
        )
        .map((n) => n.name),
    },
  };
}

/**
 * The add-in sheets that left the plan and may be deleted (#17; "Geen vergelijking" after an earlier
 * comparison left the old "Wat is er veranderd"). Recognised by the werkmap's own marks, never by name
 * alone; every condition must hold, otherwise the sheet stays:
 * - it is no plan sheet (by name, case-insensitive) and not the restore point;
 * - its mark `SPUK_Blad_<sheet>` exists, is a range (`type`), and its formula starts with this very
 *   sheet (`formulaSheet`). A mark that points at another sheet (the user renamed the add-in's sheet
 *   and named a sheet of their own like it) or broke (`#REF!`) proves nothing;
 * - nothing on it is the user's or holds input: no table on it (the user-owned Begroting and
 *   Realisatie hold theirs in one; the sheet's schema version name counts too), and no workbook name
 *   other than its mark may refer to it (`mayReferToSheet`: an input name such as the Regioverdeling's
 *   `Invoer_Regio_*` or the Verantwoording's `Invoer_Besteding_*`, the version name
 *   `SPUK_Begroting_Versie`, a name the user made); a name whose formula was not read counts as one;
 *   Narrow exception (`WorkbookFacts.emptyTables`, the caller's `removeEmptyTables`): a table the caller
 *   let go and that was read empty does not keep its sheet, and the add-in's own names on the sheet
 *   (`Invoer_…` / `SPUK_…`, a range on this very sheet) go with it; any other name still keeps it;
 * - it is visible or hidden (a very hidden sheet cannot be deleted without making it visible first);
 * - every other add-in sheet outside the plan goes too (all or none: one that stays may refer to it).
 * Sheets the user made carry no mark and are never touched. Formulas of the user's own that refer to a
 * removed sheet show #VERW! afterwards, as when the user deletes a sheet.
 */
export function removableSheets(plan: WorkbookPlan, facts: WorkbookFacts): RemovableSheet[] {
  const out: RemovableSheet[] = [];
  const emptyTables = facts.emptyTables;
  for (const sheet of facts.sheets) {
    if (plan.sheets.some((s) => sameName(s.name, sheet.name))) continue;
    if (sameName(sheet.name, BACKUP_SHEET)) continue;
    if (sheet.visibility !== 'Visible' && sheet.visibility !== 'Hidden') continue;
    const markName = ownershipNameOf(sheet.name);
    const mark = facts.names.find((n) => sameName(n.name, markName));
    if (!mark || mark.type !== 'Range') continue;
    const marked = formulaSheet(mark.formula);
    if (marked === undefined || !sameName(marked, sheet.name)) continue;
    // A table holds the user's rows: the sheet stays, unless the caller let that table go and it was
    // read empty (nothing the user typed).
    const tables = facts.tables.filter((t) => sameName(t.sheet, sheet.name));
    if (tables.some((t) => !(emptyTables ?? []).some((e) => sameName(e, t.name)))) continue;
    const others = facts.names.filter((n) => n !== mark && mayReferToSheet(n.formula, sheet.name));
    // With that permission only: the add-in's own names on such a sheet (its inputs and version
    // names, `Invoer_…` / `SPUK_…`, a range on this very sheet) go with it; any other name keeps it.
    const going =
      emptyTables !== undefined &&
      others.every(
        (n) =>
          isAddinName(n.name) && n.type === 'Range' && sameName(formulaSheet(n.formula) ?? '', sheet.name),
      );
    if (others.length > 0 && !going) continue;
    out.push({
      sheet: sheet.name,
      mark: mark.name,
      ...(others.length > 0 ? { names: others.map((n) => n.name) } : {}),
    });
  }
  // All or none: an add-in sheet outside the plan that stays (it holds input or a table, or the user
  // renamed it) may refer to one that would go (the Realisatie and the Verantwoording refer to the
  // Besteding when the realisatie is left out): its formulas would show #VERW!. Plan sheets are
  // rewritten and refer only to plan sheets. A mark whose sheet cannot be told also keeps every sheet.
  for (const n of facts.names) {
    if (!isOwnershipMark(n.name) || n.type !== 'Range') continue;
    const on = formulaSheet(n.formula);
    if (on === undefined) return [];
    if (plan.sheets.some((s) => sameName(s.name, on)) || out.some((r) => sameName(r.sheet, on))) continue;
    if (facts.sheets.some((s) => sameName(s.name, on))) return [];
  }
  return out;
}

/** A sheet that left the plan, removed with its mark (and, see `removableSheets`, the add-in's names on it). */
export interface RemovableSheet {
  readonly sheet: string;
  readonly mark: string;
  readonly names?: readonly string[];
}

/** The add-in's naming convention for its inputs and version names (src/plan names.ts). */
function isAddinName(name: string): boolean {
  return /^(Invoer|SPUK)_/i.test(name);
}

function isOwnershipMark(name: string): boolean {
  return name.toUpperCase().startsWith(OWNERSHIP_NAME_PREFIX.toUpperCase());
}

/** Another plan name (not a mark) refers to exactly its planned range on `sheet`. */
function hasPlanNameEvidence(
  plan: WorkbookPlan,
  sheet: string,
  targetOf: (name: string) => SheetRange | undefined,
): boolean {
  return plan.names.some((spec) => {
    if (spec.name.toUpperCase().startsWith(OWNERSHIP_NAME_PREFIX.toUpperCase())) return false;
    const planned = parseSheetRange(spec.ref);
    const found = targetOf(spec.name);
    return (
      planned !== undefined &&
      found !== undefined &&
      sameName(planned.sheet, sheet) &&
      sameName(found.sheet, sheet) &&
      found.address === planned.address
    );
  });
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
