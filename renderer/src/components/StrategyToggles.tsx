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

/** One toggle per strategy; its accessible name is exactly the strategy's name. */
export function StrategyToggles() {
  const id = useId();
  const chosen = useSettings((s) => s.strategies);
  const toggle = useSettings((s) => s.toggleStrategy);
  const error = useSettings(selectStrategiesError);

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
          const on = chosen.includes(strategy);
          return (
            <button
              key={strategy}
              type="button"
              className="strategy-toggle"
              aria-pressed={on}
              aria-label={strategy}
              title={strategyDescriptions[strategy]}
              style={{ '--swatch': strategyColors[strategy] } as CSSProperties}
              onClick={() => toggle(strategy)}
            >
              <span className="strategy-name">{strategy}</span>
              <span className="strategy-tag">{gilTags[strategy]}</span>
            </button>
          );
        })}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
