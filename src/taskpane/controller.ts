/**
 * The task pane's DOM and its wiring to the view model. Everything Excel- or plan-specific comes in
 * through `PaneServices` (office-services.ts in production, fakes in tests), so the pane holds no
 * business rules: it collects a choice, asks for a plan, hands it to the renderer and reports.
 */
import type { BeschikkingRegel, BuiltInKeyId, Gemeente, Notation, RealisatieInvoer } from '../domain';
import { BUILT_IN_KEYS } from '../domain';
import type { BeschikkingSource } from './beschikking';
import { checkBeschikking } from './beschikking';
import { checkRealisatie } from './realisatie';
import type { EditionInfo } from './compare';
import { COMPARE_DEFAULT, checkedCompareOption, compareOptions, keepCompareWith } from './compare';
import { GemeenteCombobox } from './combobox';
import { h, setText } from './dom';
import type { GemeenteChoice } from './gemeente-search';
import { gemeenteOptions, LANDELIJK } from './gemeente-search';
import { KEY_TEXTS, NL } from './messages.nl';
import type {
  Action,
  BeschikkingView,
  BuiltWith,
  Environment,
  Labels,
  RealisatieMode,
  Selection,
  State,
} from './state';
import { composeProgress, initialState, reduce, view } from './state';

export type RenderOutcome =
  | {
      readonly ok: true;
      readonly detail?: string;
      readonly nextSteps?: readonly string[];
      /** `dropRealisatie` was asked, but the table had rows: the sheets stayed. */
      readonly realisatieKept?: boolean;
    }
  /**
   * `workbookKey`: the key the workbook's weights belong to, when the run refused to mix keys.
   * `replaceRows`: "Vervangen" must first be agreed to: the table Realisatie's rows and the pasted ones.
   */
  | {
      readonly ok: false;
      readonly text: string;
      readonly workbookKey?: string;
      readonly replaceRows?: { readonly existing: number; readonly given: number };
    };

export interface RenderRequest {
  readonly selection: Selection;
  /** Replace the user's weights with the chosen key's (after the user confirmed). */
  readonly replaceWeights: boolean;
  /** The workbook holds the add-in's sheets already (read at start, or built in this session). */
  readonly builtBefore: boolean;
  /**
   * Replace the national amounts on Landelijk with the chosen edition's: the workbook was built with
   * another (or an unknown) edition. Choosing an edition means choosing its amounts.
   */
  readonly replaceNational: boolean;
  /**
   * The gemeente's beschikking, read and checked in the pane: the plan gets it (`PlanOptions.beschikking`)
   * and it replaces the amounts on the sheet Beschikking (the user's other inputs stay).
   */
  readonly beschikking?: readonly BeschikkingRegel[];
  /**
   * Protect the add-in's sheets after writing (default true). False when the user ticked "Bladen niet
   * beveiligen" (for Excel builds that cannot lift the protection again, office-js #6784).
   */
  readonly protectSheets?: boolean;
  /** Add the sheets Realisatie (the user's table of what was spent) and Verantwoording (a gemeente only). */
  readonly withRealisatie?: boolean;
  /**
   * The werkmap has the sheet Realisatie and the option was unticked: its three sheets go when the table
   * holds nothing typed (renderer `removeEmptyTables`), else they stay and the outcome says so.
   */
  readonly dropRealisatie?: boolean;
  /**
   * The realisatie read and checked in the pane (`checkRealisatie`): the rows of the table Realisatie
   * when the run creates that sheet, as `werkboek --realisatie` fills it (the sheet is the user's: an
   * existing table is never overwritten, and the run then says so).
   */
  readonly realisatie?: RealisatieInvoer;
  /**
   * The werkmap has its own table Realisatie: `append` the rows (refused when one's key is there
   * already) or `replace` its rows, after the user agreed to replace `replaceRows` rows.
   */
  readonly realisatieMode?: RealisatieMode;
  readonly replaceRows?: number;
  onProgress(step: number, total: number, label?: string): void;
}

