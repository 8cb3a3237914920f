// The whole notice log (notice_events) in the order it is folded: each notice's events by version.
import { defineQuery } from '../../clickhouse/define-query';
import type { NoticeEventRow } from '../../notices/notice-log';

export const noticeEvents = defineQuery<void, NoticeEventRow, NoticeEventRow[]>({
  name: 'notices:events',
  file: new URL('./notice-events.sql', import.meta.url),
  params: () => ({}),
  // rows this version cannot read are skipped one by one by the repository (notice-log.ts fromRow)
  parse: (rows) => rows,
});
