/**
 * A password typed at the terminal, not echoed: the terminal is put in raw mode and the characters collected until
 * Enter (Backspace erases, Ctrl-C or Ctrl-D gives up). The prompt goes to stderr, so stdout stays the command's.
 */
export function readHiddenLine(prompt: string): Promise<string> {
  const stdin = process.stdin;
  // Raw before the prompt: what is typed as soon as it shows must not be echoed.
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (cancelled: boolean) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (cancelled) reject(new Error('cancelled'));
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(false);
        if (ch === '\u0003' || ch === '\u0004') return finish(true);
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
