import { useEffect, useRef } from 'react';
import { lessonTerms } from '../explain';
import { useSettings } from '../store/settings';
import { desktopApi } from './desktop';
import { shortcutRows, useHelp } from './help';
import './host.css';

function Lesson() {
  const presets = useSettings((s) => s.presets);
  return (
    <>
      <h2>The lesson</h2>
      <p className="hint">
        Each program shows one thing about the GIL. Pick it under Program, choose strategies, press Run and compare the
        lanes: who holds the GIL, who waits for it, who sleeps on I/O.
      </p>
      <dl className="help-list">
        {presets.map((preset) => (
          <div key={preset.name}>
            <dt>{preset.name}</dt>
            <dd>{preset.description}</dd>
          </div>
        ))}
      </dl>
      <h3>The lesson’s words</h3>
      <dl className="help-list">
        {lessonTerms.map((term) => (
          <div key={term.word}>
            <dt>{term.word}</dt>
            <dd>{term.definition}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Shortcuts() {
  const platform = useSettings((s) => s.machine?.platform);
  const rows = shortcutRows(platform === 'darwin', desktopApi() !== null);
  return (
    <>
      <h2>Keyboard shortcuts</h2>
      <table className="help-keys">
        <tbody>
          {rows.map(([keys, action]) => (
            <tr key={action}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Help ▸ The Lesson and Help ▸ Keyboard Shortcuts, in a modal dialog that Escape or Close ends. */
export function HelpDialog() {
  const topic = useHelp((s) => s.topic);
  const show = useHelp((s) => s.show);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (topic && !element.open) element.showModal();
    if (!topic && element.open) element.close();
  }, [topic]);

  return (
    <dialog ref={dialog} className="help-dialog" aria-label="Help" onClose={() => show(null)}>
      {topic === 'lesson' && <Lesson />}
      {topic === 'shortcuts' && <Shortcuts />}
      <form method="dialog" className="help-actions">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
