/**
 * The portal's clock. Services read time only through it, so tests can set the time
 * (`clock.set(date)`) and deadlines can be checked without waiting.
 */
let fixed: Date | null = null;

export const clock = {
  now(): Date {
    return fixed ? new Date(fixed) : new Date();
  },
  /** Tests only: freeze the clock at `date` (null returns to real time). */
  set(date: Date | null): void {
    fixed = date ? new Date(date) : null;
  },
};
