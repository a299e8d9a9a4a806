// Which help panel is open (Help ▸ The Lesson, Help ▸ Keyboard Shortcuts), and what the shortcuts are.
import { create } from 'zustand';
import { menuShortcuts, shortcutText } from '../../../common/desktop-api';

export type HelpTopic = 'lesson' | 'shortcuts';

export const useHelp = create<{ topic: HelpTopic | null; show(topic: HelpTopic | null): void }>()((set) => ({
  topic: null,
  show: (topic) => set({ topic }),
}));

/** The timeline's own keys (renderer/src/timeline/controller.ts). */
const timelineKeys: [string, string][] = [
  ['W / S, or the wheel', 'Zoom the timeline in / out'],
  ['A / D, or drag', 'Pan the timeline left / right'],
  ['Shift + drag', 'Select a time range and show its statistics'],
  ['Click, or click / drag on the time axis', 'Place the time cursor: the editor lights each thread’s line'],
  ['← / →  (Shift: one pixel)', 'Move the time cursor'],
  ['Esc', 'Clear the selected range, then the time cursor'],
];

/** Every key the window answers, as this platform writes them; the menu's only where there is a menu. */
export function shortcutRows(mac: boolean, desktop: boolean): [keys: string, action: string][] {
  const menu = desktop
    ? Object.values(menuShortcuts).map((s): [string, string] => [shortcutText(mac ? s.mac : s.other, mac), s.label])
    : [];
  return [...menu, ...timelineKeys];
}
