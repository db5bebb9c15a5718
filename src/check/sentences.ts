/**
 * A text cut into sentences with their offsets. A sentence ends at . ! ? (or a line break)
 * followed by a capital, a quote or a digit — except after abbreviations ("Nov.", "Mr.",
 * "U.N", initials), which news text is full of. Headlines and captions without a final
 * stop end at the line break.
 */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS =
  /(?:\b(?:mr|mrs|ms|dr|st|gen|col|lt|sgt|capt|prof|sen|rep|gov|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|vs|etc|approx|inc|ltd|co|corp|dept|est|fig|mt|ft|u\.s|u\.n|e\.g|i\.e|m|mme|mm)|\b\p{Lu})\.$/iu;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ start: start + lead, end: start + lead + body.length, text: body });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' && /\n\s*$/.test(text.slice(start, i)) === false && /^\s*\n|^\s*\S/.test(text.slice(i + 1))) {
      // A line break ends a sentence when the line is a paragraph, a heading or a caption.
      const next = text.slice(i + 1);
      if (/^\s*\n/.test(next) || /[.!?:"”»)]\s*$/.test(text.slice(start, i)) || /^\s*[\p{Lu}\d"“«]/u.test(next)) {
        push(i + 1);
        continue;
      }
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < text.length && /["”’»)\]]/.test(text[j]!)) j++;
    if (j < text.length && !/\s/.test(text[j]!)) continue;
    const next = text.slice(j).trimStart();
    if (next && !/^[\p{Lu}\d"“«(‘'—–-]/u.test(next)) continue;
    if (ch === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, i - 6), i + 1))) continue;
    push(j);
  }
  push(text.length);
  return out;
}
