/**
 * The pane's option "Bladen Realisatie en Verantwoording toevoegen" through `officeServices()` on the
 * fake host: the first run adds the sheets Realisatie (an empty table), Besteding and Verantwoording
 * for a gemeente (not for the national view); the row the user then types in the table survives the
 * next run (a refresh, 2 syncs). On the next open the option shows what the workbook has: the sheet
 * Realisatie's mark first, the document settings only when the workbook cannot be read (#17 item 13,
 * office-js #594/#642), read in the same round trips as before. A realisatie pasted in the pane fills
 * the table when the run creates the sheet (as `werkboek --realisatie`), and the Verantwoording's
 * terugvordering (HyperFormula over what the renderer wrote) is the domain's to the euro.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import { hyperFormulaEvaluator } from '../../test/support/fake-excel/hyperformula';
import type { MemorySettings } from '../../test/support/pane-host';
import {
  ALMERE,
  installHost,
  memorySettings,
  paneRequest,
  realisatiePaste,
  removeHost,
} from '../../test/support/pane-host';
import { builtInKey, resolveScenario } from '../domain';
import type { RealisatieInvoer } from '../domain/verantwoording';
import { NL } from './messages.nl';
import { checkRealisatie, editionYears } from './realisatie';
import { defaultEditionId } from '../data';
import { SHEETS } from '../plan';
import { LANDELIJK } from './gemeente-search';
import { SETTINGS_KEY, officeServices, parseBuiltWith, scenarioEditionsFor } from './office-services';
import { defaultReferenceData } from '../data';
import type { Labels } from './state';
import { initialState, reduce } from './state';

let fake: FakeExcel;

const PASTE = realisatiePaste(editionYears(defaultEditionId()));

/** The pane's reading of a paste for Almere in the default edition (throws on a refusal). */
function read(text: string): RealisatieInvoer {
  const c = checkRealisatie({ kind: 'paste', text }, ALMERE, defaultEditionId());
  if (!c.ok) throw new Error(c.failures.join(' '));
  return c.invoer;
}

const request = (gemeente: string, builtBefore: boolean, withRealisatie: boolean) =>
  paneRequest({ gemeente: gemeente as never }, { builtBefore, withRealisatie });

beforeEach(() => {
  fake = new FakeExcel();
  installHost(fake);
});

afterEach(removeHost);

describe('the pane’s option to add the Realisatie', () => {
  it('adds Realisatie, Besteding and Verantwoording for a gemeente; a refresh keeps the user’s rows', async () => {
    expect((await officeServices().render(request('GM0034', false, true))).ok).toBe(true);
    const names = fake.sheetNames();
    for (const sheet of [SHEETS.realisatie, SHEETS.besteding, SHEETS.verantwoording])
      expect(names).toContain(sheet);
    fake.type(SHEETS.realisatie, 'A7:C7', [['Brede SPUK', '', 'Ontschot']]);
    fake.type(SHEETS.realisatie, 'I7:J7', [[1_000_000, 900_000]]);
    const before = fake.values(SHEETS.realisatie, 'A7:Q7');
    const syncs = fake.syncCount;
    expect((await officeServices().render(request('GM0034', true, true))).ok).toBe(true);
    expect(fake.syncCount - syncs).toBe(2);
    expect(fake.values(SHEETS.realisatie, 'A7:Q7')).toEqual(before);
    expect(before[0]?.slice(0, 3)).toEqual(['Brede SPUK', '', 'Ontschot']);
  });

  it('adds nothing without the option or in the national view', async () => {
    expect((await officeServices().render(request('GM0034', false, false))).ok).toBe(true);
    expect(fake.sheetNames()).not.toContain(SHEETS.realisatie);
    fake = new FakeExcel();
    installHost(fake);
    expect((await officeServices().render(request(LANDELIJK, false, true))).ok).toBe(true);
    expect(fake.sheetNames()).not.toContain(SHEETS.realisatie);
    expect(fake.sheetNames()).not.toContain(SHEETS.verantwoording);
  });
});

