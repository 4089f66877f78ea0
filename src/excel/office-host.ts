/**
 * The two office.js entry points the task pane needs before and beside rendering: `Office.onReady`
 * (which host are we in?) and the document settings (what did the add-in build in this workbook?).
 * They live here because src/excel is the only code that names the Office globals.
 */

/** The part of the Office global the environment check needs (structural, so tests can fake it). */
export interface OfficeLike {
  onReady(): Promise<{ readonly host: string | null }>;
  readonly context?: {
    readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

/** The Office global as the environment check needs it, or undefined when office.js did not load. */
export function officeGlobal(): OfficeLike | undefined {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return undefined;
  return {
    onReady: async () => {
      const info = await Office.onReady();
      return { host: info.host ? String(info.host) : null };
    },
    get context() {
      return Office.context;
    },
  };
}

/** A value stored inside the open document (Office.context.document.settings). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: () => void): void;
}

export function documentSettings(): DocumentSettings | undefined {
  try {
    if (typeof Office === 'undefined') return undefined;
    const settings = Office.context?.document?.settings;
    if (!settings) return undefined;
    return {
      get: (name) => settings.get(name) as unknown,
      set: (name, value) => settings.set(name, value),
      saveAsync: (callback) => settings.saveAsync(() => callback?.()),
    };
  } catch {
    return undefined;
  }
}
