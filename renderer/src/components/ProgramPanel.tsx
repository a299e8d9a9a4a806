// The program panel: the presets one click away (each with its one-line lesson), Open… for a .py
// file, the code editor with the checker's problems under their lines, and the time cursor's legend
// (which thread is on which line, in which colour).
import { isolateHistory } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useId, useMemo, useRef, type ChangeEvent, type CSSProperties } from 'react';
import { findPreset } from '../../../common/presets';
import type { RunRecord } from '../../../common/run-record';
import { stateShortLabels } from '../theme';
import { cursorThreads, litLines, type CursorThread } from '../cursor-lines';
import { setProblems } from '../editor/problems';
import { fromStore, programEditorExtensions } from '../editor/setup';
import { setLitLines, type LitLine } from '../editor/thread-lines';
import { loadProgramFile } from '../engine-link';
import { dialogInstead } from '../host/files';
import { sessionProgram } from '../session-program';
import { formatDuration } from '../timeline/format';
import { useCursorRun, useLiveRevision, useShownSession } from '../store/hooks';
import { selectCheckIsCurrent, useSettings, type EditorProgram } from '../store/settings';
import { useView } from '../store/view';
import '../editor/editor.css';

const editedValue = '\u0000editor';
const noThreads: CursorThread[] = [];

/** The preset the editor's text is, unedited; null when it is edited or not a preset's. */
function unchangedPreset(program: EditorProgram): string | null {
  const preset = program.fromPreset ? findPreset(program.fromPreset) : undefined;
  return preset && preset.source === program.source ? preset.name : null;
}

function PresetPicker({ id }: { id: string }) {
  const catalog = useSettings((s) => s.presets);
  const program = useSettings((s) => s.program);
  const choosePreset = useSettings((s) => s.choosePreset);
  const preset = unchangedPreset(program);
  // The engine's list, once it has answered; until then the preset in the editor alone.
  const names = catalog.length > 0 ? catalog.map((p) => p.name) : preset ? [preset] : [];
  const lesson =
    preset || program.fromPreset ? findPreset(preset ?? program.fromPreset ?? '')?.description : program.description;

  const onSelect = (event: ChangeEvent<HTMLSelectElement>) => {
    if (event.target.value !== editedValue) choosePreset(event.target.value);
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Clearing the input lets the same file be picked again after it is changed.
    event.target.value = '';
    if (file) void loadProgramFile(file);
  };

  return (
    <>
      <div className="program-picker">
        <label htmlFor={id} className="visually-hidden">
          Program
        </label>
        <select id={id} className="select" value={preset ?? editedValue} onChange={onSelect}>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          {preset === null && (
            <option value={editedValue}>{program.fromPreset ? `${program.fromPreset} (edited)` : program.file}</option>
          )}
        </select>
        <label className="file-button" title="Open a Python file (.py) into the editor">
          <input
            type="file"
            accept=".py,text/x-python,text/plain"
            className="visually-hidden"
            aria-label="Open program file"
            onChange={onFile}
            onClick={dialogInstead('program')}
          />
          <span aria-hidden="true">⤒</span> Open…
        </label>
      </div>
      {lesson && <p className="hint program-description">{lesson}</p>}
    </>
  );
}

/**
 * The CodeMirror editor, kept in step with the store both ways: what the user types goes to the
 * store (checked after a pause), and a program put in the store (a preset, a file, a session) replaces
 * the text as one undoable change. The checker's problems and the cursor's lines come in as effects.
 */
function CodeEditor({ lit, labelledBy }: { lit: LitLine[]; labelledBy: string }) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    let known = useSettings.getState().program.source;
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: known,
        extensions: programEditorExtensions((source, replacedAll) => {
          known = source;
          useSettings.getState().editSource(source, replacedAll);
        }),
      }),
    });
    view.contentDOM.setAttribute('aria-labelledby', labelledBy);
    viewRef.current = view;
    let shownCheck: unknown = null;
    const sync = () => {
      const s = useSettings.getState();
      if (s.program.source !== known) {
        known = s.program.source;
        if (view.state.doc.toString() !== known)
          view.dispatch({
            changes: { from: 0, to: view.state.doc.length, insert: known },
            // Its own undo step: Ctrl+Z brings back the text a preset or a file replaced.
            annotations: [fromStore.of(true), isolateHistory.of('full')],
          });
      }
      // The problems of this very text only; while the user types, the last ones move with the text.
      if (s.check !== shownCheck && selectCheckIsCurrent(s)) {
        shownCheck = s.check;
        view.dispatch({ effects: setProblems.of(s.check.problems) });
      }
    };
    sync();
    const unsubscribe = useSettings.subscribe(sync);
    return () => {
      unsubscribe();
      view.destroy();
      viewRef.current = null;
    };
  }, [labelledBy]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    view.dispatch({ effects: setLitLines.of(lit) });
    // Bring the first lit line into the editor's view when it is scrolled away, moving only the
    // editor (EditorView.scrollIntoView would scroll the panel and the page as well).
    const first = lit[0];
    if (!first || first.line > view.state.doc.lines) return;
    const at = view.state.doc.line(first.line).from;
    view.requestMeasure({
      read: () => ({ block: view.lineBlockAt(at), top: view.scrollDOM.scrollTop, height: view.scrollDOM.clientHeight }),
      write: ({ block, top, height }) => {
        if (block.top < top || block.bottom > top + height)
          view.scrollDOM.scrollTop = Math.max(0, block.top - height / 3);
      },
    });
  }, [lit]);

  return <div ref={host} className="code-editor" data-testid="editor" />;
}