describe('the option is remembered: the workbook’s sheet Realisatie first, the settings as a fallback', () => {
  const data = defaultReferenceData();
  const labels: Labels = { gemeente: (g) => g, edition: (e) => e };
  let settings: MemorySettings;

  /** A workbook built by the pane, with or without the option; the settings then start empty. */
  async function built(withRealisatie: boolean): Promise<void> {
    settings = memorySettings();
    installHost(fake, settings);
    expect((await officeServices().render(request('GM0034', false, withRealisatie))).ok).toBe(true);
    expect(parseBuiltWith(settings.stored[SETTINGS_KEY], data)?.withRealisatie).toBe(
      withRealisatie ? true : undefined,
    );
  }

  /** The workbook read at the next open, as a fresh pane (other settings, same workbook). */
  async function reopen(stored: Record<string, unknown> = {}) {
    settings = memorySettings(stored);
    installHost(fake, settings);
    const syncs = fake.syncCount;
    const found = await officeServices().readWorkbook();
    return { found, syncs: fake.syncCount - syncs };
  }

  it('a workbook with the sheet Realisatie: the option is ticked, without document settings, still 2 syncs', async () => {
    await built(true);
    const { found, syncs } = await reopen();
    expect(found).toEqual({
      gemeente: 'GM0034',
      keyId: 'spuk-2025',
      editionId: defaultEditionId(),
      withRealisatie: true,
    });
    expect(syncs).toBe(2);
    // The pane shows it: the state follows the workbook, and a refresh asks for the sheets again.
    let s = reduce(
      initialState(defaultEditionId(), LANDELIJK),
      { type: 'workbook-found', builtWith: found! },
      labels,
    );
    s = reduce(s, { type: 'environment', env: { kind: 'ready' } }, labels);
    expect(s.selection.withRealisatie).toBe(true);
    s = reduce(s, { type: 'start', job: 'refresh' }, labels);
    s = reduce(s, { type: 'succeeded' }, labels);
    expect(s.builtWith?.withRealisatie).toBe(true);
  });

  it('the workbook decides over settings that say otherwise (a co-author, another host)', async () => {
    await built(false);
    const stale = { gemeente: 'GM0034', keyId: 'spuk-2025', withRealisatie: true };
    const { found } = await reopen({ [SETTINGS_KEY]: stale });
    expect(found?.withRealisatie).toBeUndefined();
    // Ticked before (the user's choice), the workbook without the sheet unticks it.
    let s = reduce(
      initialState(defaultEditionId(), LANDELIJK),
      { type: 'environment', env: { kind: 'ready' } },
      labels,
    );
    s = reduce(s, { type: 'select-realisatie', withRealisatie: true }, labels);
    expect(s.selection.withRealisatie).toBe(true);
    s = reduce(s, { type: 'workbook-found', builtWith: found! }, labels);
    expect(s.selection.withRealisatie).toBeUndefined();
  });

  it('a sheet Realisatie deleted by the user (its mark now #REF!) unticks it', async () => {
    await built(true);
    fake.deleteSheet(SHEETS.realisatie);
    const { found } = await reopen({
      [SETTINGS_KEY]: { gemeente: 'GM0034', keyId: 'spuk-2025', withRealisatie: true },
    });
    expect(found?.gemeente).toBe('GM0034');
    expect(found?.withRealisatie).toBeUndefined();
  });

  it('the settings only when the workbook cannot be read', async () => {
    await built(true);
    fake.cellEditMode = true;
    const remembered = { gemeente: 'GM0034', keyId: 'spuk-2025', withRealisatie: true };
    expect((await reopen({ [SETTINGS_KEY]: remembered })).found).toEqual(remembered);
    expect(parseBuiltWith({ ...remembered, withRealisatie: 'ja' }, data)?.withRealisatie).toBeUndefined();
  });

  it('the national view never records the option (it adds no sheets)', () => {
    let s = reduce(
      initialState(defaultEditionId(), LANDELIJK),
      { type: 'environment', env: { kind: 'ready' } },
      labels,
    );
    s = reduce(s, { type: 'select-realisatie', withRealisatie: true }, labels);
    s = reduce(s, { type: 'start', job: 'load' }, labels);
    s = reduce(s, { type: 'succeeded' }, labels);
    expect(s.builtWith?.withRealisatie).toBeUndefined();
  });
});

