/**
 * What every Excel batch of the add-in runs under: the runner (`Excel.run`, or a test host's) and our own
 * watchdog. Excel on the web can hang forever (office-js #6678), so every round trip is timed.
 */
import { SyncTimeoutError } from './failures';
import type { ExcelRunner, HostRequestContext } from './host';

/** Per round trip (and for Excel.run to start), unless a caller passes `timeoutMs`. */
export const DEFAULT_TIMEOUT_MS = 90_000;

/** An inactivity timer: kicked when a round trip starts and when it ends. */
export class Watchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fire: (error: SyncTimeoutError) => void = () => undefined;
  private done = false;
  readonly expired: Promise<never>;

  constructor(private readonly ms: number) {
    this.expired = new Promise<never>((_, reject) => {
      this.fire = reject;
    });
    this.expired.catch(() => undefined);
    this.kick();
  }

  kick(): void {
    if (this.done) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.done = true;
      this.fire(new SyncTimeoutError(this.ms / 1000));
    }, this.ms);
  }

  stop(): void {
    this.done = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  async sync(context: HostRequestContext): Promise<void> {
    this.kick();
    await Promise.race([context.sync(), this.expired]);
    this.kick();
  }
}

/** `Excel.run`, or undefined outside Excel. */
export function defaultRunner(): ExcelRunner | undefined {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') return undefined;
  return (batch) => Excel.run((context) => batch(context));
}
