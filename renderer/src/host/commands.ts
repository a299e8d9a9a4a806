// The desktop menu's commands (common/desktop-api.ts), done with the actions the window's own
// buttons use, and what the menu shows in return (its checkboxes and greyed items).
import type { DesktopApi, DesktopCommand, MenuState } from '../../../common/desktop-api';
import { exportUnavailable, runExport, type ExportFormat } from '../export-actions';
import { sessionSummaries } from '../store/derive';
import { useRuns } from '../store/runs';
import { shownSession, useView } from '../store/view';
import { openWithDialog, takeOpenedFile } from './files';
import { useHelp } from './help';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An export of the session on screen, as the Export menu's button does it; a reason when there is nothing to export. */
async function exportShown(format: ExportFormat): Promise<void> {
  const runs = useRuns.getState();
  const session = shownSession(runs, useView.getState());
  const unavailable = exportUnavailable(format, session);
  if (unavailable || !session) return runs.reportError(unavailable ?? 'Nothing to export yet.');
  try {
    await runExport(format, session, useView.getState().presenter);
  } catch (error) {
    useRuns.getState().reportError(`Export failed: ${message(error)}`);
  }
}

export interface CommandContext {
  desktop: Pick<DesktopApi, 'openRecent'>;
  resetSettings(): Promise<void>;
}

export async function runCommand(command: DesktopCommand, context: CommandContext): Promise<void> {
  const view = useView.getState();
  switch (command.type) {
    case 'open-program':
    case 'open-session':
      await openWithDialog(command.type === 'open-program' ? 'program' : 'session');
      return;
    case 'open-recent':
      try {
        await takeOpenedFile(await context.desktop.openRecent(command.path));
      } catch (error) {
        useRuns.getState().reportError(`Could not open the file: ${message(error)}`);
      }
      return;
    case 'save-session':
      return exportShown('session');
    case 'export':
      return exportShown(command.format);
    case 'toggle-presenter':
      return view.setPresenter(!view.presenter);
    case 'toggle-console':
      return view.setConsoleShown(!view.consoleShown);
    case 'show-lesson':
      return useHelp.getState().show('lesson');
    case 'show-shortcuts':
      return useHelp.getState().show('shortcuts');
    case 'reset-settings':
      return context.resetSettings();
  }
}

/** What the menu shows for the window's state now. */
export function currentMenuState(): MenuState {
  const view = useView.getState();
  const session = shownSession(useRuns.getState(), view);
  const hasRuns = (session?.runs.length ?? 0) > 0;
  return {
    presenter: view.presenter,
    consoleShown: view.consoleShown,
    canSaveSession: hasRuns && session?.status !== 'running',
    canExport: hasRuns,
    canExportCsv: sessionSummaries(session).length > 0,
  };
}

/**
 * Connects the window to the desktop: menu commands run, the menu follows the window's state, and
 * a message left for this page (it replaced one that was reloaded or crashed) shows in the banner.
 */
export function connectDesktop(desktop: DesktopApi, context: Omit<CommandContext, 'desktop'>): () => void {
  const offCommand = desktop.onCommand((command) => void runCommand(command, { ...context, desktop }));
  let last = '';
  const report = () => {
    const state = currentMenuState();
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    desktop.setMenuState(state).catch(() => {});
  };
  const offStores = [useRuns.subscribe(report), useView.subscribe(report)];
  report();
  desktop
    .takeNotice()
    .then((notice) => notice && useRuns.getState().reportError(notice))
    .catch(() => {});
  return () => {
    offCommand();
    for (const off of offStores) off();
  };
}
