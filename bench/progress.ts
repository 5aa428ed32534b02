/** One progress line: rewritten in place on a terminal, a plain line at most once a second otherwise. */
/** `update(text, true)` shows the line at once (a new phase), else at most 10 times a second on a terminal. */
export type Progress = { update(text: string, now?: boolean): void; done(): void };

export const progressLine = (stream: NodeJS.WriteStream = process.stderr): Progress => {
  const tty = stream.isTTY === true;
  let lastAt = 0;
  let shown = '';
  return {
    update(text, force = false) {
      const now = Date.now();
      if (text === shown || (!force && now - lastAt < (tty ? 100 : 1_000))) return;
      lastAt = now;
      shown = text;
      const width = Math.max(20, (stream.columns ?? 100) - 1);
      if (tty) stream.write(`\r${text.slice(0, width).padEnd(width)}`);
      else stream.write(`${text}\n`);
    },
    done() {
      if (tty && shown !== '') stream.write(`\r${' '.repeat(Math.max(20, (stream.columns ?? 100) - 1))}\r`);
      shown = '';
      lastAt = 0;
    },
  };
};