function ProblemsList() {
  const problems = useSettings((s) => s.check.problems);
  const stale = useSettings((s) => !selectCheckIsCurrent(s));
  const empty = useSettings((s) => s.program.source.trim() === '');
  if (empty)
    return (
      <p className="problems-empty" data-testid="problems">
        The editor is empty: type or paste Python, open a .py file or pick a preset.
      </p>
    );
  if (problems.length === 0) return null;
  return (
    <div className={`problems${stale ? ' is-stale' : ''}`} data-testid="problems" role="region" aria-label="Problems">
      <p className="problems-title">
        {problems.length === 1 ? 'One problem' : `${problems.length} problems`}: nothing runs until{' '}
        {problems.length === 1 ? 'it is' : 'they are'} fixed
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={i} data-testid="problem" data-line={p.line}>
            <strong>line {p.line}</strong>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function runName(run: RunRecord, sweep: boolean): string {
  return sweep ? `${run.info.strategy}, ${run.info.workers} workers` : run.info.strategy;
}

/** Which thread is on which line at the time cursor; the run it shows can be changed here. */
function CursorLegend({ threads }: { threads: CursorThread[] }) {
  const cursor = useCursorRun();
  const session = useShownSession();
  const editorSource = useSettings((s) => s.program.source);
  const setProgram = useSettings((s) => s.setProgram);
  const setCursor = useView((s) => s.setCursor);
  if (!cursor || !session) {
    return session && session.runs.length > 0 ? (
      <p className="hint cursor-hint">
        Click the timeline (or its time axis) to light the line each thread was running then.
      </p>
    ) : null;
  }
  const { run, runs, us } = cursor;
  const sweep = session.request.workerCounts.length > 1;
  const ran = sessionProgram(session);
  const differs = ran !== null && ran.source !== editorSource;
  return (
    <div className="cursor-legend" data-testid="cursor-legend">
      <div className="cursor-legend-head">
        <span className="cursor-time">at {formatDuration(us)}</span>
        {runs.length > 1 ? (
          <select
            className="select compact"
            aria-label="Lines of run"
            value={run.info.runId}
            onChange={(e) => setCursor(us, e.target.value)}
          >
            {runs.map((r) => (
              <option key={r.info.runId} value={r.info.runId}>
                {runName(r, sweep)}
              </option>
            ))}
          </select>
        ) : (
          <span className="cursor-run">{runName(run, sweep)}</span>
        )}
        <button
          type="button"
          className="button ghost compact"
          aria-label="Clear the time cursor"
          onClick={() => setCursor(null)}
        >
          ×
        </button>
      </div>
      {threads.length === 0 ? (
        <p className="hint">No thread of this run was on a line of the program then.</p>
      ) : (
        <ul className="cursor-threads">
          {threads.map((t) => (
            <li key={t.tid} data-testid="cursor-thread" style={{ '--thread-color': t.color } as CSSProperties}>
              <span className="swatch" style={{ background: t.color }} aria-hidden="true" />
              <span className="cursor-thread-name">{t.name}</span>
              <span className="cursor-thread-line">
                {t.line > 0 ? `line ${t.line}` : `line ${t.sourceLine} of the ${run.info.strategy} source`}
              </span>
              <span className="cursor-thread-state">{stateShortLabels[t.state]}</span>
            </li>
          ))}
        </ul>
      )}
      {differs && (
        <p className="cursor-differs">
          The editor no longer holds the program this session ran: its lines may have moved.{' '}
          <button type="button" className="link-button" onClick={() => setProgram(ran)}>
            Put that program back in the editor
          </button>
        </p>
      )}
    </div>
  );
}

export function ProgramPanel() {
  const id = useId();
  const fileError = useSettings((s) => s.programFileError);
  const cursor = useCursorRun();
  // Only with a cursor does a live run's growth matter here: no redraws of the panel while it runs otherwise.
  const cursorRevision = useLiveRevision(cursor !== null);
  const threads = useMemo(
    () => (cursor ? cursorThreads(cursor.run, cursor.us) : noThreads),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a live run's trace grows in place; revision marks it
    [cursor?.run, cursor?.us, cursorRevision],
  );
  const lit = useMemo(() => litLines(threads, 'program'), [threads]);

  return (
    <section className="panel-section program-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        Program
      </h2>
      <PresetPicker id={`${id}-picker`} />
      {fileError && (
        <p className="field-error" role="alert" data-testid="program-file-error">
          {fileError}
        </p>
      )}
      <CodeEditor lit={lit} labelledBy={`${id}-heading`} />
      <ProblemsList />
      <CursorLegend threads={threads} />
    </section>
  );
}
