-- When the person last opted out or back in. A message is queued whatever the opt-out (it is decided when the message
-- comes due); one queued before the latest change was queued while opted out, or withheld by the opt-out already, so
-- it is withheld whatever the flag says when it comes due. NULL: never changed since this column (V7).
ALTER TABLE contact ADD COLUMN opted_out_changed_at DATETIME(6) NULL AFTER opted_out;
