-- Rows as uploaded (and a row's NIK and held registration) are kept only until every row of the upload is decided plus a
-- retention period (Law 27/2022: no longer than needed); then they are purged and the upload records when.
ALTER TABLE upload_row MODIFY raw_values MEDIUMTEXT NULL;
ALTER TABLE upload ADD COLUMN raw_rows_purged_at DATETIME(6) NULL;
