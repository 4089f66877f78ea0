/**
 * Contract violations inside the domain: these are programming errors, thrown.
 * What a user can get wrong is returned as a typed failure instead (see failures.ts).
 */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotWholeEurosError extends DomainError {
  constructor(readonly value: number) {
    super(`Not a safe whole number of euros: ${value}`);
  }
}

export class MalformedAmountError extends DomainError {
  constructor(readonly text: string) {
    super(`Not a decimal amount: ${JSON.stringify(text)}`);
  }
}

export class UnknownLineError extends DomainError {
  constructor(readonly nr: number) {
    super(`Unknown line (onderdeel) number: ${nr}`);
  }
}

export class UnknownGemeenteError extends DomainError {
  constructor(readonly code: string) {
    super(`Unknown gemeente code: ${code}`);
  }
}

export class KeyShapeError extends DomainError {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Verdeelsleutel has ${actual} weights for ${expected} gemeenten`);
  }
}

export class PrecisionError extends DomainError {
  constructor(readonly product: number) {
    super(`Amount × weight ${product} exceeds the exact integer range of a double`);
  }
}

export class ZeroWeightsError extends DomainError {
  constructor(readonly amount: number) {
    super(`Cannot split ${amount} over weights that add up to 0`);
  }
}

export class EditionError extends DomainError {
  constructor(
    readonly id: string,
    detail: string,
  ) {
    super(`Edition ${id}: ${detail}`);
  }
}
