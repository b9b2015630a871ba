-- A sent message whose delivery receipt has not come is asked for at the gateway (SmsDispatcher): when next, and how often
-- so far. NULL: no check due (not sent yet, final, or given up after the last check).
ALTER TABLE sms_message
    ADD COLUMN receipt_check_at DATETIME(6) NULL,
    ADD COLUMN receipt_checks INT NOT NULL DEFAULT 0,
    ADD KEY ix_sms_receipt_check (state, receipt_check_at);

-- Messages sent before this version and still waiting for their receipt are asked for at once.
UPDATE sms_message SET receipt_check_at = updated_at WHERE state = 'SENT';
