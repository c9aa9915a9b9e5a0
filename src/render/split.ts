// Long answers become several messages: split at blank lines (between blocks), then at line ends,
// then at spaces; never inside a line's markup, because each piece is formatted after it is cut.

/** Cut text into pieces of at most `max` characters, at spaces where possible. */
export function cutText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const space = rest.lastIndexOf(" ", max);
    const cut = space > max / 2 ? space : max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/**
 * Packs formatted lines into messages no longer than `max`. `format` turns one raw line into its final form;
 * `cut` shortens a raw line that alone would not fit. A blank raw line ("") marks a preferred break.
 */
export function packLines<L>(
  lines: readonly L[],
  max: number,
  format: (line: L) => string,
  cut: (line: L, room: number) => L[],
  isBlank: (line: L) => boolean,
): string[] {
  const messages: string[] = [];
  let current: string[] = [];
  let length = 0;
  const flush = () => {
    while (current.length > 0 && current[current.length - 1] === "") current.pop();
    if (current.length > 0) messages.push(current.join("\n"));
    current = [];
    length = 0;
  };
  // Group into paragraphs so a block moves to the next message whole when it can.
  const paragraphs: L[][] = [[]];
  for (const line of lines) {
    if (isBlank(line)) paragraphs.push([]);
    else paragraphs[paragraphs.length - 1]!.push(line);
  }
  for (const paragraph of paragraphs) {
    if (paragraph.length === 0) continue;
    // Each line is formatted once; only a line too long for a message is cut and its pieces formatted.
    const formatted = paragraph.map(format);
    const size = formatted.reduce((sum, text) => sum + text.length + 1, 0);
    if (length > 0 && length + 1 + size > max) flush();
    if (length > 0) {
      current.push("");
      length += 1;
    }
    paragraph.forEach((line, index) => {
      const whole = formatted[index]!;
      for (const text of whole.length > max ? cut(line, max).map(format) : [whole]) {
        if (length > 0 && length + text.length + 1 > max) flush();
        current.push(text);
        length += text.length + 1;
      }
    });
  }
  flush();
  return messages;
}

/**
 * A plain notice (admin lists such as /chuatraloi, /lichsu) in messages of at most `max` characters: split at
 * blank lines, then line ends, then spaces, like answers.
 */
export function splitNotice(text: string, max: number): string[] {
  return packLines(text.split("\n"), max, (line) => line, (line, room) => cutText(line, room), (line) => line === "");
}
