import { ResetSettings } from '../host/ResetSettings';
import { HistoryList } from './HistoryList';
import { Knobs } from './Knobs';
import { ProgramPicker } from './ProgramPicker';
import { StrategyToggles } from './StrategyToggles';

/** The left panel: what the next run will be, and the sessions so far. */
export function ConfigPanel() {
  return (
    <aside className="config-panel" aria-label="Configuration">
      <ProgramPicker />
      <StrategyToggles />
      <Knobs />
      <ResetSettings />
      <HistoryList />
    </aside>
  );
}
