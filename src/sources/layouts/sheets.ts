/**
 * Which sheet of a workbook holds the data. ACLED's workbooks sometimes open with a
 * terms-of-use sheet (a few long sentences) before the data sheet. Written against a small
 * interface, the first rows of each sheet, so that any workbook reader can use it.
 */

/** What a reader shows of one sheet: its name and its first rows as text. */
export interface SheetPreview {
  name: string;
  rows: string[][];
}

/** How many leading rows a reader should pass in a preview. */
export const PREVIEW_ROWS = 5;

/** A header row: at least two named columns, each a short name rather than a sentence. */
function looksLikeHeader(row: string[]): boolean {
  const named = row.map((c) => c.trim()).filter(Boolean);
  return named.length >= 2 && named.every((c) => c.length <= 60 && !/[.!?]\s/.test(c));
}

/** The index of the first sheet whose first non-empty row is a header and which has a row below it; else the first sheet. */
export function chooseDataSheet(sheets: SheetPreview[]): number {
  const index = sheets.findIndex((s) => {
    const rows = s.rows.filter((r) => r.some((c) => c.trim()));
    return rows.length >= 2 && looksLikeHeader(rows[0]!);
  });
  return Math.max(index, 0);
}
