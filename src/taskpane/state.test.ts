import type { CbsCode } from '../domain';
import { LANDELIJK } from './gemeente-search';
import { KEY_TEXTS, NL } from './messages.nl';
import type { Action, Labels, State } from './state';
import { UNKNOWN_KEY, composeProgress, initialState, messageRole, reduce, view } from './state';
import { NO_COMPARISON } from './compare';

const labels: Labels = {
  gemeente: (c) => (c === LANDELIJK ? 'heel Nederland' : c === 'GM0034' ? 'Almere' : c),
  edition: (id) => (id === 'vws-2026-04' ? 'SPUK AZWA 2027–2029' : id),
};
const ALMERE = 'GM0034' as CbsCode;

function run(state: State, ...actions: Action[]): State {
  return actions.reduce((s, a) => reduce(s, a, labels), state);
}

const start = initialState('vws-2026-04', LANDELIJK);
const ready = run(start, { type: 'environment', env: { kind: 'ready' } });

describe('initial state and environment', () => {
  it('starts with spuk-2025, the national view, disabled controls and a polite status', () => {
    expect(start.selection).toEqual({
      gemeente: LANDELIJK,
      keyId: 'spuk-2025',
      editionId: 'vws-2026-04',
    });
    const v = view(start);
    expect(v.controlsEnabled).toBe(false);
    expect(v.message).toEqual({ tone: 'info', text: NL.status.starting, role: 'status' });
  });

  it('enables loading, not refreshing, in Excel without an existing workbook', () => {
    const v = view(ready);
    expect(v).toMatchObject({ showForm: true, loadEnabled: true, refreshEnabled: false });
    expect(v.message.text).toBe(NL.status.ready);
  });

  it.each([
    [{ kind: 'outside-excel', reason: 'no-office' } as const, NL.environment.noOffice],
    [{ kind: 'outside-excel', reason: 'no-host' } as const, NL.environment.noHost],
    [
      { kind: 'outside-excel', reason: 'other-host', host: 'Word' } as const,
      NL.environment.otherHost('Word'),
    ],
    [{ kind: 'unsupported' } as const, NL.environment.unsupported],
  ])('outside Excel (%o) hides the form and says why in an alert', (env, text) => {
    const s = run(start, { type: 'environment', env });
    const v = view(s);
    expect(v.showForm).toBe(false);
    expect(v.loadEnabled).toBe(false);
    expect(v.message.text).toBe(text);
    expect(v.message.role).toBe('alert');
    // Nothing can start there.
    expect(run(s, { type: 'start', job: 'load' }).busy).toBeUndefined();
  });
});

describe('choosing', () => {
  it('records gemeente, key and edition', () => {
    const s = run(
      ready,
      { type: 'select-gemeente', gemeente: ALMERE },
      { type: 'select-key', keyId: 'inwoners' },
      { type: 'select-edition', editionId: 'x' },
    );
    expect(s.selection).toEqual({ gemeente: ALMERE, keyId: 'inwoners', editionId: 'x' });
  });

  it('warns about text that is no gemeente, and clears the warning on a valid choice', () => {
    const s = run(ready, { type: 'invalid-gemeente', text: 'Atlantis' });
    expect(view(s).message).toMatchObject({
      tone: 'warning',
      role: 'alert',
      text: NL.gemeente.invalid('Atlantis'),
    });
    const t = run(s, { type: 'select-gemeente', gemeente: ALMERE });
    expect(view(t).message).toMatchObject({ tone: 'info', role: 'status', text: NL.status.ready });
  });

  it('follows what an existing workbook was built with', () => {
    const s = run(ready, {
      type: 'workbook-found',
      builtWith: { gemeente: ALMERE, keyId: 'gelijk', editionId: 'vws-2026-04' },
    });
    expect(s.selection).toMatchObject({ gemeente: ALMERE, keyId: 'gelijk' });
    const v = view(s);
    expect(v.refreshEnabled).toBe(true);
    expect(v.message.text).toBe(NL.status.existing('Almere', 'Gelijk'));
  });

  it('keeps the current key when the workbook has a custom one, and says a run will ask first', () => {
    const s = run(ready, {
      type: 'workbook-found',
      builtWith: { gemeente: ALMERE, keyId: 'eigen', editionId: 'vws-2026-04' },
    });
    expect(s.selection.keyId).toBe('spuk-2025');
    expect(view(s).refreshEnabled).toBe(true);
    expect(view(s).message.text).toBe(NL.status.existingOwnKey('Almere'));
  });

  it('reads the workbook before the environment is known (the controls open after it)', () => {
    const s = run(
      start,
      {
        type: 'workbook-found',
        builtWith: { gemeente: ALMERE, keyId: 'inwoners', editionId: 'vws-2026-04' },
      },
      { type: 'environment', env: { kind: 'ready' } },
    );
    expect(s.selection).toMatchObject({ gemeente: ALMERE, keyId: 'inwoners' });
    expect(view(s)).toMatchObject({ controlsEnabled: true, refreshEnabled: true });
    expect(view(s).message.text).toBe(NL.status.existing('Almere', 'Inwoners'));
  });
});