describe('the pasted realisatie in the werkmap (fake host, HyperFormula)', () => {
  /** The values right of every row of the sheet Verantwoording whose first cell is `label`. */
  function figures(label: string): unknown[] {
    const column = fake.values(SHEETS.verantwoording, 'A1:B400');
    return column.filter((r) => r[0] === label).map((r) => r[1]);
  }

  it('lands in the table Realisatie; the Verantwoording’s terugvordering is the domain’s, to the euro', async () => {
    fake = new FakeExcel({ evaluator: hyperFormulaEvaluator() });
    installHost(fake);
    const invoer = read(PASTE);
    const request = paneRequest({}, { realisatie: invoer });
    const outcome = await officeServices().render(request);
    expect(outcome).toMatchObject({ ok: true });
    for (const sheet of [SHEETS.realisatie, SHEETS.besteding, SHEETS.verantwoording])
      expect(fake.sheetNames()).toContain(sheet);
    // The table holds the pasted rows, as `werkboek --realisatie` fills it (row 7 = the first row).
    const table = fake.values(SHEETS.realisatie, 'A7:I8');
    expect(table.map((r) => [r[0], r[2], r[6], r[7], r[8]])).toEqual([
      ['Brede SPUK', 'Buurtsportcoaches', 400_000, 1_450_000, 300_000],
      ['SPUK IZA', 'Regionaal plan', 120_000, 80_000, ''],
    ]);
    // The domain, on the same request (edition, key, gemeente, realisatie).
    const editions = scenarioEditionsFor(request.selection);
    const scenario = resolveScenario({
      ...editions,
      key: builtInKey('spuk-2025', editions.edition.base),
      gemeente: ALMERE,
      beschikking: [],
      realisatie: invoer,
    });
    // "onbekend" where the domain refuses it (Almere passed nothing on to its members: #18 review).
    const domain =
      scenario.verantwoording?.regelingen.map((r) => r.terugvordering.cumulatief ?? 'onbekend') ?? [];
    expect(domain.length).toBeGreaterThan(0);
    expect(domain.some((x) => typeof x === 'number' && x > 0)).toBe(true);
    expect(figures('Verwachte terugvordering: cumulatief over de looptijd')).toEqual(domain);
    const besteding = scenario.verantwoording?.regelingen.map((r) => r.jaren[0]?.besteding);
    expect(besteding?.[0]).toBe(400_000);
  });

  it('an existing table Realisatie is never overwritten: the run says the rows were not put in', async () => {
    expect((await officeServices().render(paneRequest({}, { withRealisatie: true }))).ok).toBe(true);
    fake.type(SHEETS.realisatie, 'A7:C7', [['Brede SPUK', '', 'Eigen rij']]);
    const before = fake.values(SHEETS.realisatie, 'A7:Q9');
    const outcome = await officeServices().render(
      paneRequest({}, { builtBefore: true, realisatie: read(PASTE) }),
    );
    expect(outcome).toEqual({ ok: false, text: NL.realisatiePaste.notWritten });
    expect(fake.values(SHEETS.realisatie, 'A7:Q9')).toEqual(before);
  });
});

