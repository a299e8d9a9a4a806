// A measured program's stderr, minus what the tracer's events already show (tracebacks, prints
// to sys.stderr): what is left (warnings, a crash's last words) becomes an `error` instant.

export class StderrText {
  private expected: string[] = [];

  /** Text an event reported; it will also arrive on stderr. A clipped text ("…tail") matches its tail. */
  expect(text: string): void {
    const tail = text.startsWith('…') ? text.slice(1) : text;
    if (tail.trim()) this.expected.push(tail);
  }

  /** The part of `text` no expected text accounts for ('' when all of it is). */
  unexplained(text: string): string {
    let rest = text;
    this.expected = this.expected.filter((e) => {
      const i = rest.indexOf(e);
      if (i < 0) return true;
      rest = rest.slice(0, i) + rest.slice(i + e.length);
      return false;
    });
    return rest.trim() ? rest.replace(/^\n+|\n+$/g, '') : '';
  }
}
