/**
 * A realisatie pasted (or loaded as CSV) in the pane into a werkmap that has its own table Realisatie
 * (#19): "Toevoegen" appends the rows, refused (naming the rows) when a row's Regeling|Onderdeel|
 * Activiteit is in the table already, since the besteding would count twice; "Vervangen" asks first how
 * many rows are replaced by how many, and keeps the previous rows on the sheet "Realisatie (vorige)".
 * Through `officeServices()` on the fake host (2 syncs), and the pane's state machine.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import { ALMERE, installHost, paneRequest, realisatiePaste, removeHost } from '../../test/support/pane-host';
import { defaultEditionId } from '../data';
import type { RealisatieInvoer } from '../domain/verantwoording';
import { SHEETS } from '../plan';
import { KEPT_SHEET, NL } from './messages.nl';
import { officeServices } from './office-services';
import { checkRealisatie, editionYears } from './realisatie';
import type { Labels, State } from './state';
import { initialState, reduce, view } from './state';

const EDITION = defaultEditionId();
const PASTE = realisatiePaste(editionYears(EDITION));

function read(text: string): RealisatieInvoer {
  const c = checkRealisatie({ kind: 'paste', text }, ALMERE, EDITION);
  if (!c.ok) throw new Error(c.failures.join(' '));
  return c.invoer;
}

let fake: FakeExcel;

/** A werkmap built with the option (an empty table Realisatie) and one row the user typed in it. */
async function withOwnRow(): Promise<void> {
  fake = new FakeExcel();
  installHost(fake);
  expect((await officeServices().render(paneRequest({}, { withRealisatie: true }))).ok).toBe(true);
  fake.type(SHEETS.realisatie, 'A7:C7', [['Brede SPUK', '', 'Eigen rij']]);
  fake.type(SHEETS.realisatie, 'G7', 5000);
}

/** Regeling and Activiteit of the table's rows 7…`last`. */
function rows(last: number, sheet: string = SHEETS.realisatie, first = 7): unknown[][] {
  return fake.values(sheet, `A${first}:G${last}`).map((r) => [r[0], r[2], r[6]]);
}

afterEach(removeHost);