describe('unticking the option in a werkmap with the sheet Realisatie', () => {
  const labels: Labels = { gemeente: (g) => g, edition: (e) => e };
  const LEFT: string[] = [SHEETS.realisatie, SHEETS.besteding, SHEETS.verantwoording];

  /** The pane's state for a werkmap with the sheet, ready. */
  function readyWithSheet() {
    let s = reduce(
      initialState(defaultEditionId(), LANDELIJK),
      {
        type: 'workbook-found',
        builtWith: {
          gemeente: ALMERE,
          keyId: 'spuk-2025',
          editionId: defaultEditionId(),
          withRealisatie: true,
        },
      },
      labels,
    );
    s = reduce(s, { type: 'environment', env: { kind: 'ready' } }, labels);
    expect(s.selection.withRealisatie).toBe(true);
    return s;
  }

  it('an empty table: the pane says the sheets go; the run removes all three (2 syncs)', async () => {
    expect((await officeServices().render(request('GM0034', false, true))).ok).toBe(true);
    expect(await officeServices().realisatieRows?.()).toBe(0);
    const s = reduce(
      readyWithSheet(),
      { type: 'select-realisatie', withRealisatie: false, tableRows: 0 },
      labels,
    );
    expect(s.selection.withRealisatie).toBeUndefined();
    expect(s.message.text).toBe(NL.realisatie.willRemove);

    const syncs = fake.syncCount;
    const outcome = await officeServices().render(
      paneRequest({}, { builtBefore: true, dropRealisatie: true }),
    );
    expect(outcome.ok).toBe(true);
    expect(fake.syncCount - syncs).toBe(2);
    expect(outcome.ok && outcome.realisatieKept).toBeFalsy();
    expect(outcome.ok && outcome.detail).toContain('Realisatie');
    for (const sheet of LEFT) expect(fake.sheetNames()).not.toContain(sheet);
    const done = reduce(
      reduce(s, { type: 'start', job: 'refresh' }, labels),
      outcome.ok
        ? { type: 'succeeded', ...(outcome.detail ? { detail: outcome.detail } : {}) }
        : { type: 'failed', text: '' },
      labels,
    );
    expect(done.builtWith?.withRealisatie).toBeUndefined();
  });

  it('a table with rows: the option stays on and the pane says why, before any run; the run keeps them too', async () => {
    expect((await officeServices().render(request('GM0034', false, true))).ok).toBe(true);
    fake.type(SHEETS.realisatie, 'A7:C7', [['Brede SPUK', '', 'Ontschot']]);
    const row = ['SPUK IZA', '', 'Regionaal plan'];
    const columns = fake.values(SHEETS.realisatie, 'A6:Z6')[0]?.filter((h) => h !== '').length ?? 0;
    fake.appendTableRows('Realisatie', [[...row, ...Array.from({ length: columns - row.length }, () => '')]]);
    expect(await officeServices().realisatieRows?.()).toBe(2);
    const s = reduce(
      readyWithSheet(),
      { type: 'select-realisatie', withRealisatie: false, tableRows: 2 },
      labels,
    );
    expect(s.selection.withRealisatie).toBe(true);
    expect(s.message.text).toBe(NL.realisatie.keptRows(2));
    expect(s.message.text).toMatch(/^De werkmap heeft een Realisatie met 2 regels: /);

    // Should the run still be asked (rows typed after the check), the renderer keeps the sheets.
    const before = fake.snapshot().sheets.filter((x) => LEFT.includes(x.name));
    const outcome = await officeServices().render(
      paneRequest({}, { builtBefore: true, dropRealisatie: true }),
    );
    expect(outcome).toMatchObject({ ok: true, realisatieKept: true });
    expect(outcome.ok && outcome.detail).toContain(NL.realisatie.stayed);
    expect(fake.snapshot().sheets.filter((x) => LEFT.includes(x.name))).toEqual(before);
    const done = reduce(
      reduce(
        reduce(readyWithSheet(), { type: 'select-realisatie', withRealisatie: false, tableRows: 0 }, labels),
        { type: 'start', job: 'refresh' },
        labels,
      ),
      { type: 'succeeded', realisatieKept: true },
      labels,
    );
    expect(done.selection.withRealisatie).toBe(true);
    expect(done.builtWith?.withRealisatie).toBe(true);
  });

  it('a werkmap without the table: no rows to count (1 sync)', async () => {
    expect((await officeServices().render(request('GM0034', false, false))).ok).toBe(true);
    const syncs = fake.syncCount;
    expect(await officeServices().realisatieRows?.()).toBeUndefined();
    expect(fake.syncCount - syncs).toBe(1);
  });
});
