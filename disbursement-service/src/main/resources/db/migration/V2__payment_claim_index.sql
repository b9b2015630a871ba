-- The dispatcher claims APPROVED payments oldest first with FOR UPDATE SKIP LOCKED. Without (state, scheduled_at) InnoDB
-- filesorts and locks every APPROVED row it reads before the LIMIT applies.
CREATE INDEX ix_payment_intent_claim ON payment_intent (state, scheduled_at);