/** What the pane needs from the rest of the add-in. */
export interface PaneServices {
  readonly gemeenten: readonly Gemeente[];
  /** Newest first (the first is the default); `datum` and `vorige` decide the "Vergelijk met editie" choices. */
  readonly editions: readonly EditionInfo[];
  detectEnvironment(): Promise<Environment>;
  /** What the open workbook was built with, if it holds the add-in's sheets. May reject: then unknown. */
  readWorkbook(): Promise<BuiltWith | undefined>;
  /**
   * Builds the plan and renders it. Must not throw: failures come back as Dutch text. The plan is built
   * before the first progress report greater than zero; `planFailed` marks a plan failure.
   */
  render(request: RenderRequest): Promise<RenderOutcome>;
  /**
   * The rows the werkmap's table Realisatie holds (non-empty rows), read when the user unticks the
   * option in a werkmap with that sheet; undefined: no table. May reject: then unknown (the renderer
   * keeps the sheets anyway when the table has rows).
   */
  realisatieRows?(): Promise<number | undefined>;
  /**
   * The notation Excel shows numbers in ('nl' for 1.234,5; 'en' for 1,234.5; undefined when unknown
   * or the host is older than ExcelApi 1.11): a range pasted in the pane is read with it as a hint
   * (`notationHint`: "400.000" alone in a column is 400000 from an Excel-NL). Asked once at start,
   * right after `readWorkbook`, whose batch should read it (production: no round trip of its own).
   * Must not reject.
   */
  excelNotation?(): Promise<Notation | undefined>;
}

/** The Dutch texts of a paste section (NL.beschikking, NL.realisatiePaste). */
interface PasteTexts {
  readonly heading: string;
  readonly intro: string;
  readonly pasteLabel: string;
  readonly pasteHint: string;
  readonly check: string;
  readonly fileLabel: string;
  readonly fileHint: string;
  readonly refusedHeading: string;
  readonly replaces: string;
  readonly apply: string;
}

/** What differs between the sections Beschikking and Realisatie. */
interface PasteSpec {
  readonly id: 'beschikking' | 'realisatie';
  readonly texts: PasteTexts;
  /** Reads the paste or file for the chosen gemeente and dispatches the outcome. */
  check(source: BeschikkingSource): void;
  /** The action for a file that could not be read: a refused reading with these texts. */
  refused(failures: readonly string[]): Action;
  readonly edited: Action;
  readonly apply: Action;
  /**
   * Realisatie: when the werkmap has its own table, "Toevoegen" and "Vervangen" take the place of the
   * apply button (`BeschikkingView.existingTable`).
   */
  readonly modes?: { readonly hint: string; readonly append: Action; readonly replace: Action };
}

interface PasteSection {
  readonly id: string;
  readonly texts: PasteTexts;
  readonly section: HTMLDetailsElement;
  readonly fields: HTMLFieldSetElement;
  readonly paste: HTMLTextAreaElement;
  readonly file: HTMLInputElement;
  readonly failures: HTMLDivElement;
  readonly summary: HTMLDivElement;
  readonly apply: HTMLButtonElement;
  readonly applyBlock: HTMLDivElement;
  readonly applyHint: HTMLParagraphElement;
  /** Realisatie only: "Toevoegen aan de tabel" and "Vervangen" (see PasteSpec.modes). */
  readonly modes?: {
    readonly hint: string;
    readonly append: HTMLButtonElement;
    readonly replace: HTMLButtonElement;
  };
}

/** "Op de opdrachtregel: --editie ID": the option as code that never breaks inside (it is copied as is). */
function cliHint(option: string): (Node | string)[] {
  return [`${NL.edition.cli} `, h('code', { class: 'cli' }, option)];
}

/**
 * One radio of the pane's lists (keys, editions, comparisons): the input, its label and its hint
 * (`<id>-uitleg`, the input's description); `onCheck` runs when the user chooses it.
 */
function radioItem(o: {
  readonly name: string;
  readonly id: string;
  readonly value: string;
  readonly label: string;
  readonly hint: readonly (Node | string)[];
  onCheck(): void;
}): { readonly item: HTMLElement; readonly input: HTMLInputElement } {
  const input = h('input', {
    type: 'radio',
    name: o.name,
    id: o.id,
    value: o.value,
    'aria-describedby': `${o.id}-uitleg`,
  });
  input.addEventListener('change', () => {
    if (input.checked) o.onCheck();
  });
  const item = h(
    'div',
    { class: 'radio' },
    input,
    h(
      'label',
      { for: o.id },
      h('span', { class: 'radio-label' }, o.label),
      h('span', { class: 'hint', id: `${o.id}-uitleg` }, ...o.hint),
    ),
  );
  return { item, input };
}