describe('loading and refreshing', () => {
  const loading = run(ready, { type: 'select-gemeente', gemeente: ALMERE }, { type: 'start', job: 'load' });

  it('starts a load at step 1 with the controls locked', () => {
    expect(loading.busy).toEqual({
      job: 'load',
      replaceWeights: false,
      replaceNational: false,
      step: 1,
      total: 2,
      label: NL.progress.prepare,
    });
    const v = view(loading);
    expect(v.controlsEnabled).toBe(false);
    expect(v.progress?.text).toBe('Stap 1 van 2: Berekening voorbereiden');
    // A second click while busy does nothing; choices are frozen.
    expect(run(loading, { type: 'start', job: 'load' })).toBe(loading);
    expect(run(loading, { type: 'select-key', keyId: 'gelijk' })).toBe(loading);
  });

  it('reports progress as "stap x van y", clamped', () => {
    const p = composeProgress(2, 4);
    expect(p).toEqual({ step: 3, total: 5 });
    const s = run(loading, { type: 'progress', ...p, label: 'waarden schrijven' });
    expect(view(s).progress).toEqual({ text: 'Stap 3 van 5: waarden schrijven', value: 3, max: 5 });
    expect(run(loading, { type: 'progress', step: 9, total: 5, label: 'x' }).busy?.step).toBe(5);
    expect(composeProgress(0, 0)).toEqual({ step: 2, total: 2 });
  });

  it('ends a load with a success status and remembers the build', () => {
    const s = run(loading, { type: 'succeeded' });
    expect(s.busy).toBeUndefined();
    expect(s.builtWith).toEqual({ gemeente: ALMERE, keyId: 'spuk-2025', editionId: 'vws-2026-04' });
    const v = view(s);
    expect(v.message).toEqual({
      tone: 'success',
      role: 'status',
      text: `${NL.status.loaded('Almere', KEY_TEXTS['spuk-2025'].label)} ${NL.status.edition('SPUK AZWA 2027–2029')}`,
    });
    expect(v.refreshEnabled).toBe(true);
    expect(v.progress).toBeUndefined();
  });

  it('shows the next steps after a load as a list under the success text', () => {
    const steps = ['Begin op het blad Overzicht.', 'Modelcontrole: OK.', 'Van de 10 bedragen …'];
    const v = view(run(loading, { type: 'succeeded', nextSteps: steps }));
    expect(v.message).toMatchObject({ tone: 'success', role: 'status', steps });
    // A later failure replaces the list (no stale steps next to an error).
    const after = run(
      run(run(loading, { type: 'succeeded', nextSteps: steps }), { type: 'start', job: 'load' }),
      {
        type: 'failed',
        text: 'mis',
      },
    );
    expect(view(after).message.steps).toBeUndefined();
  });

  it('refreshes with the same key without asking', () => {
    const built = run(loading, { type: 'succeeded' });
    const s = run(built, { type: 'start', job: 'refresh' });
    expect(s.confirm).toBeUndefined();
    expect(s.busy).toMatchObject({ job: 'refresh', replaceWeights: false });
    expect(view(run(s, { type: 'succeeded' })).message.text).toBe(NL.status.refreshed('Almere'));
  });

  it('does not refresh before anything was built', () => {
    expect(run(ready, { type: 'start', job: 'refresh' })).toBe(ready);
  });

  it('shows a failure as an alert and keeps what was built before', () => {
    const built = run(loading, { type: 'succeeded' });
    const s = run(built, { type: 'start', job: 'refresh' }, { type: 'failed', text: 'Excel is bezig.' });
    expect(s.busy).toBeUndefined();
    expect(s.builtWith).toEqual(built.builtWith);
    expect(view(s).message).toEqual({ tone: 'error', role: 'alert', text: 'Excel is bezig.' });
    expect(view(s).loadEnabled).toBe(true);
  });

  it('ignores stray progress and results when idle', () => {
    expect(run(ready, { type: 'progress', step: 1, total: 2, label: 'x' })).toBe(ready);
    expect(run(ready, { type: 'succeeded' })).toBe(ready);
    expect(run(ready, { type: 'failed', text: 'x' })).toBe(ready);
    expect(run(ready, { type: 'confirm', accept: true })).toBe(ready);
  });
});

