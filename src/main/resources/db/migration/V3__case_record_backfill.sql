-- Cases that were running when the case record was introduced (V2) get their record at start-up from the variables
-- and the history the previous version left (CaseRecordBackfill). These columns tell such rows from rows written
-- live: a reader of the record can see which facts were reconstructed. Portable SQL as in V1 and V2.
ALTER TABLE case_record ADD COLUMN backfilled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_act ADD COLUMN backfilled BOOLEAN DEFAULT FALSE NOT NULL;
