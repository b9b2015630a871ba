-- The protection officers' report of whom the restricted laws reach, by regency, sex and age band (so that it shows
-- whether women and men, young and old, are reached alike): the registration's sex and age band on the day of
-- registration, kept beside the sealed facts (neither identifies anyone alone; the birth date stays sealed).
ALTER TABLE registration_fact
    ADD COLUMN sex      VARCHAR(8)  NULL,
    ADD COLUMN age_band VARCHAR(16) NULL;
