-- Run by audit's migrator after every migration (a Flyway callback). The ledger is append-only for the service itself:
-- its user may INSERT and SELECT audit_entry, never UPDATE or DELETE it (the database refuses); a rewritten ledger would
-- take another account, and the hash chain and the seals on Kafka still show it. The other tables are ordinary state.
-- A new table of this schema must be granted here as well.
GRANT SELECT, INSERT ON audit_entry TO '${serviceUser}'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_chain_head TO '${serviceUser}'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_payment_ref TO '${serviceUser}'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_access_ref TO '${serviceUser}'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_seal TO '${serviceUser}'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_event TO '${serviceUser}'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON processed_event TO '${serviceUser}'@'%';
