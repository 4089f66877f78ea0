/**
 * The pane's option "Bladen Realisatie en Verantwoording toevoegen" through `officeServices()` on the
 * fake host: the first run adds the sheets Realisatie (an empty table), Besteding and Verantwoording
 * for a gemeente (not for the national view); the row the user then types in the table survives the
 * next run (a refresh, 2 syncs). On the next open the option shows what the workbook has: the sheet
 * Realisatie's mark first, the document settings only when the workbook cannot be read (#17 item 13,
 * office-js #594/#642), read in the same round trips as before.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import type { MemorySettings } from '../../test/support/pane-host';
import { installHost, memorySettings, paneRequest, removeHost } from '../../test/support/pane-host';
import { defaultEditionId } from '../data';
import { SHEETS } from '../plan';
import { LANDELIJK } from './gemeente-search';
import { SETTINGS_KEY, officeServices, parseBuiltWith } from './office-services';
import { defaultReferenceData } from '../data';
import type { Labels } from './state';
import { initialState, reduce } from './state';

let fake: FakeExcel;

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
