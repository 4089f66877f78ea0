import { FakeExcel } from '../../test/support/fake-excel';
import {
  ALMERE,
  installHost,
  memorySettings,
  paneRequest,
  removeHost,
  renderedFake,
} from '../../test/support/pane-host';
import { defaultEditionId, defaultReferenceData, editionInput, scenarioEditions } from '../data';
import type { CbsCode } from '../domain';
import type { RenderSuccess } from '../excel';
import { INPUT_NAMES, SHEETS, buildWorkbookPlan } from '../plan';
import { excelDate } from '../plan/begroting/beschikking-sheet';
import type { RenderRequest } from './controller';
import { LANDELIJK } from './gemeente-search';
import { NL } from './messages.nl';
import {
  SETTINGS_KEY,
  builtWithFromWorkbook,
  officeServices,
  paneEditions,
  parseBuiltWith,
  replacedInputs,
  filledInputs,
  scenarioEditionsFor,
  successDetail,
} from './office-services';
import { NO_COMPARISON } from './compare';
import { checkBeschikking } from './beschikking';
import type { Labels } from './state';
import { UNKNOWN_KEY, initialState, reduce, view } from './state';

const data = defaultReferenceData();

describe('parseBuiltWith (what the workbook remembers)', () => {
  it('accepts a known gemeente or the national view with a known key', () => {
    expect(parseBuiltWith({ gemeente: 'GM0034', keyId: 'inwoners', editionId: 'x' }, data)).toEqual({
      gemeente: 'GM0034',
      keyId: 'inwoners',
    });
    expect(parseBuiltWith({ gemeente: LANDELIJK, keyId: 'eigen' }, data)).toEqual({
      gemeente: LANDELIJK,
      keyId: 'eigen',
    });
  });

  it.each([
    undefined,
    null,
    'GM0034',
    {},
    { gemeente: 'GM9999', keyId: 'gelijk' },
    { gemeente: 'GM0034', keyId: 'x' },
  ])('ignores %p', (value) => {
    expect(parseBuiltWith(value, data)).toBeUndefined();
  });
});

describe('builtWithFromWorkbook (what the workbook shows)', () => {
  it('maps "NL" to the national view and keeps a known key, "eigen" included', () => {
    expect(builtWithFromWorkbook({ keyId: 'inwoners', gemeente: 'GM0034' }, data)).toEqual({
      gemeente: 'GM0034',
      keyId: 'inwoners',
    });
    expect(builtWithFromWorkbook({ keyId: 'gelijk', gemeente: 'NL' }, data)).toEqual({
      gemeente: LANDELIJK,
      keyId: 'gelijk',
    });
    expect(builtWithFromWorkbook({ keyId: 'eigen', gemeente: 'gm0034' }, data)).toEqual({
      gemeente: 'GM0034',
      keyId: 'eigen',
    });
  });

  it('keeps the key of a workbook whose gemeente cell holds no gemeente (national view)', () => {
    expect(builtWithFromWorkbook({ keyId: 'spuk-2026', gemeente: 'GM9999' }, data)).toEqual({
      gemeente: LANDELIJK,
      keyId: 'spuk-2026',
    });
  });

  it.each([undefined, { keyId: 'x', gemeente: 'GM0034' }, { keyId: 'SPUK-2025', gemeente: 'NL' }])(
    'ignores %p',
    (found) => {
      expect(builtWithFromWorkbook(found, data)).toBeUndefined();
    },
  );
});

