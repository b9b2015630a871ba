-- A NIK index is 64 hexadecimal characters: ASCII, compared byte by byte. In utf8mb4 each would take four bytes of every
-- index entry (256 instead of 64), which made the unique index, filled in random order, the slowest part of an upload.
ALTER TABLE returnee MODIFY nik_index CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE upload_row MODIFY nik_index CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL;
