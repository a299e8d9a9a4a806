import { useId, type CSSProperties } from 'react';
import { strategies, strategyDescriptions, type Strategy } from '../../../common/program';
import { strategyColors } from '../theme';
import { selectStrategiesError, useSettings } from '../store/settings';

/** What each strategy does with the GIL, in two or three words. */
const gilTags: Record<Strategy, string> = {
  sequential: 'one thread',
  threading: 'one GIL, shared',
  multiprocessing: 'a GIL each',
  asyncio: 'one event loop',
  'free-threading': 'no GIL',
  subinterpreters: 'a GIL each',
};

/** A refusal without the strategy's name in front ("asyncio: this program …" → "this program …"). */
function reasonText(strategy: Strategy, reason: string): string {
  return reason.startsWith(`${strategy}: `) ? reason.slice(strategy.length + 2) : reason;
}

/**
 * One toggle per strategy; its accessible name is exactly the strategy's name. A strategy that cannot
 * express the program in the editor is disabled, with the reason under the toggles; the user's choice
 * is kept for the next program it can run.
 */
export function StrategyToggles() {
  const id = useId();
  const chosen = useSettings((s) => s.strategies);
  const refusals = useSettings((s) => s.check.refusals);
  const toggle = useSettings((s) => s.toggleStrategy);
  const error = useSettings(selectStrategiesError);
  const refused = strategies.filter((s) => refusals[s]);

  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        Strategies
      </h2>
      <div
        className="toggle-grid"
        role="group"
        aria-labelledby={`${id}-heading`}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {strategies.map((strategy) => {
          const refusal = refusals[strategy];
          const on = chosen.includes(strategy) && !refusal;
          return (
            <button
              key={strategy}
              type="button"
              className="strategy-toggle"
              aria-pressed={on}
              aria-label={strategy}
              disabled={refusal !== undefined}
              aria-describedby={refusal ? `${id}-refusal-${strategy}` : undefined}
              data-testid="strategy-toggle"
              data-strategy={strategy}
              title={
                refusal
                  ? `${strategy} cannot run this program: ${reasonText(strategy, refusal)}`
                  : strategyDescriptions[strategy]
              }
              style={{ '--swatch': strategyColors[strategy] } as CSSProperties}
              onClick={() => toggle(strategy)}
            >
              <span className="strategy-name">{strategy}</span>
              <span className="strategy-tag">{refusal ? 'cannot run this' : gilTags[strategy]}</span>
            </button>
          );
        })}
      </div>
      {refused.length > 0 && (
        <ul className="strategy-refusals" data-testid="strategy-refusals">
          {refused.map((strategy) => (
            <li key={strategy} id={`${id}-refusal-${strategy}`} data-strategy={strategy}>
              <strong>{strategy}</strong> cannot run this program: {reasonText(strategy, refusals[strategy] ?? '')}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
