-- The program whose decision made an offer (null under a law): a grant offer is delivered when that program's payment
-- is credited to the person.
ALTER TABLE service_offer ADD COLUMN program_id VARCHAR(32) NULL;
