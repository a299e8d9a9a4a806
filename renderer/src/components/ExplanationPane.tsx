import { useId, useMemo } from 'react';
import { describeMeasured, describeRun, lessonTerms, workloadKind } from '../explain';
import { sessionSummaries } from '../store/derive';
import { useShownSession } from '../store/hooks';
import { strategyColors } from '../theme';

/** The lesson's words beside what the runs on screen show. */
export function ExplanationPane() {
  const id = useId();
  const session = useShownSession();
  const all = useMemo(() => sessionSummaries(session), [session]);
  const summaries = useMemo(() => all.filter((s) => !s.measured), [all]);
  const measured = describeMeasured(
    all.filter((s) => s.measured),
    session?.runs.find((r) => r.info.measured)?.info.measured?.python,
  );
  const kind = workloadKind(summaries);

  return (
    <section className="card explain-card" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 id={`${id}-title`}>What this shows</h2>
        {kind && <span className="badge badge-kind">{kind}</span>}
      </header>
      {summaries.length === 0 ? (
        <p className="empty">
          After a run, this pane says what happened in the lesson’s words: who held the GIL, who ran in parallel, who
          waited.
        </p>
      ) : (
        <ul className="observations">
          {summaries.map((s) => (
            <li key={s.runId}>
              <span className="swatch" style={{ background: strategyColors[s.strategy] }} aria-hidden="true" />
              <span>{describeRun(s, summaries)}</span>
            </li>
          ))}
          {measured && (
            <li data-testid="measured-observation">
              <span className="swatch swatch-dashed" aria-hidden="true" />
              <span>{measured}</span>
            </li>
          )}
        </ul>
      )}
      <details className="glossary" open>
        <summary>The lesson’s words</summary>
        <dl>
          {lessonTerms.map((term) => (
            <div key={term.word} className={kind === term.word ? 'term current' : 'term'}>
              <dt>{term.word}</dt>
              <dd>{term.definition}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
