import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api';
import { App } from './App';
import { connectEngine } from './engine-link';
import { startHost } from './host';
import { keepProgramChecked } from './program-check';
import { useRuns } from './store/runs';
import { applyThemeVariables } from './theme';
// The app's styles, in cascade order (after the components' own, which App's imports bring first).
import './styles/base.css';
import './styles/top-bar.css';
import './styles/panel.css';
import './styles/program.css';
import './styles/controls.css'; // strategy toggles, fields, sliders, number inputs, the run history, badges
import './styles/results.css';
import './styles/console.css';
import './styles/presenter.css';

applyThemeVariables(document.documentElement);
try {
  connectEngine(getApi());
} catch (error) {
  useRuns
    .getState()
    .reportError(`Could not reach the engine: ${error instanceof Error ? error.message : String(error)}`);
}
// The editor's text is checked once the user pauses typing.
keepProgramChecked();
// Saved settings, and in Electron the menu, the system's dialogs and the message after a reload or crash.
startHost();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
