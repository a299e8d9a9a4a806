// The checker behind the editor: once the user pauses typing, the program's text is checked
// (common/python/check.ts, and each strategy's variant) and the verdict lands in the settings store,
// where the editor shows it under the lines and Run reads it. Checking on every keystroke would
// parse a 256 KB paste once per character; a pause costs nothing a reader notices.
import { checkSource, useSettings } from './store/settings';

/** How long the text must stay unchanged before it is checked. */
export const checkDelayMs = 250;

/** Checks the editor's text now if the last check is of another text (Run does this before it sends). */
export function checkProgramNow(): void {
  const s = useSettings.getState();
  if (s.check.source !== s.program.source) s.setCheck(checkSource(s.program.source));
}

/**
 * Keeps the check following the text: each change (re)starts the pause. `schedule` is setTimeout's
 * shape, so tests can run the pause by hand. Returns the stop.
 */
export function keepProgramChecked(
  schedule: (check: () => void, ms: number) => () => void = (check, ms) => {
    const timer = setTimeout(check, ms);
    return () => clearTimeout(timer);
  },
  delayMs = checkDelayMs,
): () => void {
  let cancel: (() => void) | null = null;
  let last = useSettings.getState().program.source;
  const unsubscribe = useSettings.subscribe((s) => {
    if (s.program.source === last) return;
    last = s.program.source;
    cancel?.();
    cancel =
      s.check.source === last
        ? null
        : schedule(() => {
            cancel = null;
            checkProgramNow();
          }, delayMs);
  });
  return () => {
    cancel?.();
    unsubscribe();
  };
}
