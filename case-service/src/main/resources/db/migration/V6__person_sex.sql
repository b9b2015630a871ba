-- The person's sex (clear on ReturneeRegistered, as on the KTP), so that the reach of the services can be counted for
-- women and men apart: whether both are reached equally. Null for people registered before it was kept.
ALTER TABLE person_region ADD COLUMN sex VARCHAR(8) NULL;
