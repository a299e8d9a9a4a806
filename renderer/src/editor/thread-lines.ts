// Lines lit in an editor: the line each thread of a run was executing at the time cursor, in the
// thread's colour. Several threads on one line show every colour (a bar each at the left edge) and
// every name (chips at the end of the line).
import { StateEffect, StateField, type EditorState, type Range } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';

export interface LitThread {
  tid: number;
  name: string;
  color: string;
}

export interface LitLine {
  /** 1-based line of the editor's text. */
  line: number;
  threads: LitThread[];
}

export const setLitLines = StateEffect.define<readonly LitLine[]>();

/** A gradient of one stripe per colour: the bars at the line's left edge (at most 12 px of them). */
export function stripes(
  colors: readonly string[],
  widthPx = Math.max(1, Math.min(4, Math.floor(12 / Math.max(1, colors.length)))),
): string {
  const stops = colors.map((c, i) => `${c} ${i * widthPx}px ${(i + 1) * widthPx}px`);
  return `linear-gradient(90deg, ${stops.join(', ')}, transparent ${colors.length * widthPx}px)`;
}

class ThreadChips extends WidgetType {
  constructor(private readonly threads: readonly LitThread[]) {
    super();
  }
  override eq(other: ThreadChips): boolean {
    return (
      other.threads.map((t) => `${t.tid}${t.color}`).join() === this.threads.map((t) => `${t.tid}${t.color}`).join()
    );
  }
  toDOM(): HTMLElement {
    const box = document.createElement('span');
    box.className = 'cm-thread-chips';
    box.setAttribute('aria-hidden', 'true');
    for (const t of this.threads) {
      const chip = document.createElement('span');
      chip.className = 'cm-thread-chip';
      chip.style.setProperty('--thread-color', t.color);
      chip.textContent = t.name;
      box.append(chip);
    }
    return box;
  }
}

function decorate(state: EditorState, lines: readonly LitLine[]): DecorationSet {
  const out: Range<Decoration>[] = [];
  for (const { line, threads } of lines) {
    if (line < 1 || line > state.doc.lines || threads.length === 0) continue;
    const at = state.doc.line(line);
    const colors = threads.map((t) => t.color);
    out.push(
      Decoration.line({
        class: 'cm-thread-line',
        attributes: {
          style: `--thread-color: ${colors[0]}; --thread-stripes: ${stripes(colors)}`,
          'data-threads': threads.map((t) => t.tid).join(' '),
          title: `${threads.map((t) => t.name).join(', ')} ${threads.length === 1 ? 'is' : 'are'} here`,
        },
      }).range(at.from),
    );
    out.push(Decoration.widget({ widget: new ThreadChips(threads), side: 1 }).range(at.to));
  }
  return Decoration.set(out, true);
}

export const litLinesField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) if (effect.is(setLitLines)) next = decorate(tr.state, effect.value);
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
