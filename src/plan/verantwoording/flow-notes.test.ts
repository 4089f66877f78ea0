/**
 * The Verantwoording's rule texts a line per row (#18): a long rule runs on into the rows below it
 * that have none, so its row (with the limit inputs in it) keeps one line's height.
 */
import { flowNotes } from './regeling-section';

const LONG =
  'Eindafrekening in 2027, of per jaar of cumulatief wordt afgerekend is niet gevonden: beide lezingen getoond (aanname: geen bron gevonden).';

describe('flowNotes', () => {
  it('puts the first line beside its row and the next ones in the free rows below, whole words', () => {
    const out = flowNotes(
      new Map([
        [10, LONG],
        [14, 'Kort.'],
      ]),
      54,
    );
    const lines = [10, 11, 12, 13].map((r) => out.get(r)).filter((t) => t !== undefined);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.join(' ')).toBe(LONG);
    expect(out.get(10)?.startsWith('Eindafrekening in 2027')).toBe(true);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(70);
    expect(out.get(14)).toBe('Kort.');
  });

  it('keeps what does not fit in the last free row (it wraps there) and never writes over the next rule', () => {
    const out = flowNotes(
      new Map([
        [10, LONG],
        [12, 'Volgende.'],
      ]),
      20,
    );
    expect(out.get(12)).toBe('Volgende.');
    expect([out.get(10), out.get(11)].join(' ')).toBe(LONG);
    expect((out.get(11) ?? '').length).toBeGreaterThan(40);
  });

  it('a rule with the next rule right below it, and the last rule, stay whole in their row', () => {
    const out = flowNotes(
      new Map([
        [10, LONG],
        [11, LONG],
      ]),
      54,
    );
    expect([...out]).toEqual([
      [10, LONG],
      [11, LONG],
    ]);
  });
});
