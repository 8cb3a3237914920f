-- The whole embedded store (every table, view and part) to a directory, with ClickHouse's own BACKUP.
-- The path must lie under backups.allowed_path, given to the engine at connect (scripts/store-backup.ts).
BACKUP DATABASE default TO File({path:String})
