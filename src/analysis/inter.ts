/**
 * ACLED's actor types ("inter codes"): 1 state forces … 8 external/other forces. Older
 * exports write the digit, newer ones the label; both read the same here.
 */
export const INTER_LABELS: Record<string, string> = {
  '0': 'No actor',
  '1': 'State forces',
  '2': 'Rebel groups',
  '3': 'Political militias',
  '4': 'Identity militias',
  '5': 'Rioters',
  '6': 'Protesters',
  '7': 'Civilians',
  '8': 'External/Other forces',
};

const ORDER = new Map(Object.values(INTER_LABELS).map((label, i) => [label.toLowerCase(), i]));

/** The label of an inter code or of a label as newer exports write it; null stays "No actor". */
export function interLabel(code: string | null | undefined): string {
  const text = (code ?? '').trim();
  if (!text) return INTER_LABELS['0']!;
  return INTER_LABELS[text] ?? text;
}

/**
 * "State forces – Rebel groups": the two parties' types in ACLED's order (smaller code first,
 * as in its interaction codes), so that 12 and 21 fall together.
 */
export function partiesLabel(inter1: string | null | undefined, inter2: string | null | undefined): string {
  const labels = [interLabel(inter1), interLabel(inter2)];
  if (labels[1] === INTER_LABELS['0']) return `${labels[0]} alone`;
  const rank = (l: string) => ORDER.get(l.toLowerCase()) ?? 99;
  labels.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return labels.join(' – ');
}

/** An interaction code such as "27" spelled out; labels (newer exports) pass through. */
export function interactionLabel(code: string | null | undefined): string {
  const text = (code ?? '').trim();
  if (/^\d\d$/.test(text)) return partiesLabel(text[0], text[1] === '0' ? null : text[1]);
  return text || 'unknown';
}
