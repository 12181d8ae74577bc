-- Export history belongs to a project: label hashes come from imports, so two projects can hold the same one.
-- History whose job no longer exists (its project was deleted, which deletes the project's jobs) has no project to
-- belong to and is dropped.
ALTER TABLE label_row_exports ADD COLUMN project_hash text COLLATE "C";
UPDATE label_row_exports e SET project_hash = j.project_hash FROM export_jobs j WHERE j.export_hash = e.export_hash;
DELETE FROM label_row_exports WHERE project_hash IS NULL;
ALTER TABLE label_row_exports
    ALTER COLUMN project_hash SET NOT NULL,
    ADD FOREIGN KEY (project_hash) REFERENCES projects (project_hash) ON DELETE CASCADE,
    DROP CONSTRAINT label_row_exports_pkey,
    ADD PRIMARY KEY (project_hash, label_hash, export_hash);
DROP INDEX label_row_exports_newest;
CREATE INDEX label_row_exports_newest ON label_row_exports (project_hash, label_hash, exported_at DESC, export_hash DESC);
