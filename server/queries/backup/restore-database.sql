-- A BACKUP made by backup-database.sql into an empty store: tables first, then the materialized
-- views that feed them (ClickHouse orders this itself).
RESTORE DATABASE default FROM File({path:String})
