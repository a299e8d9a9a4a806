// The timeline's keys: W/S zoom and A/D pan (a tap moves a step, holding goes on smoothly),
// Escape clears the selection (then the time cursor), ←/→ move the time cursor, Shift shows the brush cursor. Ignored while the user types.
/** W/S: the view zooms by e^rate per second held; A/D: pans this share of the view per second. */
const keyZoomRate = 2.4;
const keyPanRate = 0.9;

const typingInputs = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
]);

function isTyping(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement) return typingInputs.has(element.type);
  return (
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    (element as HTMLElement).isContentEditable === true
  );
}

export interface KeyActions {
  /** Zoom by `factor` (>1: in) around the pointer or the middle. */
  zoom(factor: number): void;
  /** Pan by this share of the view's width (positive: later). */
  pan(share: number): void;
  escape(): void;
  /** Moves the time cursor a step (or, `fine`, a pixel) earlier or later; false when there is no cursor. */
  nudgeCursor(direction: -1 | 1, fine: boolean): boolean;
}

export class KeyControl {
  private readonly keys = new Set<string>();
  private frame = 0;
  private lastTime = 0;
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: KeyActions,
  ) {
    const on = (type: string, handler: (event: KeyboardEvent) => void) => {
      const listener = (event: Event) => handler(event as KeyboardEvent);
      window.addEventListener(type, listener);
      this.cleanup.push(() => window.removeEventListener(type, listener));
    };
    on('keydown', (event) => this.onKeyDown(event));
    on('keyup', (event) => this.onKeyUp(event));
    const blur = () => this.keys.clear();
    window.addEventListener('blur', blur);
    this.cleanup.push(() => window.removeEventListener('blur', blur));
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    for (const undo of this.cleanup) undo();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Shift') this.root.classList.add('is-shift');
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(document.activeElement) || !this.root.isConnected)
      return;
    const key = event.key.toLowerCase();
    if (key === 'escape') return this.actions.escape();
    if (key === 'arrowleft' || key === 'arrowright') {
      // Only where arrows mean nothing else: the timeline itself, or nothing focused (sliders and selects keep theirs).
      const focused = document.activeElement;
      if (focused && focused !== document.body && !this.root.contains(focused)) return;
      if (this.actions.nudgeCursor(key === 'arrowleft' ? -1 : 1, event.shiftKey)) event.preventDefault();
      return;
    }
    if (key !== 'w' && key !== 'a' && key !== 's' && key !== 'd') return;
    event.preventDefault();
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.step(1 / 12);
    if (this.frame === 0) {
      this.lastTime = performance.now();
      this.frame = requestAnimationFrame((now) => this.loop(now));
    }
  }

  private onKeyUp(event: KeyboardEvent): void {
    if (event.key === 'Shift') this.root.classList.remove('is-shift');
    this.keys.delete(event.key.toLowerCase());
  }

  private loop(now: number): void {
    const dt = Math.min(0.05, Math.max(0, (now - this.lastTime) / 1000));
    this.lastTime = now;
    if (this.keys.size === 0) {
      this.frame = 0;
      return;
    }
    this.step(dt);
    this.frame = requestAnimationFrame((t) => this.loop(t));
  }

  private step(seconds: number): void {
    const zoomDirection = (this.keys.has('w') ? 1 : 0) - (this.keys.has('s') ? 1 : 0);
    const panDirection = (this.keys.has('d') ? 1 : 0) - (this.keys.has('a') ? 1 : 0);
    if (zoomDirection !== 0) this.actions.zoom(Math.exp(zoomDirection * keyZoomRate * seconds));
    if (panDirection !== 0) this.actions.pan(panDirection * keyPanRate * seconds);
  }
}
