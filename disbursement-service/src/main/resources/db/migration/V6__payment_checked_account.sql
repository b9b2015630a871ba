-- A payment goes to the account its inquiry checked (or an officer accepted), kept on the payment: an amendment after the
-- payment was batched or approved must not send it to an account that no inquiry and no officer has seen. A payment not
-- yet batched is checked again instead. NULL: no inquiry ran (account inquiry switched off); the payee's account is used.
ALTER TABLE payment_intent
    ADD COLUMN checked_bank_code CHAR(3) NULL,
    ADD COLUMN checked_account_number VARCHAR(34) NULL,
    ADD COLUMN checked_holder_name VARCHAR(200) NULL;

-- Payments checked before these columns existed keep the account they would have been paid to: the payee's as it is now.
UPDATE payment_intent p JOIN payee y ON y.beneficiary_id = p.beneficiary_id
SET p.checked_bank_code = y.bank_code, p.checked_account_number = y.account_number, p.checked_holder_name = y.account_holder_name
WHERE p.state IN ('SCHEDULED', 'APPROVED') AND p.account_check IN ('VERIFIED', 'MISMATCH');
