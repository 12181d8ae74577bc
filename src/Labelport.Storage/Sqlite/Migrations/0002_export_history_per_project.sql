-- Export history belongs to a project: label hashes come from imports, so two projects can hold the same one.
-- SQLite cannot change a primary key in place, so the table is rebuilt. History whose job no longer exists (its
-- project was deleted, which deletes the project's jobs) has no project to belong to and is dropped.
CREATE TABLE label_row_exports_by_project (
    project_hash TEXT    NOT NULL REFERENCES projects (project_hash) ON DELETE CASCADE,
    label_hash   TEXT    NOT NULL,
    export_hash  TEXT    NOT NULL,
    exported_at  INTEGER NOT NULL,
    user_email   TEXT    NOT NULL,
    PRIMARY KEY (project_hash, label_hash, export_hash)
) STRICT;
INSERT INTO label_row_exports_by_project (project_hash, label_hash, export_hash, exported_at, user_email)
SELECT j.project_hash, e.label_hash, e.export_hash, e.exported_at, e.user_email
FROM label_row_exports e JOIN export_jobs j ON j.export_hash = e.export_hash;
DROP TABLE label_row_exports;
ALTER TABLE label_row_exports_by_project RENAME TO label_row_exports;
CREATE INDEX label_row_exports_newest ON label_row_exports (project_hash, label_hash, exported_at DESC, export_hash DESC);