describe('officeServices().readWorkbook', () => {
  let fake: FakeExcel;
  let settings: Record<string, unknown>;

  beforeAll(async () => {
    // A workbook made without the add-in's settings, e.g. by the CLI (same plan).
    fake = await renderedFake(
      buildWorkbookPlan(editionInput(defaultEditionId()), { key: 'inwoners', gemeente: ALMERE }),
    );
  });

  beforeEach(() => {
    const memory = memorySettings();
    settings = memory.stored;
    installHost(fake, memory);
  });

  afterEach(removeHost);

  it('falls back to the workbook itself without document settings (2 syncs, Excel’s notation in them)', async () => {
    const before = fake.syncCount;
    const services = officeServices();
    await expect(services.readWorkbook()).resolves.toEqual({
      gemeente: 'GM0034',
      keyId: 'inwoners',
      editionId: 'vws-2026-04',
    });
    // The notation (the paste's hint, #17) came with the same batch: no third round trip.
    await expect(services.excelNotation?.()).resolves.toBe('nl');
    expect(fake.syncCount - before).toBe(2);
  });

  it('trusts the workbook’s own marks before the document settings (office-js #594, #642)', async () => {
    // Settings left by a co-author or another host say something else: the workbook decides.
    settings[SETTINGS_KEY] = { gemeente: LANDELIJK, keyId: 'gelijk' };
    await expect(officeServices().readWorkbook()).resolves.toEqual({
      gemeente: 'GM0034',
      keyId: 'inwoners',
      editionId: 'vws-2026-04',
    });
  });

  it('uses the document settings only when the workbook says nothing or cannot be read', async () => {
    settings[SETTINGS_KEY] = { gemeente: LANDELIJK, keyId: 'gelijk' };
    const empty = new FakeExcel();
    installHost(empty, memorySettings(settings));
    await expect(officeServices().readWorkbook()).resolves.toEqual({ gemeente: LANDELIJK, keyId: 'gelijk' });
    empty.cellEditMode = true;
    await expect(officeServices().readWorkbook()).resolves.toEqual({ gemeente: LANDELIJK, keyId: 'gelijk' });
  });

  it('finds nothing in a new workbook (1 sync), and rejects when Excel fails', async () => {
    const empty = new FakeExcel();
    installHost(empty, memorySettings());
    await expect(officeServices().readWorkbook()).resolves.toBeUndefined();
    expect(empty.syncCount).toBe(1);
    empty.cellEditMode = true;
    await expect(officeServices().readWorkbook()).rejects.toMatchObject({
      failure: { kind: 'CellEditMode' },
    });
  });
});

describe('successDetail', () => {
  const base: RenderSuccess = {
    ok: true,
    syncs: 3,
    sheets: ['Overzicht'],
    addedSheets: [],
    replacedSheets: ['Overzicht'],
    restoredMarks: [],
    restoredFromBackup: false,
    cellsWritten: 10,
    formulaCells: 5,
    preservedInputs: [],
    skippedFeatures: [],
    batchBytes: [100],
  };

  it('says nothing when there is nothing to add', () => {
    expect(successDetail(base, false)).toBeUndefined();
  });

  it('counts kept inputs, but not the weights that were just replaced', () => {
    const report: RenderSuccess = {
      ...base,
      preservedInputs: [
        { name: INPUT_NAMES.weights, restoredRows: 342, changedCells: 2, droppedKeys: [] },
        { name: INPUT_NAMES.bbv, restoredRows: 15, changedCells: 1, droppedKeys: [] },
      ],
    };
    expect(successDetail(report, false)).toBe(NL.status.keptInputs(3));
    expect(successDetail(report, true)).toBe(NL.status.keptInputs(1));
  });

  it('says in Dutch that inputs came back from the restore point and which deleted marks were restored', () => {
    expect(successDetail({ ...base, restoredFromBackup: true }, false)).toBe(NL.status.restoredFromBackup);
    expect(NL.status.restoredFromBackup).toContain('teruggezet');
    expect(successDetail({ ...base, restoredMarks: ['Invoer'] }, false)).toBe(
      'De verborgen naam waaraan SPUK-begroting het blad “Invoer” herkent, was verwijderd en is hersteld.',
    );
    expect(
      successDetail(
        {
          ...base,
          restoredFromBackup: true,
          restoredMarks: ['Invoer', 'Overzicht', 'Verdeelsleutel'],
          preservedInputs: [{ name: INPUT_NAMES.bbv, restoredRows: 15, changedCells: 2, droppedKeys: [] }],
        },
        false,
      ),
    ).toBe(
      `${NL.status.restoredFromBackup} De verborgen namen waaraan SPUK-begroting de bladen “Invoer”, ` +
        `“Overzicht” en “Verdeelsleutel” herkent, waren verwijderd en zijn hersteld. ${NL.status.keptInputs(2)}`,
    );
  });

  it('names the cells a co-author changed during the load, and a removed add-in sheet (#17 item 8)', () => {
    expect(
      successDetail(
        {
          ...base,
          coauthorEdits: 2,
          coauthorCells: ['Verdeelsleutel!H11'],
          coauthorLost: [{ cell: 'Beschikking!C5', typed: '12345' }],
          removedSheets: ['Wat is er veranderd'],
        },
        false,
      ),
    ).toMatch(
      /^Iemand anders wijzigde tijdens het laden de cel .*Verdeelsleutel!H11.*teruggezet en telt mee\..*Beschikking!C5.*Het blad .Wat is er veranderd. hoort niet meer bij de werkmap en is verwijderd\.$/s,
    );
  });

  it('names dropped rows and missing features in Dutch', () => {
    const report: RenderSuccess = {
      ...base,
      preservedInputs: [
        { name: INPUT_NAMES.weights, restoredRows: 341, changedCells: 0, droppedKeys: ['GM0001'] },
      ],
      skippedFeatures: ['charts', 'conditionalFormats'],
    };
    expect(successDetail(report, false)).toBe(
      `${NL.status.droppedInputs(['GM0001'])} Niet beschikbaar in deze Excel-versie: grafieken, voorwaardelijke opmaak.`,
    );
  });
});

