-- The province a contact was registered in, so that a provincial officer records the SMS wishes of their own province's
-- people only. NULL for contacts remembered before this column (they are reachable by nationwide officers only).
ALTER TABLE contact ADD COLUMN province_code CHAR(2) NULL AFTER full_name;
