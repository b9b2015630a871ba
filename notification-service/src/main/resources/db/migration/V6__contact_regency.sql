-- The regency a contact was registered in, so that a message names the social affairs office to go to ("Dinsos Kab.
-- Lombok Tengah"). NULL for contacts remembered before this column (V6): their messages say "Dinsos setempat".
ALTER TABLE contact ADD COLUMN regency_code CHAR(4) NULL AFTER province_code;
