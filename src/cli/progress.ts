/** A progress bar on a terminal; silent when output goes to a file or a pipe (scripts, CI). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): ((label: string, fraction: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = '';
  return (label, fraction) => {
    const width = 30;
    const done = Math.round(Math.min(1, Math.max(0, fraction)) * width);
    const text = `${label} [${'#'.repeat(done)}${' '.repeat(width - done)}] ${Math.round(fraction * 100)}%`;
    if (text === last) return;
    last = text;
    stream.write(`\r${text}`);
    if (fraction >= 1) stream.write('\n');
  };
}
