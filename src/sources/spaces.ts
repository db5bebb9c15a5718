/**
 * The spaces an import trims from both ends of every value, and the byte test that lets a file
 * skip the costly part of that. Trimming every value of every column for Unicode spaces took
 * nearly half of a clean import's SQL work (bench/RESULTS.md); a file whose bytes hold none of
 * them anywhere needs only ASCII spaces trimmed, which is the cheap test it had before.
 */

/**
 * ASCII space, tab, CR, LF, no-break space, the Unicode spaces U+2000–U+200A, narrow no-break,
 * medium mathematical and ideographic spaces, and a stray byte order mark. Excel and web pages
 * leave them around numbers.
 */
export const SPACES = ' \t\r\n\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff';

/** The spaces beyond ASCII, as their UTF-8 bytes read as one number (two or three bytes each). */
const WIDE = new Set([...SPACES].filter((c) => c > '\u007f').map((c) => Buffer.from(c, 'utf8').reduce((n, b) => n * 256 + b, 0)));
/** Their first bytes: most non-ASCII characters start otherwise and are passed over at once. */
const LEADS = new Uint8Array(256);
for (const c of SPACES) if (c > '\u007f') LEADS[Buffer.from(c, 'utf8')[0]!] = 1;

/** Whether the UTF-8 bytes of a space beyond ASCII start at `chunk[i]`. Called for every byte above 0x7f of a file, so no allocation. */
export function wideSpaceAt(chunk: Buffer, i: number): boolean {
  if (!LEADS[chunk[i]!]) return false;
  const two = chunk[i]! * 256 + (chunk[i + 1] ?? 0);
  return WIDE.has(two) || WIDE.has(two * 256 + (chunk[i + 2] ?? 0));
}

/**
 * Whether UTF-8 bytes hold a space beyond ASCII or a carriage return that ends no line: what
 * the file scan (encoding.ts) notes as it reads, for bytes written elsewhere (a sync's staged
 * pages). Looks for the few lead bytes with indexOf, so ASCII text costs a memchr per lead.
 */
export function holdsUnusualSpace(bytes: Buffer): boolean {
  for (let lead = 0; lead < 256; lead++) {
    if (!LEADS[lead]) continue;
    for (let i = bytes.indexOf(lead); i !== -1; i = bytes.indexOf(lead, i + 1)) if (wideSpaceAt(bytes, i)) return true;
  }
  for (let i = bytes.indexOf(0x0d); i !== -1; i = bytes.indexOf(0x0d, i + 1)) if (bytes[i + 1] !== 0x0a) return true;
  return false;
}

/** The same test on text written by JavaScript. */
export const UNUSUAL_SPACE = new RegExp(`[${[...SPACES].filter((c) => c > '\u007f').join('')}]|\\r(?!\\n)`);
