-- The writer lease: which server process may write case versions into this store (one writer per
-- store; see server/ingest/writer-lease.ts for the protocol and why it is safe without a
-- compare-and-set). Rows are only ever appended: a claim for a new epoch, renewals of an
-- established epoch by its holder, a release on graceful stop.
--
-- at: ClickHouse's own clock (DEFAULT now64), never the client's: every server judges liveness
--   against the same clock, so clock skew between the application hosts does not matter.
-- ORDER BY (epoch, at): the state read groups by epoch; the table stays tiny (a renewal every few
--   seconds, a week kept), so no partitioning.
-- On a ClickHouse cluster this table must live on one node (or be replicated with insert_quorum and
--   select_sequential_consistency): the protocol needs every server to read what the others wrote.
CREATE TABLE IF NOT EXISTS writer_lease
(
    epoch UInt64,
    holder String,
    kind LowCardinality(String),
    at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY (epoch, at)
TTL toDateTime(at) + INTERVAL 7 DAY;
