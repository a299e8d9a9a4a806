// The editors' CodeMirror setup: Python, highlighted in the window's own colours (classHighlighter
// gives tokens tok-* classes; editor.css colours them), the checker's problems, lines lit by the
// time cursor. The program editor edits; a run's source view only reads.
import { indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { syntaxHighlighting } from '@codemirror/language';
import { Annotation, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { problemsField } from './problems';
import { litLinesField } from './thread-lines';

/** Marks a change that came from the store (a preset chosen, a file opened), not from the user. */
export const fromStore = Annotation.define<boolean>();

/** The structural part of the dark theme; colours and sizes live in editor.css (presenter mode scales them). */
const theme = EditorView.theme(
  {
    '&': { height: '100%' },
    '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  },
  { dark: true },
);

// No line wrapping: a wrapped Python line reads as two statements. Long lines scroll sideways; the
// names of the threads on a lit line stay in view at the right edge (editor.css).
const common: Extension[] = [python(), syntaxHighlighting(classHighlighter), theme, litLinesField];

/** The program editor: line numbers, undo, brackets, Tab indents (Escape then Tab leaves the editor). */
export function programEditorExtensions(onChange: (source: string, replacedAll: boolean) => void): Extension[] {
  return [
    basicSetup,
    keymap.of([indentWithTab]),
    EditorState.tabSize.of(4),
    ...common,
    problemsField,
    EditorView.contentAttributes.of({ 'aria-label': 'Program source (Python)', 'data-testid': 'editor-content' }),
    EditorView.updateListener.of((update) => {
      const edits = update.transactions.filter((tr) => tr.docChanged && !tr.annotation(fromStore));
      if (edits.length === 0) return;
      // A paste (or typing) over the whole text makes a new program, not an edit of the old one.
      const replacedAll = edits.some((tr) => {
        let all = false;
        tr.changes.iterChangedRanges((fromA, toA) => {
          if (fromA === 0 && toA === tr.startState.doc.length && toA > 0) all = true;
        });
        return all;
      });
      onChange(update.state.doc.toString(), replacedAll);
    }),
  ];
}

/** A run's source: read-only, line numbers, the lines the variant changed marked. */
export function sourceViewExtensions(label: string, extra: Extension[] = []): Extension[] {
  return [
    lineNumbers(),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    ...common,
    EditorView.contentAttributes.of({ 'aria-label': label }),
    ...extra,
  ];
}
