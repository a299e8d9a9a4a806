import { ResetSettings } from '../host/ResetSettings';
import { HistoryList } from './HistoryList';
import { Knobs } from './Knobs';
import { ProgramPanel } from './ProgramPanel';
import { StrategyToggles } from './StrategyToggles';

/** The left panel: what the next run will be, and the sessions so far. */
export function ConfigPanel() {
  return (
    <aside className="config-panel" aria-label="Configuration">
      <ProgramPanel />
      <StrategyToggles />
      <Knobs />
      <ResetSettings />
      <HistoryList />
    </aside>
  );
}
