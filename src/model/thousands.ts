/**
 * "1,234": numbers as every interface writes them, with en-US thousands separators. Whole
 * numbers are grouped here, without ICU: the first toLocaleString of a process sets up ICU's
 * number formatting, a tenth of a whole `crisismap count`. Anything else goes to ICU.
 */
export function thousands(n: number): string {
  // Beyond 1e21 String() writes an exponent, and -0 is "-0" in en-US.
  if (!Number.isInteger(n) || Math.abs(n) >= 1e21 || Object.is(n, -0)) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
