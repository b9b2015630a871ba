-- The returnee list filters by upload (a clerk checking what an upload registered).
CREATE INDEX ix_returnee_upload ON returnee (upload_id);
