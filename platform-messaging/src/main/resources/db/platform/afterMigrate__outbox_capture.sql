-- Run by the service's migrator after every migration (a Flyway callback), so that it holds however the schema was made:
-- the CDC user (Debezium) may read this service's outbox and no other table of it. Personal data stays out of its reach.
GRANT SELECT ON outbox_event TO '${cdcUser}'@'%';
