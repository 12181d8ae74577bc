-- Labelport schema, version 1. Times are unix milliseconds UTC (INTEGER). Hashes and ids are TEXT.

CREATE TABLE users (
    user_id         TEXT    NOT NULL PRIMARY KEY,
    email           TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    name            TEXT    NOT NULL,
    password_hash   TEXT,
    is_system_admin INTEGER NOT NULL CHECK (is_system_admin IN (0, 1)),
    created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE api_keys (
    key_id       TEXT    NOT NULL PRIMARY KEY,
    user_id      TEXT    NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    key_hash     BLOB    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
) STRICT;
CREATE INDEX api_keys_by_user ON api_keys (user_id);

CREATE TABLE projects (
    project_hash  TEXT    NOT NULL PRIMARY KEY,
    title         TEXT    NOT NULL,
    description   TEXT,
    ontology_json TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE project_members (
    project_hash TEXT    NOT NULL REFERENCES projects (project_hash) ON DELETE CASCADE,
    user_id      TEXT    NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    role         INTEGER NOT NULL CHECK (role BETWEEN 1 AND 4),
    PRIMARY KEY (project_hash, user_id)
) STRICT;
CREATE INDEX project_members_by_user ON project_members (user_id);

CREATE TABLE datasets (
    dataset_hash  TEXT    NOT NULL PRIMARY KEY,
    title         TEXT    NOT NULL,
    description   TEXT,
    owner_user_id TEXT    NOT NULL REFERENCES users (user_id),
    created_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX datasets_by_owner ON datasets (owner_user_id);

CREATE TABLE project_datasets (
    project_hash TEXT NOT NULL REFERENCES projects (project_hash) ON DELETE CASCADE,
    dataset_hash TEXT NOT NULL REFERENCES datasets (dataset_hash) ON DELETE CASCADE,
    PRIMARY KEY (project_hash, dataset_hash)
) STRICT;
CREATE INDEX project_datasets_by_dataset ON project_datasets (dataset_hash);

-- dataset_hash has no foreign key: items registered by a label-row import name the (external) dataset of the row.
CREATE TABLE data_items (
    data_hash         TEXT    NOT NULL PRIMARY KEY,
    dataset_hash      TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    data_type         TEXT    NOT NULL,
    is_image_sequence INTEGER NOT NULL CHECK (is_image_sequence IN (0, 1)),
    created_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX data_items_by_dataset ON data_items (dataset_hash, title, data_hash);

CREATE TABLE data_units (
    data_hash      TEXT    NOT NULL PRIMARY KEY,
    item_data_hash TEXT    NOT NULL REFERENCES data_items (data_hash) ON DELETE CASCADE,
    title          TEXT    NOT NULL,
    mime_type      TEXT    NOT NULL,
    width          INTEGER,
    height         INTEGER,
    frames         INTEGER,
    fps            REAL,
    size           INTEGER NOT NULL,
    sequence       INTEGER NOT NULL,
    blob_key       TEXT,
    external_link  TEXT
) STRICT;
CREATE INDEX data_units_by_item ON data_units (item_data_hash, sequence);

CREATE TABLE label_rows (
    project_hash           TEXT    NOT NULL REFERENCES projects (project_hash) ON DELETE CASCADE,
    label_hash             TEXT    NOT NULL,
    data_hash              TEXT    NOT NULL,
    data_title             TEXT    NOT NULL,
    data_type              TEXT    NOT NULL,
    dataset_hash           TEXT,
    label_status           TEXT    NOT NULL,
    annotation_task_status TEXT,
    created_at             INTEGER NOT NULL,
    last_edited_at         INTEGER NOT NULL,
    object_count           INTEGER NOT NULL,
    classification_count   INTEGER NOT NULL,
    json                   BLOB    NOT NULL,
    PRIMARY KEY (project_hash, label_hash)
) STRICT;
CREATE INDEX label_rows_by_title ON label_rows (project_hash, data_title, label_hash);
CREATE INDEX label_rows_by_status ON label_rows (project_hash, label_status);
CREATE INDEX label_rows_by_data ON label_rows (project_hash, data_hash);
-- Which projects hold a data unit (media authorisation) looks rows up by data hash alone.
CREATE INDEX label_rows_by_data_hash ON label_rows (data_hash);
CREATE INDEX label_rows_by_edit ON label_rows (last_edited_at);

-- Export history of label rows, newest first by (exported_at DESC, export_hash DESC).
CREATE TABLE label_row_exports (
    label_hash  TEXT    NOT NULL,
    export_hash TEXT    NOT NULL,
    exported_at INTEGER NOT NULL,
    user_email  TEXT    NOT NULL,
    PRIMARY KEY (label_hash, export_hash)
) STRICT;
CREATE INDEX label_row_exports_newest ON label_row_exports (label_hash, exported_at DESC, export_hash DESC);

-- status: 1 queued, 2 running, 3 succeeded, 4 failed, 5 cancelled (ExportJobStatus).
CREATE TABLE export_jobs (
    export_hash          TEXT    NOT NULL PRIMARY KEY,
    project_hash         TEXT    NOT NULL REFERENCES projects (project_hash) ON DELETE CASCADE,
    format               TEXT    NOT NULL,
    request_json         TEXT    NOT NULL,
    request_key          TEXT    NOT NULL,
    requested_by_user_id TEXT    NOT NULL,
    requested_by_email   TEXT    NOT NULL,
    status               INTEGER NOT NULL CHECK (status BETWEEN 1 AND 5),
    progress_done        INTEGER NOT NULL,
    progress_total       INTEGER NOT NULL,
    file_name            TEXT    NOT NULL,
    blob_key             TEXT,
    size                 INTEGER,
    sha256               TEXT,
    error                TEXT,
    attempts             INTEGER NOT NULL,
    lease_owner          TEXT,
    lease_expires_at     INTEGER,
    created_at           INTEGER NOT NULL,
    started_at           INTEGER,
    finished_at          INTEGER
) STRICT;
CREATE INDEX export_jobs_claimable ON export_jobs (status, created_at, export_hash);
CREATE INDEX export_jobs_by_project ON export_jobs (project_hash, created_at);
CREATE INDEX export_jobs_by_request ON export_jobs (project_hash, request_key, status);

-- Label hashes written into a running job's file, moved into label_row_exports when the job succeeds.
CREATE TABLE export_job_rows (
    export_hash TEXT NOT NULL REFERENCES export_jobs (export_hash) ON DELETE CASCADE,
    label_hash  TEXT NOT NULL,
    PRIMARY KEY (export_hash, label_hash)
) STRICT;
