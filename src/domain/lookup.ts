import type { InputFailure, Result } from './failures';
import { fail, ok } from './failures';
import type { Gemeente } from './types';

function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Finds a gemeente by CBS code ("GM0034", "0034", "34") or by name, CBS or VWS spelling. */
export function findGemeente(text: string, gemeenten: readonly Gemeente[]): Result<Gemeente> {
  const t = text.trim();
  const digits = /^(?:gm)?(\d{1,4})$/i.exec(t);
  if (digits) {
    const code = 'GM' + (digits[1] ?? '').padStart(4, '0');
    const g = gemeenten.find((x) => x.code === code);
    if (g) return ok(g);
  }
  const n = normalise(t);
  const exact = gemeenten.find((g) => normalise(g.naam) === n || normalise(g.naamVws) === n);
  if (exact) return ok(exact);
  const partial = gemeenten.filter(
    (g) => normalise(g.naam).startsWith(n) || normalise(g.naamVws).startsWith(n),
  );
  if (partial.length === 1 && partial[0] && n.length >= 3) return ok(partial[0]);
  const suggestions = (
    partial.length > 0 ? partial : gemeenten.filter((g) => n.length >= 2 && normalise(g.naam).includes(n))
  )
    .slice(0, 5)
    .map((g) => `${g.naam} (${g.code})`);
  const failure: InputFailure = { kind: 'UnknownGemeente', text, suggestions };
  return fail([failure]);
}
