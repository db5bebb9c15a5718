/** "Did you mean": the few known names nearest to what the user typed. */
export function closest(input: string, candidates: string[], count = 3): string[] {
  const needle = input.trim().toLowerCase();
  const scored = candidates.map((c) => {
    const hay = c.toLowerCase();
    // A name that contains what was typed, or starts like it, beats a merely similar one.
    const bonus = hay.includes(needle) ? -100 : hay.startsWith(needle.slice(0, 3)) ? -1 : 0;
    return { c, score: distance(needle, hay.slice(0, needle.length + 3)) + bonus };
  });
  scored.sort((a, b) => a.score - b.score || a.c.localeCompare(b.c));
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score <= Math.max(best + 2, 3) || s.score < 0)
    .slice(0, count)
    .map((s) => s.c);
}

/** The one known name within a typo or two of `input` (a third of its length at most), if any. */
export function nearest(input: string, candidates: string[]): string | undefined {
  const needle = input.toLowerCase();
  const limit = Math.max(1, Math.floor(needle.length / 3));
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(needle, c.toLowerCase());
    if (d <= limit && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
