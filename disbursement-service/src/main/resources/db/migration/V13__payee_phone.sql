-- Whether the payee can be told by SMS: a person with neither a bank account nor a phone gets the claim code of cash
-- waiting at a post office in an invitation letter PT Pos delivers, as no SMS can carry it.
ALTER TABLE payee ADD COLUMN has_phone BOOLEAN NOT NULL DEFAULT TRUE;
