-- A payment is loaded, changed by its transitions and saved whole; the save applies only over the version it was read
-- at, so that a change made meanwhile (by another instance, or a path that forgot its lock) is refused, not overwritten.
ALTER TABLE payment_intent ADD COLUMN version INT NOT NULL DEFAULT 0;