/** Lets the browser paint (the progress text) before synchronous work such as building the plan. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class TaskPane {
  private state: State;
  private readonly labels: Labels;
  private readonly combobox: GemeenteCombobox;
  /**
   * Excel's number notation (`PaneServices.excelNotation`), read with the workbook at start (no round
   * trip of its own): the hint for a paste (never for a file). Undefined: unknown, a paste is read as
   * before (an ambiguous column refused).
   */
  private notation: Notation | undefined;
  private readonly el: {
    readonly form: HTMLFormElement;
    readonly fields: HTMLFieldSetElement;
    readonly radios: ReadonlyMap<BuiltInKeyId, HTMLInputElement>;
    readonly editionRadios: ReadonlyMap<string, HTMLInputElement>;
    /** "Vergelijk met editie": its radios are rebuilt when the edition changes. */
    readonly compare: HTMLDivElement;
    readonly noProtection: HTMLInputElement;
    readonly withRealisatie: HTMLInputElement;
    readonly load: HTMLButtonElement;
    readonly refresh: HTMLButtonElement;
    readonly progress: HTMLDivElement;
    readonly progressText: HTMLParagraphElement;
    readonly progressBar: HTMLProgressElement;
    readonly status: HTMLDivElement;
    readonly alert: HTMLDivElement;
    readonly confirm: HTMLDivElement;
    readonly confirmTitle: HTMLHeadingElement;
    readonly confirmText: HTMLParagraphElement;
    readonly confirmReplace: HTMLButtonElement;
    readonly confirmCancel: HTMLButtonElement;
    readonly besch: PasteSection;
    readonly real: PasteSection;
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly services: PaneServices,
  ) {
    const options = gemeenteOptions(services.gemeenten, NL.gemeente.landelijk);
    const names = new Map<string, string>(options.map((o) => [o.value, o.label]));
    this.labels = {
      gemeente: (choice: GemeenteChoice) =>
        choice === LANDELIJK ? 'heel Nederland' : (names.get(choice) ?? choice),
      edition: (id: string) => services.editions.find((e) => e.id === id)?.naam ?? id,
    };
    const firstEdition = services.editions[0]?.id ?? '';
    this.state = initialState(firstEdition, LANDELIJK);
    this.combobox = new GemeenteCombobox(options, this.state.selection.gemeente, {
      onSelect: (o) => this.dispatch({ type: 'select-gemeente', gemeente: o.value }),
      onInvalid: (text) => this.dispatch({ type: 'invalid-gemeente', text }),
    });
    this.el = this.build(root);
    this.render();
  }

  /**
   * Detects the host, then reads the workbook. Resolves when the pane is usable (or says why not).
   * The controls open only after the read, so no run can start without knowing what the workbook holds
   * (a key switch must be confirmed before it replaces the weights).
   */
  async start(): Promise<void> {
    const env = await this.services.detectEnvironment();
    if (env.kind === 'ready') {
      try {
        const built = await this.services.readWorkbook();
        if (built) this.dispatch({ type: 'workbook-found', builtWith: built });
      } catch {
        // Reading back failed (e.g. Excel did not answer): the pane starts as for a new workbook.
      }
      this.notation = await this.readNotation();
    }
    this.dispatch({ type: 'environment', env });
  }

  /** Excel's notation as the start read found it (`excelNotation`); unknown when it fails. */
  private async readNotation(): Promise<Notation | undefined> {
    try {
      return await this.services.excelNotation?.();
    } catch {
      return undefined;
    }
  }

  /** For tests and debugging. */
  get current(): State {
    return this.state;
  }

  private dispatch(action: Action): void {
    const before = this.state;
    this.state = reduce(this.state, action, this.labels);
    this.render();
    if (this.state.busy && !before.busy) void this.run();
    // Keep keyboard focus meaningful: into the question, and back to the button that started the work.
    if (this.state.confirm && !before.confirm) this.el.confirmReplace.focus();
    if (!this.state.confirm && before.confirm && !this.state.busy) this.jobButton(before.confirm.job).focus();
    if (before.busy && !this.state.busy && this.focusLost()) {
      const section = before.busy.beschikking
        ? this.el.besch
        : before.busy.realisatie
          ? this.el.real
          : undefined;
      const apply = section?.apply.hidden && section.modes ? section.modes.append : section?.apply;
      (apply && !apply.disabled ? apply : this.jobButton(before.busy.job)).focus();
    }
    // A refusal: focus to the list of what to fix (announced as an alert).
    if (this.state.beschikking.kind === 'refused' && this.state.beschikking !== before.beschikking)
      this.el.besch.failures.focus();
    if (this.state.realisatie.kind === 'refused' && this.state.realisatie !== before.realisatie)
      this.el.real.failures.focus();
  }

  /** Reads the paste or the file for the chosen gemeente; the outcome goes to the state machine. */
  private checkBeschikking(source: BeschikkingSource): void {
    const check = checkBeschikking(
      source,
      this.state.selection.gemeente,
      this.services.gemeenten,
      this.notation,
    );
    this.dispatch({ type: 'beschikking-checked', check });
  }

  /** Reads the realisatie (paste or file) for the chosen gemeente and edition. */
  private checkRealisatie(source: BeschikkingSource): void {
    const { gemeente, editionId } = this.state.selection;
    this.dispatch({
      type: 'realisatie-checked',
      check: checkRealisatie(source, gemeente, editionId, this.notation),
    });
  }

  private async readFile(input: HTMLInputElement, spec: PasteSpec): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      this.dispatch(spec.refused([NL.beschikking.fileFailed]));
      return;
    }
    spec.check({ kind: 'file', bytes });
  }

  /**
   * The option ticked or not. Unticked in a werkmap with the sheet Realisatie: first how many rows its
   * table holds, so the pane says before any run whether the sheets go or stay (and why).
   */
  private async selectRealisatie(checked: boolean): Promise<void> {
    const read = this.services.realisatieRows;
    if (checked || !this.state.builtWith?.withRealisatie || !read) {
      this.dispatch({ type: 'select-realisatie', withRealisatie: checked });
      return;
    }
    let rows: number | undefined;
    try {
      rows = (await read.call(this.services)) ?? 0;
    } catch {
      rows = undefined;
    }
    this.dispatch({
      type: 'select-realisatie',
      withRealisatie: false,
      ...(rows !== undefined ? { tableRows: rows } : {}),
    });
  }

  private jobButton(job: 'load' | 'refresh'): HTMLButtonElement {
    return job === 'refresh' && !this.el.refresh.disabled ? this.el.refresh : this.el.load;
  }

  private focusLost(): boolean {
    const active = document.activeElement;
    return (
      !active ||
      active === document.body ||
      !this.root.contains(active) ||
      active.closest('[hidden]') !== null
    );
  }

  private async run(): Promise<void> {
    const busy = this.state.busy;
    if (!busy) return;
    await nextFrame();
    let outcome: RenderOutcome;
    try {
      outcome = await this.services.render({
        selection: this.state.selection,
        replaceWeights: busy.replaceWeights,
        builtBefore: this.state.builtWith !== undefined,
        replaceNational: busy.replaceNational,
        protectSheets: !this.el.noProtection.checked,
        ...(this.state.selection.withRealisatie ? { withRealisatie: true } : {}),
        ...(!this.state.selection.withRealisatie && !busy.realisatie && this.state.builtWith?.withRealisatie
          ? { dropRealisatie: true }
          : {}),
        ...(busy.beschikking ? { beschikking: busy.beschikking } : {}),
        ...(busy.realisatie ? { realisatie: busy.realisatie, withRealisatie: true } : {}),
        ...(busy.realisatieMode ? { realisatieMode: busy.realisatieMode } : {}),
        ...(busy.replaceRows !== undefined ? { replaceRows: busy.replaceRows } : {}),
        onProgress: (step, total, label) => {
          const p = composeProgress(step, total);
          this.dispatch({
            type: 'progress',
            step: p.step,
            total: p.total,
            label: label ?? NL.progress.write,
          });
        },
      });
    } catch {
      outcome = { ok: false, text: NL.status.unexpected };
    }
    this.dispatch(
      outcome.ok
        ? {
            type: 'succeeded',
            ...(outcome.detail ? { detail: outcome.detail } : {}),
            ...(outcome.nextSteps ? { nextSteps: outcome.nextSteps } : {}),
            ...(outcome.realisatieKept ? { realisatieKept: true } : {}),
          }
        : {
            type: 'failed',
            text: outcome.text,
            ...(outcome.workbookKey !== undefined ? { workbookKey: outcome.workbookKey } : {}),
            ...(outcome.replaceRows ? { replaceRows: outcome.replaceRows } : {}),
          },
    );
  }

  private build(root: HTMLElement): TaskPane['el'] {
    const radios = new Map<BuiltInKeyId, HTMLInputElement>();
    const keyItems = BUILT_IN_KEYS.map((id) => {
      const { item, input } = radioItem({
        name: 'verdeelsleutel',
        id: `key-${id}`,
        value: id,
        label: KEY_TEXTS[id].label,
        hint: [KEY_TEXTS[id].explanation],
        onCheck: () => this.dispatch({ type: 'select-key', keyId: id }),
      });
      radios.set(id, input);
      return item;
    });

    const editions = this.buildEditions();
    const compare = h('div', { class: 'compare-options' });

    const load = h('button', { type: 'submit', class: 'button primary', id: 'laden' }, NL.actions.load);
    const refresh = h(
      'button',
      { type: 'button', class: 'button', id: 'vernieuwen', 'aria-describedby': 'vernieuwen-hint' },
      NL.actions.refresh,
    );
    refresh.addEventListener('click', () => this.dispatch({ type: 'start', job: 'refresh' }));

    const noProtection = h('input', {
      type: 'checkbox',
      id: 'geen-beveiliging',
      'aria-describedby': 'beveiliging-hint',
    });
    const withRealisatie = h('input', {
      type: 'checkbox',
      id: 'met-realisatie',
      'aria-describedby': 'realisatie-hint',
    });
    withRealisatie.addEventListener('change', () => void this.selectRealisatie(withRealisatie.checked));
    const fields = h(
      'fieldset',
      { class: 'fields' },
      h('legend', { class: 'visually-hidden' }, NL.title),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'gemeente-input', class: 'field-label' }, NL.gemeente.label),
        this.combobox.element,
        h('p', { class: 'hint', id: 'gemeente-hint' }, NL.gemeente.hint),
      ),
      h(
        'fieldset',
        { class: 'field radios' },
        h('legend', { class: 'field-label' }, NL.key.legend),
        ...keyItems,
      ),
      h(
        'fieldset',
        { class: 'field radios', id: 'editie', 'aria-describedby': 'editie-hint' },
        h('legend', { class: 'field-label' }, NL.edition.label),
        h('p', { class: 'hint field-hint', id: 'editie-hint' }, NL.edition.hint),
        ...editions.items,
      ),
      h(
        'fieldset',
        { class: 'field radios', id: 'vergelijk', 'aria-describedby': 'vergelijk-hint' },
        h('legend', { class: 'field-label' }, NL.compare.label),
        h('p', { class: 'hint field-hint', id: 'vergelijk-hint' }, NL.compare.hint),
        compare,
      ),
      h(
        'div',
        { class: 'field' },
        h(
          'label',
          { class: 'radio' },
          noProtection,
          h('span', { class: 'radio-label' }, NL.protection.label),
        ),
        h('p', { class: 'hint', id: 'beveiliging-hint' }, NL.protection.hint),
      ),
      h(
        'div',
        { class: 'field' },
        h(
          'label',
          { class: 'radio' },
          withRealisatie,
          h('span', { class: 'radio-label' }, NL.realisatie.label),
        ),
        h('p', { class: 'hint', id: 'realisatie-hint' }, NL.realisatie.hint),
      ),
    );
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-label': NL.title },
      fields,
      h('div', { class: 'actions' }, load, refresh),
      h('p', { class: 'hint', id: 'vernieuwen-hint' }, NL.actions.refreshHint),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.dispatch({ type: 'start', job: 'load' });
    });

    const progressText = h('p', { class: 'progress-text', id: 'voortgang-tekst' });
    const progressBar = h('progress', { 'aria-labelledby': 'voortgang-tekst' });
    const progress = h('div', { class: 'progress', hidden: true }, progressText, progressBar);

    // Both live regions exist from the start (screen readers only announce changes to existing regions).
    const status = h('div', { class: 'message-bar', role: 'status', id: 'melding-status' });
    const alert = h('div', { class: 'message-bar', role: 'alert', id: 'melding-fout' });

    const confirmTitle = h('h2', { id: 'bevestig-titel' }, NL.confirm.title);
    const confirmText = h('p', { id: 'bevestig-tekst' });
    const confirmReplace = h('button', { type: 'button', class: 'button primary' }, NL.confirm.replace);
    const confirmCancel = h('button', { type: 'button', class: 'button' }, NL.confirm.cancel);
    confirmReplace.addEventListener('click', () => this.dispatch({ type: 'confirm', accept: true }));
    confirmCancel.addEventListener('click', () => this.dispatch({ type: 'confirm', accept: false }));
    const confirm = h(
      'div',
      {
        class: 'confirm',
        role: 'alertdialog',
        'aria-modal': 'false',
        'aria-labelledby': 'bevestig-titel',
        'aria-describedby': 'bevestig-tekst',
        hidden: true,
      },
      confirmTitle,
      confirmText,
      h('div', { class: 'actions' }, confirmReplace, confirmCancel),
    );
    confirm.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.dispatch({ type: 'confirm', accept: false });
      }
    });

    const besch = this.buildPasteSection({
      id: 'beschikking',
      texts: NL.beschikking,
      check: (source) => this.checkBeschikking(source),
      refused: (failures) => ({ type: 'beschikking-checked', check: { ok: false, failures } }),
      edited: { type: 'beschikking-edited' },
      apply: { type: 'apply-beschikking' },
    });
    const real = this.buildPasteSection({
      id: 'realisatie',
      texts: NL.realisatiePaste,
      check: (source) => this.checkRealisatie(source),
      refused: (failures) => ({ type: 'realisatie-checked', check: { ok: false, failures } }),
      edited: { type: 'realisatie-edited' },
      apply: { type: 'apply-realisatie' },
      modes: {
        hint: NL.realisatiePaste.existingHint,
        append: { type: 'apply-realisatie', mode: 'append' },
        replace: { type: 'apply-realisatie', mode: 'replace' },
      },
    });

    const header = h(
      'header',
      { class: 'header' },
      h('img', { src: 'assets/icon-32.png', alt: '', width: '32', height: '32' }),
      h('div', {}, h('h1', {}, NL.title), h('p', { class: 'subtitle' }, NL.subtitle)),
    );
    root.replaceChildren(
      header,
      h('main', { class: 'main' }, status, alert, confirm, progress, form, besch.section, real.section),
    );
    return {
      form,
      fields,
      radios,
      editionRadios: editions.radios,
      compare,
      noProtection,
      withRealisatie,
      load,
      refresh,
      progress,
      progressText,
      progressBar,
      status,
      alert,
      confirm,
      confirmTitle,
      confirmText,
      confirmReplace,
      confirmCancel,
      besch,
      real,
    };
  }

  /**
   * The editions as radios (a select cuts their names at 360 px): the name wraps, with the newest marked
   * and the id the command line uses. Another edition keeps the comparison only when it is still earlier.
   */
  private buildEditions(): {
    readonly items: HTMLElement[];
    readonly radios: ReadonlyMap<string, HTMLInputElement>;
  } {
    const radios = new Map<string, HTMLInputElement>();
    const items = this.services.editions.map((e, index) => {
      const { item, input } = radioItem({
        name: 'editie',
        id: `editie-${e.id}`,
        value: e.id,
        label: e.naam,
        hint: [...(index === 0 ? [`${NL.edition.newest} `] : []), ...cliHint(`--editie ${e.id}`)],
        onCheck: () => {
          const compareWith = keepCompareWith(this.services.editions, e.id, this.state.selection.compareWith);
          this.dispatch({
            type: 'select-edition',
            editionId: e.id,
            ...(compareWith !== undefined ? { compareWith } : {}),
          });
        },
      });
      radios.set(e.id, input);
      return item;
    });
    return { items, radios };
  }

  /** The radios of "Vergelijk met editie" for the chosen edition, rebuilt only when that changes. */
  private renderCompare(): void {
    const { editions } = this.services;
    const { editionId, compareWith } = this.state.selection;
    const options = compareOptions(editions, editionId);
    const box = this.el.compare;
    const key = JSON.stringify([editionId, options]);
    if (box.dataset['shown'] !== key) {
      box.dataset['shown'] = key;
      const naam = (id: string): string => editions.find((e) => e.id === id)?.naam ?? id;
      box.replaceChildren(
        ...options.map((o) => {
          const label =
            o.editionId === undefined
              ? NL.compare.none
              : o.value === COMPARE_DEFAULT
                ? NL.compare.previous(naam(o.editionId))
                : naam(o.editionId);
          const hint: (Node | string)[] =
            o.editionId === undefined
              ? [options.length === 1 ? NL.compare.noneOnly : NL.compare.noneHint]
              : [
                  ...(o.value === COMPARE_DEFAULT ? [`${NL.compare.previousHint} `] : []),
                  ...cliHint(`--van ${o.editionId}`),
                ];
          return radioItem({
            name: 'vergelijk',
            id: `vergelijk-${o.value}`,
            value: o.value,
            label,
            hint,
            onCheck: () =>
              this.dispatch({
                type: 'select-compare',
                compareWith: o.value === COMPARE_DEFAULT ? undefined : o.value,
              }),
          }).item;
        }),
      );
    }
    const checked = checkedCompareOption(editions, editionId, compareWith);
    box.querySelectorAll<HTMLInputElement>('input[type="radio"]').forEach((input) => {
      input.checked = input.value === checked;
    });
  }

  /**
   * A section "Beschikking" or "Realisatie" (closed at first): a paste from Excel or a CSV file, read by
   * the CLI's reader for the chosen gemeente; a refusal as a focused alert list, a reading as a summary
   * with the button that writes it. Both live regions exist from the start. Element ids start with
   * `spec.id` (e.g. `beschikking-plak`, `realisatie-fouten`).
   */
  private buildPasteSection(spec: PasteSpec): PasteSection {
    const { id, texts: T } = spec;
    const paste = h('textarea', {
      id: `${id}-plak`,
      class: 'paste',
      rows: '5',
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': `${id}-plak-hint`,
    });
    paste.addEventListener('input', () => this.dispatch(spec.edited));
    const check = h('button', { type: 'button', class: 'button', id: `${id}-controleren` }, T.check);
    check.addEventListener('click', () => spec.check({ kind: 'paste', text: paste.value }));
    const file = h('input', {
      type: 'file',
      id: `${id}-bestand`,
      accept: '.csv,.txt,text/csv,text/plain',
      'aria-describedby': `${id}-bestand-hint`,
    });
    file.addEventListener('change', () => void this.readFile(file, spec));
    const failures = h('div', {
      class: 'message-bar paste-failures',
      role: 'alert',
      id: `${id}-fouten`,
      tabindex: '-1',
    });
    const summary = h('div', {
      class: 'message-bar paste-summary',
      role: 'status',
      id: `${id}-samenvatting`,
    });
    const apply = h(
      'button',
      { type: 'button', class: 'button primary', id: `${id}-zetten`, 'aria-describedby': `${id}-vervangt` },
      T.apply,
    );
    apply.addEventListener('click', () => this.dispatch(spec.apply));
    const modeButton = (suffix: string, label: string, action: Action, primary: boolean) => {
      const button = h(
        'button',
        {
          type: 'button',
          class: primary ? 'button primary' : 'button',
          id: `${id}-${suffix}`,
          'aria-describedby': `${id}-vervangt`,
          hidden: true,
        },
        label,
      );
      button.addEventListener('click', () => this.dispatch(action));
      return button;
    };
    const modes = spec.modes
      ? {
          hint: spec.modes.hint,
          append: modeButton('toevoegen', NL.realisatiePaste.append, spec.modes.append, true),
          replace: modeButton('vervangen', NL.realisatiePaste.replace, spec.modes.replace, false),
        }
      : undefined;
    const applyHint = h('p', { class: 'hint', id: `${id}-vervangt` }, T.replaces);
    const applyBlock = h(
      'div',
      { class: 'paste-apply', hidden: true },
      applyHint,
      h('div', { class: 'actions' }, apply, ...(modes ? [modes.append, modes.replace] : [])),
    );
    const fields = h(
      'fieldset',
      { class: 'fields' },
      h('legend', { class: 'visually-hidden' }, T.heading),
      h('p', { class: 'hint intro' }, T.intro),
      h(
        'div',
        { class: 'field' },
        h('label', { for: `${id}-plak`, class: 'field-label' }, T.pasteLabel),
        paste,
        h('p', { class: 'hint', id: `${id}-plak-hint` }, T.pasteHint),
        h('div', { class: 'actions' }, check),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: `${id}-bestand`, class: 'field-label' }, T.fileLabel),
        file,
        h('p', { class: 'hint', id: `${id}-bestand-hint` }, T.fileHint),
      ),
    );
    const section = h(
      'details',
      { class: 'section', id },
      h('summary', {}, h('h2', { class: 'section-title' }, T.heading)),
      fields,
      failures,
      summary,
      applyBlock,
    );
    return {
      id,
      texts: T,
      section,
      fields,
      paste,
      file,
      failures,
      summary,
      apply,
      applyBlock,
      applyHint,
      ...(modes ? { modes } : {}),
    };
  }

  private renderPasteSection(el: PasteSection, v: BeschikkingView): void {
    el.section.hidden = !view(this.state).showForm;
    el.fields.disabled = !v.enabled;
    const failKey = JSON.stringify([v.failures, v.more]);
    if (el.failures.dataset['shown'] !== failKey) {
      el.failures.dataset['shown'] = failKey;
      el.failures.replaceChildren(
        ...(v.failures.length === 0
          ? []
          : [
              h('p', { class: 'message-text', id: `${el.id}-fouten-kop` }, el.texts.refusedHeading),
              h(
                'ul',
                { class: 'next-steps', 'aria-labelledby': `${el.id}-fouten-kop` },
                ...v.failures.map((f) => h('li', {}, f)),
                ...(v.more > 0 ? [h('li', {}, NL.beschikking.more(v.more))] : []),
              ),
            ]),
      );
      el.failures.dataset['tone'] = v.failures.length > 0 ? 'error' : '';
    }
    const sumKey = JSON.stringify([v.summary, v.note]);
    if (el.summary.dataset['shown'] !== sumKey) {
      el.summary.dataset['shown'] = sumKey;
      el.summary.replaceChildren(
        ...(v.summary
          ? [
              h('p', { class: 'message-text', id: `${el.id}-samenvatting-kop` }, v.summary.text),
              h(
                'ul',
                { class: 'next-steps', 'aria-labelledby': `${el.id}-samenvatting-kop` },
                ...v.summary.regelingen.map((r) => h('li', {}, r)),
              ),
            ]
          : v.note
            ? [h('p', { class: 'message-text' }, v.note)]
            : []),
      );
      el.summary.dataset['tone'] = v.summary ? 'success' : v.note ? 'info' : '';
    }
    el.applyBlock.hidden = v.summary === undefined;
    el.apply.disabled = !v.applyEnabled;
    // The werkmap's own table Realisatie: "Toevoegen" and "Vervangen" instead of making the sheet.
    const both = el.modes !== undefined && v.existingTable === true;
    el.apply.hidden = both;
    setText(el.applyHint, both && el.modes ? el.modes.hint : el.texts.replaces);
    if (el.modes) {
      el.modes.append.hidden = !both;
      el.modes.replace.hidden = !both;
      el.modes.append.disabled = !v.applyEnabled;
      el.modes.replace.disabled = !v.applyEnabled;
    }
  }

  /** The message text and, after a load, the next steps as a list (a labelled list, read in order). */
  private showMessage(live: HTMLElement, text: string, steps: readonly string[] | undefined): void {
    const key = JSON.stringify([text, steps ?? []]);
    if (live.dataset['shown'] === key) return;
    live.dataset['shown'] = key;
    if (!steps || steps.length === 0) {
      live.textContent = text;
      return;
    }
    live.replaceChildren(
      h('p', { class: 'message-text' }, text),
      h('p', { class: 'message-heading', id: 'wat-nu' }, NL.nextSteps.heading),
      h('ul', { class: 'next-steps', 'aria-labelledby': 'wat-nu' }, ...steps.map((s) => h('li', {}, s))),
    );
  }

  private render(): void {
    const v = view(this.state);
    const { el } = this;
    el.form.hidden = !v.showForm;
    el.fields.disabled = !v.controlsEnabled;
    this.combobox.disabled = !v.controlsEnabled;
    this.combobox.show(this.state.selection.gemeente);
    for (const [id, radio] of el.radios) radio.checked = id === this.state.selection.keyId;
    for (const [id, radio] of el.editionRadios) radio.checked = id === this.state.selection.editionId;
    this.renderCompare();
    el.withRealisatie.checked = this.state.selection.withRealisatie === true;
    el.load.disabled = !v.loadEnabled;
    el.refresh.disabled = !v.refreshEnabled;
    el.form.setAttribute('aria-busy', this.state.busy ? 'true' : 'false');

    el.progress.hidden = v.progress === undefined;
    if (v.progress) {
      setText(el.progressText, v.progress.text);
      el.progressBar.max = v.progress.max;
      el.progressBar.value = v.progress.value;
    }

    // Both regions stay in the accessibility tree (an empty one collapses in CSS), so changes are announced.
    const live = v.message.role === 'alert' ? el.alert : el.status;
    const other = live === el.alert ? el.status : el.alert;
    this.showMessage(other, '', undefined);
    live.dataset['tone'] = v.message.tone;
    this.showMessage(live, v.message.text, v.message.steps);

    el.confirm.hidden = v.confirm === undefined;
    if (v.confirm) {
      setText(el.confirmTitle, v.confirm.title);
      setText(el.confirmText, v.confirm.text);
      setText(el.confirmReplace, v.confirm.accept);
    }
    this.renderPasteSection(el.besch, v.beschikking);
    this.renderPasteSection(el.real, v.realisatie);
  }
}
