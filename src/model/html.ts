/** Text from the data, made safe inside HTML, SVG and Markdown: the one escaping function. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
