/**
 * Versions of a user-owned table (`SheetPlan.userOwned.table`, e.g. the Begroting): which header rows
 * the add-in knows, and what a refresh must do with the one it reads.
 *
 * A table's header row is the truth, not the version cell: the user cannot make the two disagree by
 * editing a cell, and a write that stopped part-way through a migration leaves a header that is one of
 * the known intermediate shapes (every prefix of every migration's changes), so the next refresh
 * finishes the migration instead of refusing.
 */
import type { TableColumnChange, TableSchema } from '../plan';

/** A header row the add-in knows: a version (or a step inside a migration) and what is left to do. */
export interface TableShape {
  /** The version this shape belongs to (an intermediate shape: the version it migrates from). */
  readonly version: number;
  /** The headings, left to right. */
  readonly columns: readonly string[];
  /** The changes that turn this shape into the schema's current version, in order (empty: current). */
  readonly remaining: readonly TableColumnChange[];
}

/** What a refresh does with the table it read. */
export type TableDecision =
  | { readonly kind: 'current' }
  | { readonly kind: 'migrate'; readonly from: TableShape }
  /** Not a shape the add-in knows; `closest` is the known shape with the fewest differing headings. */
  | { readonly kind: 'unknown'; readonly found: readonly string[]; readonly closest: TableShape };

function apply(columns: readonly string[], change: TableColumnChange): string[] | undefined {
  const next = [...columns];
  const has = (name: string): boolean => next.some((c) => c.toUpperCase() === name.toUpperCase());
  if (change.kind === 'add') {
    if (!Number.isInteger(change.index) || change.index < 0 || change.index > next.length) return undefined;
    if (change.name.trim() === '' || has(change.name)) return undefined;
    next.splice(change.index, 0, change.name);
    return next;
  }
  const at = next.indexOf(change.from);
  if (at < 0 || change.to.trim() === '' || has(change.to)) return undefined;
  next[at] = change.to;
  return next;
}

function undo(columns: readonly string[], change: TableColumnChange): string[] | undefined {
  const prev = [...columns];
  if (change.kind === 'add') {
    if (prev[change.index] !== change.name) return undefined;
    prev.splice(change.index, 1);
    return prev;
  }
  const at = prev.indexOf(change.to);
  if (at < 0) return undefined;
  prev[at] = change.from;
  return prev;
}

/**
 * Every known shape of the schema's table, oldest first, ending with the current version (its
 * `remaining` is empty). Throws a RangeError when the schema is inconsistent (see `schemaError`).
 */
export function knownShapes(schema: TableSchema): TableShape[] {
  const error = schemaError(schema);
  if (error !== undefined) throw new RangeError(`Table ${schema.name}: ${error}`);
  return shapesOf(schema) ?? [];
}

function shapesOf(schema: TableSchema): TableShape[] | undefined {
  const ordered = [...schema.migrations].sort((a, b) => a.from - b.from);
  // The columns of version 1: the current ones with every migration undone, newest first.
  let first: readonly string[] = schema.columns;
  for (const m of [...ordered].reverse()) {
    for (const change of [...m.changes].reverse()) {
      const prev = undo(first, change);
      if (!prev) return undefined;
      first = prev;
    }
  }
  const all = ordered.flatMap((m) => m.changes.map((change) => ({ version: m.from, change })));
  const shapes: TableShape[] = [];
  let columns: readonly string[] = first;
  all.forEach(({ version, change }, i) => {
    shapes.push({ version, columns, remaining: all.slice(i).map((x) => x.change) });
    columns = apply(columns, change) ?? [];
  });
  shapes.push({ version: schema.version, columns, remaining: [] });
  return shapes;
}

/**
 * Why a schema is inconsistent, or undefined: versions 1 … n with one migration from each earlier
 * version (each with at least one change), headings unique and non-empty, every change applicable,
 * the migrations leading exactly to `columns`, and no two known shapes with the same headings.
 */
export function schemaError(schema: TableSchema): string | undefined {
  if (!Number.isInteger(schema.version) || schema.version < 1) return 'version';
  const froms = schema.migrations.map((m) => m.from).sort((a, b) => a - b);
  if (froms.length !== schema.version - 1 || froms.some((f, i) => f !== i + 1)) return 'migrations';
  if (schema.migrations.some((m) => m.changes.length === 0)) return 'empty migration';
  const upper = schema.columns.map((c) => c.toUpperCase());
  if (schema.columns.some((c) => c.trim() === '') || new Set(upper).size !== upper.length) return 'columns';
  const shapes = shapesOf(schema);
  if (!shapes) return 'a migration does not lead to the columns';
  // Forward again from version 1: every change must apply and the last shape must be `columns`.
  let columns = shapes[0]?.columns ?? [];
  for (const change of shapes[0]?.remaining ?? []) {
    const next = apply(columns, change);
    if (!next) return `change ${JSON.stringify(change)}`;
    columns = next;
  }
  if (!sameHeadings(columns, schema.columns)) return 'a migration does not lead to the columns';
  const keys = shapes.map((s) => s.columns.join('\u0000'));
  if (new Set(keys).size !== keys.length) return 'two versions with the same columns';
  return undefined;
}

/** A header cell as the add-in compares it (Excel keeps table headings as text). */
export function headingText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function sameHeadings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Decides from the table's header row (`Range.values` of `Table.getHeaderRowRange()`, one row). */
export function decideTable(schema: TableSchema, headerRow: readonly unknown[]): TableDecision {
  const found = headerRow.map(headingText);
  const shapes = knownShapes(schema);
  const match = shapes.find((s) => sameHeadings(s.columns, found));
  if (match) return match.remaining.length === 0 ? { kind: 'current' } : { kind: 'migrate', from: match };
  const distance = (s: TableShape): number =>
    s.columns.filter((c) => !found.includes(c)).length + found.filter((c) => !s.columns.includes(c)).length;
  // On a tie the newer shape (the list is oldest first).
  const closest = shapes.reduce((best, s) => (distance(s) <= distance(best) ? s : best));
  return { kind: 'unknown', found, closest };
}