describe('switching the key of an existing workbook', () => {
  const built = run(
    ready,
    { type: 'workbook-found', builtWith: { gemeente: ALMERE, keyId: 'spuk-2025', editionId: 'vws-2026-04' } },
    { type: 'select-key', keyId: 'inwoners' },
  );
  const asking = run(built, { type: 'start', job: 'refresh' });

  it('asks before replacing the weights', () => {
    expect(asking.busy).toBeUndefined();
    expect(asking.confirm).toEqual({ job: 'refresh', from: 'spuk-2025', to: 'inwoners' });
    const v = view(asking);
    expect(v.confirm?.text).toBe(NL.confirm.text('SPUK 2025', 'Inwoners'));
    expect(v.message.text).toBe('');
    expect(v.controlsEnabled).toBe(false);
  });

  it('replaces the weights after yes', () => {
    const s = run(asking, { type: 'confirm', accept: true });
    expect(s.confirm).toBeUndefined();
    expect(s.busy).toMatchObject({ job: 'refresh', replaceWeights: true });
    const done = run(s, { type: 'succeeded' });
    expect(done.builtWith?.keyId).toBe('inwoners');
    expect(view(done).message.text).toBe(
      `${NL.status.refreshed('Almere')} ${NL.status.weightsReplaced('Inwoners')}`,
    );
  });

  it('changes nothing after no', () => {
    const s = run(asking, { type: 'confirm', accept: false });
    expect(s.confirm).toBeUndefined();
    expect(s.busy).toBeUndefined();
    expect(s.builtWith?.keyId).toBe('spuk-2025');
    expect(view(s).message).toMatchObject({ tone: 'info', text: NL.status.cancelled('SPUK 2025') });
  });

  it('also asks on "Werkmap laden"', () => {
    expect(run(built, { type: 'start', job: 'load' }).confirm?.job).toBe('load');
  });
});

describe('a workbook built with its own weights (eigen, e.g. by the CLI)', () => {
  const built = run(ready, {
    type: 'workbook-found',
    builtWith: { gemeente: ALMERE, keyId: 'eigen', editionId: 'vws-2026-04' },
  });

  it.each(['refresh', 'load'] as const)('asks before any built-in key replaces them (%s)', (job) => {
    const asking = run(built, { type: 'start', job });
    expect(asking.busy).toBeUndefined();
    expect(asking.confirm).toEqual({ job, from: 'eigen', to: 'spuk-2025' });
    expect(view(asking).confirm?.text).toBe(NL.confirm.text(NL.key.own, 'SPUK 2025'));
    expect(run(asking, { type: 'confirm', accept: true }).busy).toMatchObject({ job, replaceWeights: true });
  });

  it('"Annuleren" keeps them and does not tell the user to choose a key the pane does not offer', () => {
    const s = run(built, { type: 'start', job: 'refresh' }, { type: 'confirm', accept: false });
    expect(s.builtWith?.keyId).toBe('eigen');
    expect(view(s).message.text).toBe(NL.status.cancelledOwnKey);
  });
});

describe('messageRole', () => {
  it('uses alert for errors and warnings, status otherwise', () => {
    expect(messageRole('error')).toBe('alert');
    expect(messageRole('warning')).toBe('alert');
    expect(messageRole('success')).toBe('status');
    expect(messageRole('info')).toBe('status');
  });
});

