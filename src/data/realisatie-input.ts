import type { EditionYear, Euro, InputFailure, Notation, Result } from '../domain';
import { begrotingKolommen, euro, fail, ok } from '../domain';
import type { RealisatieInvoer, RealisatieRegel } from '../domain/verantwoording';
import type { BegrotingCsvOptions } from './begroting-input';
import { parseBegrotingCsv } from './begroting-input';
import { defaultEditionId, editionInput } from './editions';
import { columnNotation } from './notation';
import type { Table, UserInput } from './user-input';
import { amountText, cell, fieldCounts, readAmount, table } from './user-input';

/**
 * The realisatie: what was spent per activity and year, as CSV. It has exactly the columns of the
 * Begroting CSV (`begrotingKolommen`), the year columns holding what was spent, so a controller
 * copies the Begroting file and overwrites the amounts; plus at most one optional column
 * `Prognose <jaar>` (e.g. "Prognose 2026", a year of the edition): the expected total of that
 * (current) year per row, empty = none (the realisatie counts); `prognoseJaar` is that year only when
 * some row has a prognose (a column left empty changes nothing, as on the sheet Realisatie). Every row is read by the Begroting's
 * own reader (`parseBegrotingCsv`: the same checks, the same Dutch messages naming the row and the
 * fix, the same notation rules), so a file the Begroting accepts is a valid realisatie; the prognose
 * column is checked the same way (whole euros ≥ 0, notation of the column). Every failure is
 * returned, never a partial result.
 */
export function parseRealisatieCsv(input: UserInput, options: BegrotingCsvOptions = {}): Result<RealisatieInvoer> {
  const parsed = table(input, 'begroting');
  if (!parsed.ok) return parsed;
  const t = parsed.value;
  if (!t) return fail([{ kind: 'EmptyInput', input: 'begroting' }]);
  const edition = options.edition ?? editionInput(defaultEditionId()).edition;
  const prognoseAt: number[] = [];
  let prognoseJaar: EditionYear | undefined;
  const failures: InputFailure[] = [];
  const kolommen = begrotingKolommen(edition.years);
  t.header.forEach((h, i) => {
    const m = /^prognose\s*(\d{4})?$/.exec(h.replace(/[\s_]+/g, ' ').trim());
    if (!m) return;
    prognoseAt.push(i);
    const jaar = m[1] === undefined ? undefined : Number(m[1]);
    if (jaar === undefined || !edition.years.includes(jaar))
      failures.push({
        kind: 'UnknownColumn',
        input: 'begroting',
        column: h,
        expected: [...kolommen, ...edition.years.map((y) => `Prognose ${y}`)],
      });
    else if (prognoseAt.length > 1) failures.push({ kind: 'DuplicateColumn', input: 'begroting', column: 'Prognose' });
    else prognoseJaar = jaar;
  });
  if (failures.length > 0) return fail(failures);
  const at = prognoseAt[0];
  if (at === undefined) {
    const b = parseBegrotingCsv(input, options);
    if (!b.ok) return b;
    return ok({ regels: b.value.regels.map((r) => ({ ...r, prognose: undefined })), prognoseJaar: undefined });
  }
  const counts = fieldCounts(t);
  if (counts.length > 0) return fail(counts);
  // The prognose column: whole euros, its notation decided as a year column's (or the caller's).
  const notation = prognoseNotation(t, at, options.notation, options.notationHint);
  if (!notation.ok) return notation;
  const prognose = new Map<number, Euro | undefined>();
  for (const r of t.rows) {
    const text = cell(r, at);
    if (text === '') {
      prognose.set(r.row, undefined);
      continue;
    }
    if (/^-$/.test(amountText(text))) {
      prognose.set(r.row, euro(0));
      continue;
    }
    const amount = readAmount(r.row, text, notation.value, `Prognose ${prognoseJaar}`);
    if (typeof amount === 'number') prognose.set(r.row, euro(amount));
    else failures.push(amount);
  }
  // The rest of the file is exactly a Begroting file: read by the Begroting's reader.
  const b = parseBegrotingCsv(withoutColumn(t, at), options);
  if (!b.ok) return fail([...b.failures, ...failures].sort((x, y) => rowOf(x) - rowOf(y)));
  if (failures.length > 0) return fail(failures);
  const regels: RealisatieRegel[] = b.value.regels.map((r) => ({ ...r, prognose: prognose.get(r.rij) }));
  // A prognose column without any amount is no prognose: the peiljaar is the last year with realisatie
  // (as the sheet Realisatie, whose column Prognose is always there, reads it).
  const given = regels.some((r) => r.prognose !== undefined);
  return ok({ regels, prognoseJaar: given ? prognoseJaar : undefined });
}

const rowOf = (f: InputFailure): number => ('row' in f ? f.row : 0);

/** The notation of the prognose column: the caller's, else its own, else the year columns' when they agree. */
function prognoseNotation(
  t: Table,
  at: number,
  given: Notation | undefined,
  hint: Notation | undefined,
): Result<Notation | undefined> {
  if (given !== undefined) return ok(given);
  const own = columnNotation(
    'Prognose',
    t.rows.map((r) => ({ row: r.row, text: amountText(cell(r, at)) })),
    t.delimiter,
    hint,
  );
  if (own.ok || !own.failures.every((f) => f.kind === 'AmbiguousNumber')) return own;
  const evidence = new Set<Notation>();
  t.header.forEach((h, i) => {
    if (!/^\d{4}$/.test(h)) return;
    const n = columnNotation(h, t.rows.map((r) => ({ row: r.row, text: amountText(cell(r, i)) })), t.delimiter);
    if (n.ok && n.value !== undefined) evidence.add(n.value);
  });
  const [only] = evidence.size === 1 ? [...evidence] : [];
  return only !== undefined ? ok(only) : own;
}

/**
 * The file without one column, as text the Begroting's reader reads to the same table: the same
 * separator, every field quoted, each row on its own line number (blank lines added), so its
 * messages name the rows the user sees and the notation of each column is decided as before.
 */
function withoutColumn(t: Table, at: number): string {
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const drop = (cells: readonly string[]): string =>
    cells
      .filter((_, i) => i !== at)
      .map(q)
      .join(t.delimiter);
  const header = [...t.header];
  while (header.length < t.width) header.push('');
  const lines = [drop(header)];
  let line = 1;
  for (const r of t.rows) {
    while (line + 1 < r.row) {
      lines.push('');
      line++;
    }
    const text = drop(r.cells);
    lines.push(text);
    line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
  }
  return lines.join('\n') + '\n';
}