describe('an empty key cell (Verdeelsleutel!B5) is no dead end: the pane asks, as for "eigen" (fake host)', () => {
  const labels: Labels = { gemeente: (g) => g, edition: (e) => e };
  const selection = {
    gemeente: 'GM0034' as CbsCode,
    keyId: 'spuk-2025' as const,
    editionId: defaultEditionId(),
  };
  const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
    key: 'spuk-2025',
    gemeente: 'GM0034' as CbsCode,
  });
  const weights = plan.names.find((n) => n.name === INPUT_NAMES.weights)?.ref ?? '';
  const [weightSheet = '', weightRange = ''] = weights.replace(/\$/g, '').split('!');
  const weightCell = weightRange.split(':')[0] ?? '';
  let fake: FakeExcel;

  const request = (replaceWeights: boolean): RenderRequest =>
    paneRequest(selection, { replaceWeights, builtBefore: true });

  beforeEach(async () => {
    fake = await renderedFake(plan);
    fake.type(weightSheet, weightCell, 4242);
    fake.type(SHEETS.verdeelsleutel, 'B5', '');
    installHost(fake);
  });

  afterEach(removeHost);

  it('refused once (nothing written), the pane then asks; "Gewichten vervangen" replaces them and fills in the key', async () => {
    const before = fake.snapshot();
    const refused = await officeServices().render(request(false));
    expect(refused).toMatchObject({ ok: false, workbookKey: '' });
    expect(fake.snapshot()).toEqual(before);
    if (refused.ok) return;
    expect(refused.text).toContain('cel B5 op het blad Verdeelsleutel is leeg');

    // The pane's view model, as the controller feeds it.
    let s = reduce(
      initialState(defaultEditionId(), 'GM0034' as CbsCode),
      { type: 'environment', env: { kind: 'ready' } },
      labels,
    );
    s = reduce(s, { type: 'start', job: 'load' }, labels);
    s = reduce(s, { type: 'failed', text: refused.text, workbookKey: refused.workbookKey ?? '' }, labels);
    s = reduce(s, { type: 'start', job: 'refresh' }, labels);
    expect(s.confirm).toEqual({ job: 'refresh', from: UNKNOWN_KEY, to: 'spuk-2025' });
    expect(view(s).confirm?.text).toBe(NL.confirm.unknownText('SPUK 2025'));
    s = reduce(s, { type: 'confirm', accept: true }, labels);
    expect(s.busy?.replaceWeights).toBe(true);

    const replaced = await officeServices().render(request(true));
    expect(replaced.ok).toBe(true);
    expect(fake.values(SHEETS.verdeelsleutel, 'B5')).toEqual([['spuk-2025']]);
    expect(fake.values(weightSheet, weightCell)[0]?.[0]).not.toBe(4242);
  });

  it('"Annuleren" keeps them: after the user types the key into B5 the next run keeps the weights', async () => {
    const refused = await officeServices().render(request(false));
    expect(refused).toMatchObject({ ok: false, workbookKey: '' });
    let s = reduce(
      initialState(defaultEditionId(), 'GM0034' as CbsCode),
      { type: 'environment', env: { kind: 'ready' } },
      labels,
    );
    s = reduce(s, { type: 'start', job: 'load' }, labels);
    s = reduce(s, { type: 'failed', text: 'x', workbookKey: '' }, labels);
    s = reduce(s, { type: 'start', job: 'load' }, labels);
    s = reduce(s, { type: 'confirm', accept: false }, labels);
    expect(view(s).message.text).toBe(NL.status.cancelledUnknownKey);
    // The next click does not ask: the renderer checks the key cell again.
    s = reduce(s, { type: 'start', job: 'load' }, labels);
    expect(s.confirm).toBeUndefined();
    expect(s.busy?.replaceWeights).toBe(false);
    fake.type(SHEETS.verdeelsleutel, 'B5', 'spuk-2025');
    const kept = await officeServices().render({ ...request(false), builtBefore: false });
    expect(kept.ok).toBe(true);
    expect(fake.values(weightSheet, weightCell)).toEqual([[4242]]);
  });
});

