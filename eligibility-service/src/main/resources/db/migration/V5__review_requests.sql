-- A refusal the person asked to have reviewed (a grievance of case-service): it joins the officers' review queue.
ALTER TABLE decision ADD COLUMN review_requested_by CHAR(36) NULL;