describe('success details', () => {
  it('appends what the renderer reports', () => {
    const s = run(
      ready,
      { type: 'start', job: 'load' },
      { type: 'succeeded', detail: NL.status.skippedFeatures(['grafieken']) },
    );
    expect(view(s).message.text).toBe(
      `${NL.status.loaded('heel Nederland', 'SPUK 2025')} ${NL.status.edition('SPUK AZWA 2027–2029')} Niet beschikbaar in deze Excel-versie: grafieken.`,
    );
  });
});

describe('a run refused because the workbook’s weights belong to another key (issue 10, item 5)', () => {
  it('learns the workbook’s key, so the next run asks before replacing the weights', () => {
    const labels = { gemeente: (g: string) => g, edition: (e: string) => e };
    let s = reduce(
      initialState('e', 'GM0034' as never),
      { type: 'environment', env: { kind: 'ready' } },
      labels,
    );
    s = reduce(s, { type: 'select-key', keyId: 'inwoners' }, labels);
    s = reduce(s, { type: 'start', job: 'load' }, labels);
    expect(s.busy?.replaceWeights).toBe(false);
    s = reduce(s, { type: 'failed', text: 'x', workbookKey: 'spuk-2025' }, labels);
    expect(s.builtWith?.keyId).toBe('spuk-2025');
    s = reduce(s, { type: 'start', job: 'load' }, labels);
    expect(s.confirm).toEqual({ job: 'load', from: 'spuk-2025', to: 'inwoners' });
    s = reduce(s, { type: 'confirm', accept: true }, labels);
    expect(s.busy?.replaceWeights).toBe(true);
  });
});

describe('choosing an edition (issue 8)', () => {
  it('replaces the national amounts when the workbook was built with another or an unknown edition, and says so', () => {
    let s = run(ready, {
      type: 'workbook-found',
      builtWith: { gemeente: ALMERE, keyId: 'spuk-2025', editionId: 'gala-2023' },
    });
    expect(s.selection.editionId).toBe('gala-2023');
    s = run(s, { type: 'select-edition', editionId: 'vws-2026-04' }, { type: 'start', job: 'refresh' });
    expect(s.busy).toMatchObject({ replaceNational: true, replaceWeights: false });
    s = run(s, { type: 'succeeded' });
    expect(s.message.text).toContain('De landelijke bedragen zijn die van de editie SPUK AZWA 2027–2029.');
    expect(s.builtWith?.editionId).toBe('vws-2026-04');
    // The same edition again: the user's national amounts are kept.
    s = run(s, { type: 'start', job: 'refresh' });
    expect(s.busy?.replaceNational).toBe(false);
    // A workbook that does not record its edition (made before editions): its amounts are replaced.
    const old = run(
      ready,
      {
        type: 'workbook-found',
        builtWith: { gemeente: ALMERE, keyId: 'spuk-2025' },
      },
      { type: 'start', job: 'refresh' },
    );
    expect(old.busy?.replaceNational).toBe(true);
  });
});

