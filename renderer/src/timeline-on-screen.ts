// The timeline the window shows, as a handle: the PNG export draws the zoom that is on screen.
import { createRef } from 'react';
import type { RunRecord } from '../../common/run-record';
import { fullRange, type TimelineView } from './timeline/stats';
import type { TimelineHandle } from './timeline/Timeline';

/** Set by TimelinePane while a timeline is mounted. */
export const timelineOnScreen = createRef<TimelineHandle>();

/** The zoom and plot width the timeline shows now; the whole range when none is on screen. */
export function shownTimelineView(runs: readonly RunRecord[]): TimelineView {
  return timelineOnScreen.current?.view() ?? { ...fullRange(runs), plotWidth: 1000 };
}
