import { NotWholeEurosError, MalformedAmountError } from './errors';

/** Whole euros. Branded so that a float cannot be passed where money is meant. */
export type Euro = number & { readonly __brand: 'Euro' };

/** Checks that `n` is a safe whole number of euros. */
export function euro(n: number): Euro {
  if (!Number.isSafeInteger(n)) throw new NotWholeEurosError(n);
  return n as Euro;
}

export const ZERO = 0 as Euro;

export function addEuro(a: Euro, b: Euro): Euro {
  return euro(a + b);
}

export function sumEuro(values: readonly Euro[]): Euro {
  let s = 0;
  for (const v of values) s += v;
  return euro(s);
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,6}))?$/;

/**
 * Converts an amount in millions written as a decimal string ("89.3", "-23.5", "150")
 * to whole euros without ever passing through a float: 89.3 mln = 89 300 000.
 */
export function mlnToEuro(text: string): Euro {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new MalformedAmountError(text);
  const sign = m[1] === '-' ? -1 : 1;
  const whole = m[2] ?? '0';
  const frac = (m[3] ?? '').padEnd(6, '0');
  return euro(sign * Number(whole + frac));
}

/** Whole euros to millions, for display and for the workbook's mln tables (exact to 6 decimals). */
export function euroToMln(value: Euro): number {
  return value / 1_000_000;
}
