// The desktop's services (common/desktop-api.ts) when the page runs in Electron's window, else null:
// the preload puts them at window.gilLab.desktop; the web host's page has no such member.
import { apiGlobal } from '../../../common/api';
import type { DesktopApi } from '../../../common/desktop-api';

export function desktopApi(): DesktopApi | null {
  return window[apiGlobal]?.desktop ?? null;
}
