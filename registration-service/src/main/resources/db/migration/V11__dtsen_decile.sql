-- The household's welfare decile in DTSEN (1 poorest .. 10), which replaced DTKS's yes/no; null when not given.
ALTER TABLE returnee ADD COLUMN dtsen_decile TINYINT NULL AFTER dtks_listed;
