// The Python each run executed (its strategy's variant of the program), side by side: the lesson's
// two calc() cells, one with Thread and one with Process. Lines the variant changed or added are
// marked; the time cursor lights the line each thread of the run was executing.
import { RangeSetBuilder, StateField, EditorState } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { RunRecord } from '../../../common/run-record';
import { cursorThreads, litLines } from '../cursor-lines';
import { sourceViewExtensions } from '../editor/setup';
import { setLitLines } from '../editor/thread-lines';
import { sessionProgram } from '../session-program';
import { useLiveRevision, useShownSession } from '../store/hooks';
import { useView } from '../store/view';
import { strategyColors } from '../theme';

export type LineChange = 'added' | 'changed' | null;

/** How each line of a run's source differs from the program's line it maps to (lineMap). */
export function lineChanges(
  source: string,
  lineMap: readonly number[] | undefined,
  program: string | null,
): LineChange[] {
  const lines = source.split('\n');
  const own = program?.split('\n') ?? null;
  return lines.map((text, i) => {
    const mapped = lineMap ? (lineMap[i] ?? 0) : i + 1;
    if (mapped === 0) return 'added';
    return own && own[mapped - 1] !== undefined && own[mapped - 1] !== text ? 'changed' : null;
  });
}

function changeMarks(changes: readonly LineChange[]) {
  return StateField.define<DecorationSet>({
    create(state) {
      const builder = new RangeSetBuilder<Decoration>();
      changes.forEach((change, i) => {
        if (change && i < state.doc.lines)
          builder.add(
            state.doc.line(i + 1).from,
            state.doc.line(i + 1).from,
            Decoration.line({
              class: `cm-variant-${change}`,
              attributes: { title: change === 'added' ? 'added by this strategy' : 'changed by this strategy' },
            }),
          );
      });
      return builder.finish();
    },
    update: (marks, tr) => marks.map(tr.changes),
    provide: (field) => EditorView.decorations.from(field),
  });
}

function SourceView({ run, program, us }: { run: RunRecord; program: string | null; us: number | null }) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const revision = useLiveRevision(us !== null);
  const source = run.info.source;
  const changes = useMemo(
    () => (source === undefined ? [] : lineChanges(source, run.info.lineMap, program)),
    [source, run.info.lineMap, program],
  );
  const changed = changes.filter((c) => c !== null).length;

  useEffect(() => {
    const parent = host.current;
    if (!parent || source === undefined) return;
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: source,
        extensions: sourceViewExtensions(`Python that ${run.info.strategy} ran`, [changeMarks(changes)]),
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [source, changes, run.info.strategy]);

  useEffect(() => {
    const lit = us === null ? [] : litLines(cursorThreads(run, us), 'source');
    viewRef.current?.dispatch({ effects: setLitLines.of(lit) });
    // A live run's trace grows in place: revision marks it; source: the view was made anew.
  }, [run, us, revision, source]);

  return (
    <article className="source-view" data-testid="source-view" data-strategy={run.info.strategy} data-measured={run.info.measured ? 'true' : undefined}>
      <header className="source-view-header">
        <span
          className="source-view-strategy"
          style={{ '--swatch': strategyColors[run.info.strategy] } as CSSProperties}
        >
          {run.info.strategy}
        </span>
        <span className="source-view-file">
          {run.info.workers} worker{run.info.workers === 1 ? '' : 's'}
          {changed > 0 ? ` · ${changed} line${changed === 1 ? '' : 's'} changed` : ' · the program as written'}
        </span>
      </header>
      {run.info.note && <p className="source-view-note">{run.info.note}</p>}
      {source === undefined ? (
        <p className="hint">This run did not record the Python it executed.</p>
      ) : (
        <div ref={host} className="source-view-code" />
      )}
    </article>
  );
}

/** The open source views of the shown session's runs, in run order. */
export function SourceViews() {
  const session = useShownSession();
  const open = useView((s) => s.sourceRuns);
  const setSourceRuns = useView((s) => s.setSourceRuns);
  const cursor = useView((s) => s.cursor);
  const runs = (session?.runs ?? []).filter((r) => open.includes(r.info.runId));
  const program = useMemo(() => (session ? (sessionProgram(session)?.source ?? null) : null), [session]);
  if (!session || runs.length === 0) return null;
  // The cursor lights lines in every open view: each run's threads at that instant.
  const us = cursor?.us ?? null;
  return (
    <section className="card source-views" aria-label="Source of each run" data-testid="source-views">
      <header className="card-header">
        <h2>Source</h2>
        <p className="card-note">the Python each run executed · marked lines are the strategy’s changes</p>
        <button type="button" className="button ghost compact" onClick={() => setSourceRuns([])}>
          Close
        </button>
      </header>
      <div className="source-view-row" style={{ '--columns': Math.min(runs.length, 3) } as CSSProperties}>
        {runs.map((run) => (
          <SourceView key={run.info.runId} run={run} program={program} us={us} />
        ))}
      </div>
    </section>
  );
}