describe('a run refused because the workbook’s key cell is empty (unknown key, treated like "eigen")', () => {
  const refused = (): State =>
    run(
      ready,
      { type: 'select-gemeente', gemeente: ALMERE },
      { type: 'start', job: 'load' },
      { type: 'failed', text: 'geweigerd', workbookKey: ' ' },
    );

  it('learns that the key is unknown, so the next run asks instead of refusing again', () => {
    const s = refused();
    expect(s.builtWith).toEqual({ gemeente: ALMERE, keyId: UNKNOWN_KEY });
    expect(view(s).message).toMatchObject({ tone: 'error', text: 'geweigerd' });
    expect(view(s).refreshEnabled).toBe(true);
    const asking = run(s, { type: 'start', job: 'refresh' });
    expect(asking.busy).toBeUndefined();
    expect(asking.confirm).toEqual({ job: 'refresh', from: UNKNOWN_KEY, to: 'spuk-2025' });
    expect(view(asking).confirm?.text).toBe(NL.confirm.unknownText('SPUK 2025'));
    expect(view(asking).confirm?.text).toContain('cel B5 is leeg');
  });

  it('"Gewichten vervangen" runs with replaceWeights; afterwards the workbook has the chosen key', () => {
    const s = run(refused(), { type: 'start', job: 'load' }, { type: 'confirm', accept: true });
    expect(s.busy).toMatchObject({ job: 'load', replaceWeights: true });
    const done = run(s, { type: 'succeeded' });
    expect(done.builtWith?.keyId).toBe('spuk-2025');
    expect(view(done).message.text).toContain(NL.status.weightsReplaced('SPUK 2025'));
  });

  it('"Annuleren" keeps them, says how to keep them, and the next run lets the renderer check again', () => {
    const s = run(refused(), { type: 'start', job: 'load' }, { type: 'confirm', accept: false });
    expect(s.confirm).toBeUndefined();
    expect(s.builtWith).toBeUndefined();
    expect(view(s).message).toMatchObject({ tone: 'info', text: NL.status.cancelledUnknownKey });
    expect(NL.status.cancelledUnknownKey).toContain('B5');
    const again = run(s, { type: 'start', job: 'load' });
    expect(again.confirm).toBeUndefined();
    expect(again.busy).toMatchObject({ job: 'load', replaceWeights: false });
  });

  it('a workbook already known with a built-in key but an empty key cell: asks too (no dead end)', () => {
    const known = run(ready, {
      type: 'workbook-found',
      builtWith: { gemeente: ALMERE, keyId: 'spuk-2025', editionId: 'vws-2026-04' },
    });
    const s = run(
      known,
      { type: 'start', job: 'refresh' },
      { type: 'failed', text: 'geweigerd', workbookKey: '' },
    );
    expect(s.builtWith).toEqual({ gemeente: ALMERE, keyId: UNKNOWN_KEY, editionId: 'vws-2026-04' });
    expect(run(s, { type: 'start', job: 'refresh' }).confirm?.from).toBe(UNKNOWN_KEY);
    expect(run(s, { type: 'environment', env: { kind: 'ready' } }).message.text).toBe(
      NL.status.existingUnknownKey('Almere'),
    );
  });
});

describe('"Vergelijk met editie" (the CLI\'s --van, issue 16)', () => {
  it('starts with the default (the edition’s vorige): no compareWith in the selection', () => {
    expect(ready.selection.compareWith).toBeUndefined();
  });

  it('records "geen" or an earlier edition, back to the default with undefined', () => {
    let s = run(ready, { type: 'select-compare', compareWith: NO_COMPARISON });
    expect(s.selection.compareWith).toBe('geen');
    s = run(s, { type: 'select-compare', compareWith: 'gala-2023' });
    expect(s.selection).toEqual({
      gemeente: LANDELIJK,
      keyId: 'spuk-2025',
      editionId: 'vws-2026-04',
      compareWith: 'gala-2023',
    });
    s = run(s, { type: 'select-compare', compareWith: undefined });
    expect('compareWith' in s.selection).toBe(false);
  });

  it('another edition takes the comparison the controller keeps (absent: the new edition’s vorige)', () => {
    const s = run(ready, { type: 'select-compare', compareWith: 'gala-2023' });
    expect(
      run(s, { type: 'select-edition', editionId: 'vws-2025-09', compareWith: 'gala-2023' }).selection
        .compareWith,
    ).toBe('gala-2023');
    expect(run(s, { type: 'select-edition', editionId: 'gala-2023' }).selection.compareWith).toBeUndefined();
  });

  it('is not changed while a run is busy', () => {
    const busy = run(ready, { type: 'start', job: 'load' });
    expect(run(busy, { type: 'select-compare', compareWith: 'geen' }).selection.compareWith).toBeUndefined();
  });

  it('a run remembers it with what was built; a workbook that remembers one brings it back', () => {
    let s = run(
      ready,
      { type: 'select-gemeente', gemeente: ALMERE },
      { type: 'select-compare', compareWith: 'gala-2023' },
      { type: 'start', job: 'load' },
      { type: 'succeeded' },
    );
    expect(s.builtWith).toEqual({
      gemeente: ALMERE,
      keyId: 'spuk-2025',
      editionId: 'vws-2026-04',
      compareWith: 'gala-2023',
    });
    s = run(ready, {
      type: 'workbook-found',
      builtWith: { gemeente: ALMERE, keyId: 'spuk-2025', editionId: 'vws-2026-04', compareWith: 'geen' },
    });
    expect(s.selection.compareWith).toBe('geen');
    // A workbook without one: the default.
    s = run(s, {
      type: 'workbook-found',
      builtWith: { gemeente: ALMERE, keyId: 'spuk-2025', editionId: 'vws-2026-04' },
    });
    expect(s.selection.compareWith).toBeUndefined();
  });
});
