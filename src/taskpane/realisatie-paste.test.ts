/**
 * A realisatie pasted in the pane (#19 item 1): read by the CLI's strict reader (`parseRealisatieCsv`,
 * as `werkboek --realisatie`), refused with the reader's Dutch message naming the row and the fix; the
 * pane's state carries it into a load, and refuses it once the werkmap has its own table Realisatie.
 * Written on the fake host (the table, the terugvordering against the domain): realisatie-option.test.ts.
 */
import { ALMERE, realisatiePaste, realisatieRow } from '../../test/support/pane-host';
import { defaultEditionId, defaultReferenceData } from '../data';
import { begrotingKolommen } from '../domain';
import type { RealisatieInvoer } from '../domain/verantwoording';
import { LANDELIJK } from './gemeente-search';
import { NL } from './messages.nl';
import { checkRealisatie, editionYears, summarizeRealisatie, withRealisatieHeader } from './realisatie';
import type { Labels } from './state';
import { initialState, reduce, view } from './state';

const EDITION = defaultEditionId();
const YEARS = editionYears(EDITION);
const labels: Labels = { gemeente: (g) => (g === ALMERE ? 'Almere' : g), edition: (e) => e };

const PASTE = realisatiePaste(YEARS);
const row = (regeling: string, activiteit: string, amounts: Readonly<Record<number, string>>) =>
  realisatieRow(YEARS, regeling, activiteit, amounts);

function read(text: string, gemeente: string = ALMERE): RealisatieInvoer {
  const c = checkRealisatie({ kind: 'paste', text }, gemeente as never, EDITION);
  if (!c.ok) throw new Error(c.failures.join(' '));
  return c.invoer;
}

describe('checkRealisatie: the CLI’s reader, for the chosen gemeente and edition', () => {
  it('reads a paste without header (the table Begroting’s header is put above it), every amount', () => {
    expect(withRealisatieHeader(PASTE, YEARS).added).toBe(true);
    const invoer = read(PASTE);
    expect(invoer.regels.map((r) => [r.regeling, r.activiteit, r.lasten.slice(0, 3)])).toEqual([
      ['Brede SPUK', 'Buurtsportcoaches', [400_000, 1_450_000, 300_000]],
      ['SPUK IZA', 'Regionaal plan', [120_000, 80_000, 0]],
    ]);
    expect(invoer.prognoseJaar).toBeUndefined();
    // With the header (and a prognose column) the paste is read as is.
    const header = [...begrotingKolommen(YEARS), 'Prognose 2026'].join('\t');
    const withPrognose = read(`${header}\n${PASTE.split('\n')[0]}\t1000000`);
    expect(withPrognose.prognoseJaar).toBe(2026);
    expect(withPrognose.regels[0]?.prognose).toBe(1_000_000);
    expect(summarizeRealisatie(withPrognose, YEARS, 'Almere')).toEqual({
      text: '1 rij realisatie voor Almere gelezen, samen €\u00a02.150.000 besteed:',
      regelingen: ['Brede SPUK: 2023–2025, €\u00a02.150.000', 'Prognose 2026: samen €\u00a01.000.000'],
    });
  });

  it('refuses a bad paste with the reader’s Dutch message naming the row the user sees, nothing read', () => {
    const bad = `${PASTE}\n${row('Brede SPUK', 'Extra', { 2025: 'veel' })}`;
    const c = checkRealisatie({ kind: 'paste', text: bad }, ALMERE, EDITION);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.failures).toHaveLength(1);
    // Row 3: the third pasted line (the header the pane added is not counted).
    expect(c.failures[0]).toMatch(/^Rij 3: "veel" in kolom 2025 is geen bedrag\./);
    const cents = checkRealisatie(
      { kind: 'paste', text: row('SPUK IZA', 'X', { 2024: '1000,50' }) },
      ALMERE,
      EDITION,
    );
    expect(!cents.ok && cents.failures[0]).toMatch(/^Rij 1: /);
  });

  it('a realisatie belongs to one gemeente: the national view reads nothing', () => {
    expect(checkRealisatie({ kind: 'paste', text: PASTE }, LANDELIJK, EDITION)).toEqual({
      ok: false,
      failures: [NL.realisatiePaste.needsGemeente],
    });
  });
});

describe('the pane’s state: "Realisatie in werkmap zetten"', () => {
  const ready = () =>
    reduce(initialState(EDITION, ALMERE), { type: 'environment', env: { kind: 'ready' } }, labels);
  const checked = { ok: true as const, gemeente: ALMERE, editionId: EDITION, invoer: read(PASTE) };

  it('a checked realisatie starts a load that carries it and ticks the option; the status says so', () => {
    let s = reduce(ready(), { type: 'realisatie-checked', check: checked }, labels);
    expect(view(s).realisatie.summary?.text).toBe(
      '2 rijen realisatie voor Almere gelezen, samen €\u00a02.350.000 besteed:',
    );
    expect(view(s).realisatie.applyEnabled).toBe(true);
    s = reduce(s, { type: 'apply-realisatie' }, labels);
    expect(s.busy?.realisatie).toBe(checked.invoer);
    expect(s.selection.withRealisatie).toBe(true);
    s = reduce(s, { type: 'succeeded' }, labels);
    expect(s.message.text).toContain(NL.realisatiePaste.applied(2));
    expect(s.builtWith?.withRealisatie).toBe(true);
    // Now the werkmap has the sheet: another paste is refused before anything is written.
    s = reduce(s, { type: 'apply-realisatie' }, labels);
    expect(s.busy).toBeUndefined();
    expect(view(s).realisatie.failures).toEqual([NL.realisatiePaste.sheetExists]);
  });

  it('a refusal lists the failures; another gemeente or edition puts a reading aside', () => {
    let s = reduce(
      ready(),
      { type: 'realisatie-checked', check: { ok: false, failures: ['Rij 3: x'] } },
      labels,
    );
    expect(view(s).realisatie.failures).toEqual(['Rij 3: x']);
    expect(view(s).realisatie.applyEnabled).toBe(false);
    s = reduce(s, { type: 'realisatie-checked', check: checked }, labels);
    s = reduce(s, { type: 'select-gemeente', gemeente: 'GM0363' as never }, labels);
    expect(view(s).realisatie.note).toBe(NL.realisatiePaste.otherChoice('Almere'));
    expect(view(s).realisatie.applyEnabled).toBe(false);
    s = reduce(s, { type: 'apply-realisatie' }, labels);
    expect(s.busy).toBeUndefined();
    expect(defaultReferenceData().gemeenten.some((g) => g.code === 'GM0363')).toBe(true);
  });
});
