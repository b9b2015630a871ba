-- A delivery receipt can arrive before the sender has recorded the message as SENT (the gateway is fast, the sender's
-- commit slower); it is kept here and applied when the message is marked sent.
ALTER TABLE sms_message
    ADD COLUMN receipt_status VARCHAR(16) NULL,
    ADD COLUMN receipt_at DATETIME(6) NULL;
