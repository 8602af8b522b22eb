/** A share in percent with one decimal, as the reports print it; null when there is nothing to divide. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