describe('the success text after a restore (fake host)', () => {
  const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
    key: 'spuk-2025',
    gemeente: 'GM0034' as CbsCode,
  });
  const request = paneRequest({}, { builtBefore: true });
  let fake: FakeExcel;

  beforeEach(async () => {
    fake = await renderedFake(plan);
    installHost(fake);
  });

  afterEach(removeHost);

  it('after a write that stopped part-way, the next run says the inputs came from the restore point', async () => {
    // A kept weight: only inputs that differ from the plan's defaults need the restore point.
    const weights = plan.names.find((n) => n.name === INPUT_NAMES.weights)?.ref ?? '';
    const [sheet = '', range = ''] = weights.replace(/\$/g, '').split('!');
    fake.type(sheet, range.split(':')[0] ?? '', 4242);
    fake.failAtOperation(300);
    expect((await officeServices().render(request)).ok).toBe(false);
    const outcome = await officeServices().render(request);
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.ok && outcome.detail).toContain(NL.status.restoredFromBackup);
  });

  it('saves the document settings only when what was built changed (#17 item 9)', async () => {
    const settings = memorySettings();
    installHost(fake, settings);
    expect((await officeServices().render(request)).ok).toBe(true);
    expect(settings.saves).toBe(1);
    expect((await officeServices().render(request)).ok).toBe(true);
    expect(settings.saves).toBe(1);
    const other = { ...request, selection: { ...request.selection, keyId: 'inwoners' as const } };
    expect((await officeServices().render({ ...other, replaceWeights: true })).ok).toBe(true);
    expect(settings.saves).toBe(2);
  });

  it('says what to look at next: the SPUK AZWA beschikking, Overzicht, the model check, the sources and the begroting', async () => {
    const outcome = await officeServices().render(request);
    expect(outcome).toMatchObject({ ok: true });
    const all = outcome.ok ? (outcome.nextSteps ?? []) : [];
    // Almere in the newest edition receives SPUK AZWA 2027–2029 and entered no beschikking: asked first.
    expect(all).toHaveLength(5);
    expect(all[0]).toBe(NL.nextSteps.azwaBeschikking([2027, 2028, 2029]));
    const steps = all.slice(1);
    expect(steps[0]).toBe(NL.nextSteps.overzicht);
    expect(steps[1]).toBe(NL.nextSteps.controle(0));
    // The begroting's starter rows have no lasten yet: no signals.
    expect(steps[3]).toBe(NL.nextSteps.begroting(0));
    expect(steps[2]).toMatch(
      /^Van de \d+ bedragen per onderdeel en jaar zijn er \d+ gepubliceerd, \d+ afgeleid/,
    );
  });

  it('a deleted ownership mark: the run says it was restored', async () => {
    fake.deleteName(`SPUK_Blad_${SHEETS.verdeelsleutel}`);
    const outcome = await officeServices().render(request);
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.ok && outcome.detail).toContain(NL.status.restoredMarks([SHEETS.verdeelsleutel]));
  });
});

