import { ConfigPanel } from './components/ConfigPanel';
import { ConsolePane } from './components/ConsolePane';
import { ErrorBanner } from './components/ErrorBanner';
import { ExplanationPane } from './components/ExplanationPane';
import { ScalingChart } from './components/ScalingChart';
import { TimelinePane } from './components/TimelinePane';
import { TopBar } from './components/TopBar';
import { WallTimeChart } from './components/WallTimeChart';
import { useView } from './store/view';

export function App() {
  const presenter = useView((s) => s.presenter);
  return (
    <div className={`app${presenter ? ' presenter' : ''}`}>
      <TopBar />
      <ConfigPanel />
      <main className="workspace">
        <ErrorBanner />
        <TimelinePane />
        <div className="chart-row">
          <WallTimeChart />
          <ScalingChart />
        </div>
        <div className="pane-row">
          <ConsolePane />
          <ExplanationPane />
        </div>
      </main>
    </div>
  );
}
