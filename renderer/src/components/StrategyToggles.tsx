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

/** Refusals that say the same thing of several strategies, said once ("so they cannot run them"). */
export function refusalGroups(
  refused: readonly Strategy[],
  refusals: Partial<Record<Strategy, string>>,
): { strategies: Strategy[]; reason: string }[] {
  const groups = new Map<string, Strategy[]>();
  for (const strategy of refused) {
    const key = reasonText(strategy, refusals[strategy] ?? '').replaceAll(strategy, '\u0000');
    groups.set(key, [...(groups.get(key) ?? []), strategy]);
  }
  return [...groups].map(([key, group]) => ({
    strategies: group,
    reason: group.length === 1 ? key.replaceAll('\u0000', group[0]) : key.replaceAll('\u0000', 'they'),
  }));
}

/**
 * One toggle per strategy; its accessible name is exactly the strategy's name. A strategy that cannot
 * express the program in the editor is disabled, with the reason under the toggles; the user's choice
 * is kept for the next program it can run.
 */
export function StrategyToggles() {
  const chosen = useSettings((s) => s.strategies);
  const refusals = useSettings((s) => s.check.refusals);
  const toggle = useSettings((s) => s.toggleStrategy);
  const error = useSettings(selectStrategiesError);
  return <StrategyToggleList chosen={chosen} refusals={refusals} error={error} onToggle={toggle} />;
}

/** The toggles as a function of what is chosen and what the program refuses (StrategyToggles feeds it the store). */
export function StrategyToggleList({
  chosen,
  refusals,
  error,
  onToggle,
}: {
  chosen: readonly Strategy[];
  refusals: Partial<Record<Strategy, string>>;
  error: string | null;
  onToggle(strategy: Strategy): void;
}) {
  const id = useId();
  const groups = refusalGroups(
    strategies.filter((s) => refusals[s]),
    refusals,
  );
  const describedBy = new Map(groups.flatMap((g, i) => g.strategies.map((s) => [s, `${id}-refusal-${i}`] as const)));

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
              aria-describedby={describedBy.get(strategy)}
              data-testid="strategy-toggle"
              data-strategy={strategy}
              title={
                refusal
                  ? `${strategy} cannot run this program: ${reasonText(strategy, refusal)}`
                  : strategyDescriptions[strategy]
              }
              style={{ '--swatch': strategyColors[strategy] } as CSSProperties}
              onClick={() => onToggle(strategy)}
            >
              <span className="strategy-name">{strategy}</span>
              <span className="strategy-tag">{refusal ? 'cannot run this' : gilTags[strategy]}</span>
            </button>
          );
        })}
      </div>
      {groups.length > 0 && (
        <ul className="strategy-refusals" data-testid="strategy-refusals">
          {groups.map(({ strategies: group, reason }, i) => (
            <li key={group.join()} id={`${id}-refusal-${i}`} data-strategies={group.join(' ')}>
              {group.map((strategy, j) => (
                <span key={strategy}>
                  {j > 0 && (j === group.length - 1 ? ' and ' : ', ')}
                  <strong>{strategy}</strong>
                </span>
              ))}{' '}
              cannot run this program: {reason}
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
