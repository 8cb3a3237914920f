// The events of the wall-group log, which are also the changes the groups' streams hear of: each
// carries the group's whole state after it (a playing replay's `at` as of the event's time).
import type { WallGroupState } from '@shared/wall-modes';
import type { ChangeFeed } from '../domain/change-feed';

export const WALL_EVENT_TYPES = ['freeze', 'replay', 'pause', 'play', 'seek', 'live'] as const;
export type WallEventType = (typeof WALL_EVENT_TYPES)[number];

/** A group as stored: its state, and the version and time of the event that set it. */
export interface WallGroupRecord extends WallGroupState {
  version: number;
  /** UTC ISO: when the event was stored; a playing replay's clock runs from here */
  updatedAt: string;
  updatedBy: string;
}

export interface WallEvent {
  type: WallEventType;
  /** the token name of whoever made the change */
  actor: string;
  group: WallGroupRecord;
}

export type WallChanges = ChangeFeed<WallEvent>;
