/**
 * The task pane's production services (`officeServices()`) on the fake Excel host: the globals
 * `Excel` and `Office` as office.js sets them (the runner, the requirement sets, the document
 * settings kept in memory), a workbook rendered from a plan, and a render request as the pane sends it.
 * Shared by the pane's tests (office-services, realisatie-option, realisatie-paste).
 */
import type { CbsCode } from '../../src/domain';
import { defaultEditionId } from '../../src/data';
import type { WorkbookPlan } from '../../src/plan';
import type { RenderRequest } from '../../src/taskpane/controller';
import type { Selection } from '../../src/taskpane/state';
import { FakeExcel } from './fake-excel';
import { ok, render } from './render-fake';

/** Almere: a gemeente with every regeling (Brede SPUK, SPUK IZA, SPUK AZWA). */
export const ALMERE = 'GM0034' as CbsCode;

/** The document settings (`Office.context.document.settings`), kept in memory; `saves` counts `saveAsync`. */
export interface MemorySettings {
  readonly stored: Record<string, unknown>;
  readonly saves: number;
  readonly settings: {
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    saveAsync(callback?: () => void): void;
  };
}

export function memorySettings(initial: Record<string, unknown> = {}): MemorySettings {
  const stored: Record<string, unknown> = { ...initial };
  let saves = 0;
  return {
    stored,
    get saves() {
      return saves;
    },
    settings: {
      get: (name) => stored[name] ?? null,
      set: (name, value) => {
        stored[name] = value;
      },
      saveAsync: (callback) => {
        saves++;
        callback?.();
      },
    },
  };
}

const globals = globalThis as { Excel?: unknown; Office?: unknown };

/** Points office.js's globals at the fake host (and, when given, the in-memory document settings). */
export function installHost(fake: FakeExcel, settings?: MemorySettings): void {
  globals.Excel = { run: fake.run };
  globals.Office = {
    context: {
      requirements: fake.requirements,
      ...(settings ? { document: { settings: settings.settings } } : {}),
    },
  };
}

/** Removes the globals again (call in `afterEach`). */
export function removeHost(): void {
  delete globals.Excel;
  delete globals.Office;
}

/** A fake workbook holding `plan` as the renderer writes it (a first build); throws on a failure. */
export async function renderedFake(plan: WorkbookPlan): Promise<FakeExcel> {
  const fake = new FakeExcel();
  ok(await render(fake, plan));
  return fake;
}

/**
 * The render request the pane sends: Almere, key spuk-2025, the newest edition, nothing replaced,
 * a first build; `selection` and the other fields override.
 */
export function paneRequest(
  selection: Partial<Selection> = {},
  rest: Partial<Omit<RenderRequest, 'selection'>> = {},
): RenderRequest {
  return {
    selection: { gemeente: ALMERE, keyId: 'spuk-2025', editionId: defaultEditionId(), ...selection },
    replaceWeights: false,
    builtBefore: false,
    replaceNational: false,
    onProgress: () => undefined,
    ...rest,
  };
}

/**
 * A row as copied from the table Begroting (tab-separated, as Excel puts it on the clipboard): the
 * uitvoerder "Gemeente", incidenteel, `amounts` per year (as typed), the other columns empty.
 */
export function realisatieRow(
  years: readonly number[],
  regeling: string,
  activiteit: string,
  amounts: Readonly<Record<number, string>>,
): string {
  return [
    regeling,
    '',
    activiteit,
    '',
    'Gemeente',
    'incidenteel',
    ...years.map((y) => amounts[y] ?? ''),
    '',
    '',
  ].join('\t');
}

/**
 * Two rows of realisatie without header: Brede SPUK "Buurtsportcoaches" 2023–2025 (€ 400.000,
 * € 1.450.000, € 300.000) and SPUK IZA "Regionaal plan" 2023–2024 (€ 120.000, € 80.000); together
 * € 2.350.000. Amounts without an ambiguous thousands dot (a lone "400.000" is refused as ambiguous).
 */
export function realisatiePaste(years: readonly number[]): string {
  return [
    realisatieRow(years, 'Brede SPUK', 'Buurtsportcoaches', {
      2023: '400000',
      2024: '€ 1.450.000',
      2025: '300000',
    }),
    realisatieRow(years, 'SPUK IZA', 'Regionaal plan', { 2023: '120000', 2024: '80000' }),
  ].join('\n');
}