describe('Toevoegen: the pasted rows below the table’s own', () => {
  it('appends them in the refresh (2 syncs); the user’s row stays; the status says where they are', async () => {
    await withOwnRow();
    const syncs = fake.syncCount;
    const outcome = await officeServices().render(
      paneRequest({}, { builtBefore: true, realisatie: read(PASTE), realisatieMode: 'append' }),
    );
    expect(outcome.ok).toBe(true);
    expect(fake.syncCount - syncs).toBe(2);
    expect(outcome.ok && outcome.detail).toContain(NL.realisatiePaste.appended(2));
    expect(rows(9)).toEqual([
      ['Brede SPUK', 'Eigen rij', 5000],
      ['Brede SPUK', 'Buurtsportcoaches', 400_000],
      ['SPUK IZA', 'Regionaal plan', 120_000],
    ]);
    expect(fake.snapshot().sheets.find((s) => s.name === SHEETS.realisatie)?.tables[0]?.range).toMatch(
      /^A6:[A-Z]+9$/,
    );

    // The same paste again would count that besteding twice: refused, naming the rows; nothing changed.
    const before = fake.snapshot();
    const again = await officeServices().render(
      paneRequest({}, { builtBefore: true, realisatie: read(PASTE), realisatieMode: 'append' }),
    );
    expect(again.ok).toBe(false);
    const text = again.ok ? '' : again.text;
    expect(text).toContain('regel 1 (Brede SPUK, Buurtsportcoaches) staat al op rij 8');
    expect(text).toContain('regel 2 (SPUK IZA, Regionaal plan) staat al op rij 9');
    expect(text).toContain('twee keer tellen');
    expect(text).toContain('Vervangen');
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('Vervangen: only after the user agreed to the number, the previous rows kept', () => {
  it('asks with both numbers, then replaces; the rows stay on "Realisatie (vorige)"', async () => {
    await withOwnRow();
    const before = fake.snapshot();
    const ask = await officeServices().render(
      paneRequest({}, { builtBefore: true, realisatie: read(PASTE), realisatieMode: 'replace' }),
    );
    expect(ask).toMatchObject({ ok: false, replaceRows: { existing: 1, given: 2 } });
    expect(fake.snapshot()).toEqual(before);

    const outcome = await officeServices().render(
      paneRequest(
        {},
        { builtBefore: true, realisatie: read(PASTE), realisatieMode: 'replace', replaceRows: 1 },
      ),
    );
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.detail).toContain(NL.realisatiePaste.replaced(1, 2, KEPT_SHEET));
    expect(rows(8)).toEqual([
      ['Brede SPUK', 'Buurtsportcoaches', 400_000],
      ['SPUK IZA', 'Regionaal plan', 120_000],
    ]);
    expect(fake.values(KEPT_SHEET, 'A1')[0]?.[0]).toMatch(/^Realisatie zoals die in de tabel stond vóór/);
    expect(fake.values(KEPT_SHEET, 'A3:C3')).toEqual([['Regeling', 'Onderdeel', 'Activiteit']]);
    expect(rows(4, KEPT_SHEET, 4)).toEqual([['Brede SPUK', 'Eigen rij', 5000]]);
  });
});

describe('the pane’s state: Toevoegen, Vervangen and the question', () => {
  const labels: Labels = { gemeente: (g) => g, edition: (e) => e };
  const invoer = read(PASTE);

  function existing(): State {
    let s = reduce(
      initialState(EDITION, ALMERE),
      {
        type: 'workbook-found',
        builtWith: { gemeente: ALMERE, keyId: 'spuk-2025', editionId: EDITION, withRealisatie: true },
      },
      labels,
    );
    s = reduce(s, { type: 'environment', env: { kind: 'ready' } }, labels);
    return reduce(
      s,
      { type: 'realisatie-checked', check: { ok: true, gemeente: ALMERE, editionId: EDITION, invoer } },
      labels,
    );
  }

  it('offers both when the werkmap has its table; Toevoegen starts an append', () => {
    const s = existing();
    expect(view(s).realisatie.existingTable).toBe(true);
    const busy = reduce(s, { type: 'apply-realisatie', mode: 'append' }, labels).busy;
    expect(busy).toMatchObject({ realisatie: invoer, realisatieMode: 'append' });
    expect(busy?.replaceRows).toBeUndefined();
  });

  it('Vervangen: the renderer’s count becomes the question; agreeing runs with that number', () => {
    let s = reduce(existing(), { type: 'apply-realisatie', mode: 'replace' }, labels);
    expect(s.busy?.realisatieMode).toBe('replace');
    s = reduce(s, { type: 'failed', text: 'x', replaceRows: { existing: 12, given: 2 } }, labels);
    expect(s.busy).toBeUndefined();
    expect(view(s).confirm).toEqual({
      title: NL.realisatiePaste.replaceTitle,
      text:
        'De tabel Realisatie heeft 12 regels. Wilt u die allemaal vervangen door de 2 geplakte regels? ' +
        `De huidige regels blijven bewaard op een nieuw blad “${KEPT_SHEET}”, dat SPUK-begroting daarna nooit meer wijzigt.`,
      accept: '12 regels vervangen',
    });
    const agreed = reduce(s, { type: 'confirm', accept: true }, labels);
    expect(agreed.busy).toMatchObject({ realisatieMode: 'replace', replaceRows: 12, replaceWeights: false });
    const cancelled = reduce(s, { type: 'confirm', accept: false }, labels);
    expect(cancelled.busy).toBeUndefined();
    expect(cancelled.message.text).toBe(NL.realisatiePaste.notReplaced);
    expect(cancelled.realisatie.kind).toBe('checked');
  });

  it('without a choice (the old button) a werkmap with its own table still refuses', () => {
    const s = reduce(existing(), { type: 'apply-realisatie' }, labels);
    expect(s.busy).toBeUndefined();
    expect(view(s).realisatie.failures).toEqual([NL.realisatiePaste.sheetExists]);
  });
});
