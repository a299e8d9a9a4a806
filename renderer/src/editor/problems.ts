// The checker's problems in an editor: a wavy underline under what is wrong and, under its line,
// the message itself ("line 3: numpy is not a module GIL Lab can run — supported: …"), as the lesson
// reads best with the reason in view rather than in a tooltip.
import { StateEffect, StateField, type EditorState, type Range } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import type { Problem } from '../../../common/python/check';

/** Replaces the problems shown (made for the editor's current text). */
export const setProblems = StateEffect.define<readonly Problem[]>();

class ProblemMessage extends WidgetType {
  constructor(private readonly messages: readonly string[]) {
    super();
  }
  override eq(other: ProblemMessage): boolean {
    return other.messages.join('\n') === this.messages.join('\n');
  }
  toDOM(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'cm-problem-message';
    box.setAttribute('role', 'note');
    box.dataset.testid = 'editor-problem';
    for (const message of this.messages) {
      const line = document.createElement('div');
      line.textContent = message;
      box.append(line);
    }
    return box;
  }
  override ignoreEvent(): boolean {
    return false;
  }
}

/** A problem's span as document offsets, clamped to the text (a problem at the end of the text has one). */
export function problemRange(state: EditorState, p: Problem): { from: number; to: number; line: number } {
  const doc = state.doc;
  const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
  const from = Math.min(line.from + Math.max(0, p.col), line.to);
  const endLine = doc.line(Math.min(Math.max(line.number, p.endLine), doc.lines));
  let to = Math.min(endLine.from + Math.max(0, p.endCol), endLine.to);
  if (to <= from) to = Math.min(from + 1, line.to);
  return { from, to: Math.max(from, to), line: line.number };
}

function decorate(state: EditorState, problems: readonly Problem[]): DecorationSet {
  const marks: Range<Decoration>[] = [];
  const byLine = new Map<number, string[]>();
  for (const p of problems) {
    const { from, to, line } = problemRange(state, p);
    if (to > from) marks.push(Decoration.mark({ class: 'cm-problem' }).range(from, to));
    const messages = byLine.get(line) ?? [];
    messages.push(`line ${p.line}: ${p.message}`);
    byLine.set(line, messages);
  }
  for (const [line, messages] of byLine) {
    const at = state.doc.line(line);
    marks.push(Decoration.line({ class: 'cm-problem-line' }).range(at.from));
    marks.push(Decoration.widget({ widget: new ProblemMessage(messages), block: true, side: 1 }).range(at.to));
  }
  return Decoration.set(marks, true);
}

/** The problems' decorations; they move with the text while the user types, until the next check. */
export const problemsField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) if (effect.is(setProblems)) next = decorate(tr.state, effect.value);
    return next;
  },
  // Block widgets (the messages) must come from a field, not a view plugin.
  provide: (field) => EditorView.decorations.from(field),
});
