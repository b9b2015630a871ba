-- The names of the maker and the checker as their tokens gave them when they acted: the batch's documents (nominal list,
-- handover record) name them. Batches decided before this version show the subject instead.
ALTER TABLE payment_batch
    ADD COLUMN prepared_by_name VARCHAR(200) NULL,
    ADD COLUMN decided_by_name  VARCHAR(200) NULL;