describe('a beschikking from the pane (issue 9 §4, fake host)', () => {
  const code = ALMERE;
  const plan = buildWorkbookPlan(editionInput(defaultEditionId()), { key: 'spuk-2025', gemeente: code });
  const rangeOf = (name: string): [string, string] => {
    const ref = plan.names.find((n) => n.name === name)?.ref ?? '';
    const [sheet = '', range = ''] = ref.replace(/\$/g, '').split('!');
    return [sheet, range];
  };
  const [gridSheet, gridRange] = rangeOf(INPUT_NAMES.beschikking);
  const [weightSheet, weightRange] = rangeOf(INPUT_NAMES.weights);
  const gridFirst = gridRange.split(':')[0] ?? '';
  const weightCell = weightRange.split(':')[0] ?? '';
  const numbers = (sheet: string, range: string): number[] =>
    fake
      .values(sheet, range)
      .flat()
      .filter((v): v is number => typeof v === 'number');
  const PASTE_2025 = 'Brede SPUK\t\t2025\t3.478.172';
  let fake: FakeExcel;

  beforeEach(async () => {
    fake = await renderedFake(plan);
    installHost(fake);
  });

  afterEach(removeHost);

  it('replaceInputs names Invoer_Beschikking (and its gemeente cell) only when the run carries a beschikking', () => {
    expect(replacedInputs({ replaceWeights: false, replaceNational: false })).toEqual([]);
    expect(replacedInputs({ replaceWeights: true, replaceNational: false, beschikking: [] })).toEqual([
      INPUT_NAMES.weights,
      'Invoer_Beschikking',
      INPUT_NAMES.beschikkingGemeente,
    ]);
  });

  it('writes Almere’s Brede SPUK 2025 (€ 3.478.172) over the grid, keeps the user’s weight, and says so', async () => {
    // The user's own inputs: a weight, and an amount typed in the beschikking grid.
    fake.type(weightSheet, weightCell, 4242);
    fake.type(gridSheet, gridFirst, 999);
    const check = checkBeschikking(
      { kind: 'paste', text: 'Brede SPUK\t\t2025\t3.478.172' },
      code,
      defaultReferenceData().gemeenten,
    );
    if (!check.ok) throw new Error(check.failures.join(' '));
    const outcome = await officeServices().render(
      paneRequest({}, { builtBefore: true, beschikking: check.regels }),
    );
    expect(outcome).toMatchObject({ ok: true });
    // The grid holds exactly the imported amount: the 999 the user typed there is replaced.
    expect(numbers(gridSheet, gridRange)).toEqual([3_478_172]);
    expect(fake.values(weightSheet, weightCell)).toEqual([[4242]]);
    expect(outcome.ok && outcome.detail).toContain(NL.status.keptInputs(1));
  });

  it('writes the pasted beschikkingsnummer and -datum on the sheet Beschikking, over what stood there', async () => {
    const [nummerSheet, nummerRange] = rangeOf(INPUT_NAMES.beschikkingNummer);
    const [datumSheet, datumRange] = rangeOf(INPUT_NAMES.beschikkingDatum);
    const [nummerTop = ''] = nummerRange.split(':');
    fake.type(nummerSheet, nummerTop, 'OUD-NUMMER');
    const check = checkBeschikking(
      {
        kind: 'paste',
        text:
          'Brede SPUK\t\t2025\t3.478.172\t1234567-202345-PG\t15-3-2025\n' +
          'Brede SPUK\t\t2026\t1.000.000\t\t\n',
      },
      code,
      defaultReferenceData().gemeenten,
    );
    if (!check.ok) throw new Error(check.failures.join(' '));
    expect(
      replacedInputs({ replaceWeights: false, replaceNational: false, beschikking: check.regels }),
    ).toEqual([INPUT_NAMES.beschikking, INPUT_NAMES.beschikkingGemeente]);
    expect(filledInputs({ beschikking: check.regels })).toEqual([
      INPUT_NAMES.beschikkingNummer,
      INPUT_NAMES.beschikkingDatum,
    ]);
    const outcome = await officeServices().render(
      paneRequest({}, { builtBefore: true, beschikking: check.regels }),
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(numbers(gridSheet, gridRange)).toEqual([3_478_172, 1_000_000]);
    // The Brede SPUK's row (the first) holds the number and the date (Excel's serial of 15-03-2025).
    expect(fake.values(nummerSheet, nummerRange).map((r) => r[0])).toEqual(['1234567-202345-PG', '', '', '']);
    expect(fake.values(datumSheet, datumRange).map((r) => r[0])).toEqual([
      excelDate('2025-03-15'),
      '',
      '',
      '',
    ]);
  });

  it('a pasted number for one regeling keeps the number the user typed for another (#17: no edit lost)', async () => {
    const [nummerSheet, nummerRange] = rangeOf(INPUT_NAMES.beschikkingNummer);
    const second = nummerRange.replace(
      /^([A-Z]+)(\d+):.*$/,
      (_m, c: string, r: string) => `${c}${Number(r) + 1}`,
    );
    fake.type(nummerSheet, second, 'IZA-EIGEN');
    const check = checkBeschikking(
      { kind: 'paste', text: 'Brede SPUK\t\t2025\t3.478.172\t1234567-202345-PG\t15-3-2025\n' },
      code,
      defaultReferenceData().gemeenten,
    );
    if (!check.ok) throw new Error(check.failures.join(' '));
    const outcome = await officeServices().render(
      paneRequest({}, { builtBefore: true, beschikking: check.regels }),
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(fake.values(nummerSheet, nummerRange).map((r) => r[0])).toEqual([
      '1234567-202345-PG',
      'IZA-EIGEN',
      '',
      '',
    ]);
  });

  it('a beschikking without those columns keeps the number the user typed', async () => {
    const [nummerSheet, nummerRange] = rangeOf(INPUT_NAMES.beschikkingNummer);
    const [nummerTop = ''] = nummerRange.split(':');
    fake.type(nummerSheet, nummerTop, 'EIGEN-NUMMER');
    const check = checkBeschikking(
      { kind: 'paste', text: PASTE_2025 },
      code,
      defaultReferenceData().gemeenten,
    );
    if (!check.ok) throw new Error(check.failures.join(' '));
    expect(
      replacedInputs({ replaceWeights: false, replaceNational: false, beschikking: check.regels }),
    ).toEqual([INPUT_NAMES.beschikking, INPUT_NAMES.beschikkingGemeente]);
    const outcome = await officeServices().render(
      paneRequest({}, { builtBefore: true, beschikking: check.regels }),
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(fake.values(nummerSheet, nummerTop)).toEqual([['EIGEN-NUMMER']]);
  });

  it('a run without a beschikking keeps what the user typed in the grid', async () => {
    fake.type(gridSheet, gridFirst, 999);
    const outcome = await officeServices().render(paneRequest({}, { builtBefore: true }));
    expect(outcome).toMatchObject({ ok: true });
    expect(numbers(gridSheet, gridRange)).toEqual([999]);
  });
});

describe('"Vergelijk met editie": the scenario request the CLI builds (werkboek --van, issue 16)', () => {
  const base = { gemeente: ALMERE, keyId: 'spuk-2025' as const, editionId: 'vws-2026-04' };
  const request = (compareWith?: string): RenderRequest =>
    paneRequest({ ...base, ...(compareWith !== undefined ? { compareWith } : {}) });
  let fake: FakeExcel;

  beforeEach(() => {
    fake = new FakeExcel();
    installHost(fake);
  });

  afterEach(removeHost);

  it('lists the editions newest first with date and vorige', () => {
    expect(paneEditions().map((e) => [e.id, e.vorige])).toEqual([
      ['vws-2026-04', 'vws-2025-09'],
      ['vws-2025-09', 'gala-2023'],
      ['gala-2023', null],
    ]);
    expect(paneEditions()[0]?.naam).toMatch(/\(22 april 2026\)$/);
  });

  it('the editions are scenarioEditions(editie, van) as the CLI takes them; "geen" compares with none', () => {
    expect(scenarioEditionsFor(base)).toEqual(scenarioEditions('vws-2026-04'));
    expect(scenarioEditionsFor(base).vorige?.edition.manifest.id).toBe('vws-2025-09');
    expect(scenarioEditionsFor({ ...base, compareWith: 'gala-2023' })).toEqual(
      scenarioEditions('vws-2026-04', 'gala-2023'),
    );
    expect(scenarioEditionsFor({ ...base, compareWith: 'gala-2023' }).vorige?.edition.manifest.id).toBe(
      'gala-2023',
    );
    const none = scenarioEditionsFor({ ...base, compareWith: NO_COMPARISON });
    expect(none.edition.edition.manifest.id).toBe('vws-2026-04');
    expect(none.vorige).toBeUndefined();
    // The first edition has nothing earlier; a later edition is never compared with.
    expect(scenarioEditionsFor({ editionId: 'gala-2023' }).vorige).toBeUndefined();
    expect(
      scenarioEditionsFor({ editionId: 'vws-2025-09', compareWith: 'vws-2026-04' }).vorige?.edition.manifest
        .id,
    ).toBe('gala-2023');
  });

  it('writes "Wat is er veranderd" from gala-2023 (GALA → Bijlage 2A) and says so', async () => {
    const outcome = await officeServices().render(request('gala-2023'));
    expect(outcome).toMatchObject({ ok: true });
    expect(fake.cell(SHEETS.verschil, 'A2')?.value).toMatch(/^Van editie gala-2023 naar vws-2026-04,/);
    const naam = paneEditions().find((e) => e.id === 'gala-2023')?.naam ?? '';
    expect(outcome.ok && outcome.detail).toContain(NL.compare.compared(naam));
  });

  it('the default compares with the edition’s vorige and adds no sentence', async () => {
    const outcome = await officeServices().render(request());
    expect(outcome).toMatchObject({ ok: true });
    expect(fake.cell(SHEETS.verschil, 'A2')?.value).toMatch(/^Van editie vws-2025-09 naar vws-2026-04,/);
    expect(outcome.ok && (outcome.detail ?? '')).not.toContain('vergelijk');
  });

  it('"geen": no sheet "Wat is er veranderd", and the pane says so', async () => {
    const outcome = await officeServices().render(request(NO_COMPARISON));
    expect(outcome).toMatchObject({ ok: true });
    expect(fake.sheetNames()).not.toContain(SHEETS.verschil);
    expect(fake.sheetNames()).toContain(SHEETS.overzicht);
    expect(outcome.ok && outcome.detail).toContain(NL.compare.notCompared);
  });

  it('remembers the choice in the document settings, and reads it back', async () => {
    const memory = memorySettings();
    const stored = memory.stored;
    installHost(fake, memory);
    expect((await officeServices().render(request('gala-2023'))).ok).toBe(true);
    expect(stored[SETTINGS_KEY]).toEqual({ ...base, compareWith: 'gala-2023' });
    expect(parseBuiltWith(stored[SETTINGS_KEY], data)).toEqual({ ...base, compareWith: 'gala-2023' });
    expect(parseBuiltWith({ ...base, compareWith: 'geen' }, data)?.compareWith).toBe('geen');
    expect(parseBuiltWith({ ...base, compareWith: 'gala-2022' }, data)).toEqual(base);
  });
});
