/**
 * Characters no XML document may hold, even escaped (XML 1.0 §2.2): the C0 controls but tab,
 * newline and carriage return; U+FFFE and U+FFFF; halves of surrogate pairs standing alone.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text made writable in XML, HTML and SVG without losing sight of what it held: a control
 * character becomes its visible symbol (U+0001 → ␁, escape → ␛), anything else XML cannot
 * hold becomes U+FFFD. Nothing is dropped silently: the reader sees that something was there.
 */
export function visibleControls(text: string): string {
  return text.replace(NOT_XML, (ch) => (ch.charCodeAt(0) < 0x20 ? String.fromCharCode(0x2400 + ch.charCodeAt(0)) : '\ufffd'));
}

/** Text from the data, made safe inside HTML, SVG and Markdown: the one escaping function. */
export function escapeHtml(text: string | number): string {
  return visibleControls(String(text)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
