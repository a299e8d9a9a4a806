import { ConfigPanel } from './components/ConfigPanel';
import { ConsolePane } from './components/ConsolePane';
import { ErrorBanner } from './components/ErrorBanner';
import { ExplanationPane } from './components/ExplanationPane';
import { HelpDialog } from './host/HelpDialog';
import { ScalingChart } from './components/ScalingChart';
import { SourceViews } from './components/SourceViews';
import { TimelinePane } from './components/TimelinePane';
import { TopBar } from './components/TopBar';
import { WallTimeChart } from './components/WallTimeChart';
import { useView } from './store/view';

export function App() {
  const presenter = useView((s) => s.presenter);
  const consoleShown = useView((s) => s.consoleShown);
  return (
    <div className={`app${presenter ? ' presenter' : ''}`}>
      <TopBar />
      <ConfigPanel />
      <main className="workspace">
        <ErrorBanner />
        <TimelinePane />
        <SourceViews />
        <div className="chart-row">
          <WallTimeChart />
          <ScalingChart />
        </div>
        <div className={consoleShown ? 'pane-row' : 'pane-row single'}>
          {consoleShown && <ConsolePane />}
          <ExplanationPane />
        </div>
      </main>
      <HelpDialog />
    </div>
  );
}
