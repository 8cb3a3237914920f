// The events of the alert log, which are also the changes the stream hears of: each carries the
// alert's whole state after it, so a subscriber (the wall's alerts part) needs no look-up.
import type { Alert, AlertEventType } from '@shared/alerts';
import type { ChangeFeed } from '../domain/change-feed';

export interface AlertEvent {
  type: AlertEventType;
  /** UTC ISO 8601: the server's clock for people, the detection cycle's time for the system; equals alert.updatedAt */
  at: string;
  /** the token name of whoever made the change, `system` for changes that follow the signals */
  actor: string;
  alert: Alert;
}

export const SYSTEM_ACTOR = 'system';

export type AlertChanges = ChangeFeed<AlertEvent>;
