-- The person's age band on the day they were registered, kept in clear beside sex and region for the reports by sex and
-- age (the NEXUS question: are men and women, young and old, reached alike); the birth date itself stays sealed. People
-- registered before this version have none and count as UNKNOWN.
ALTER TABLE returnee ADD COLUMN age_band VARCHAR(16) NULL AFTER sex;
