-- Labelport schema, version 1, PostgreSQL. The same tables, columns, keys and orderings as the SQLite schema
-- (Sqlite/Migrations/0001_initial.sql). Times are timestamptz, written at millisecond precision like SQLite's unix
-- milliseconds. Text that is sorted or compared is COLLATE "C" (code-point order, as SQLite's BINARY), so keyset
-- pages and listings come out in the same order on both stores whatever the database's locale; lower() under "C"
-- folds ASCII only, like SQLite's NOCASE.

CREATE TABLE users (
    user_id         text        COLLATE "C" NOT NULL PRIMARY KEY,
    email           text        COLLATE "C" NOT NULL,
    name            text        NOT NULL,
    password_hash   text,
    is_system_admin boolean     NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_nocase ON users (lower(email));

CREATE TABLE api_keys (
    key_id       text        COLLATE "C" NOT NULL PRIMARY KEY,
    user_id      text        COLLATE "C" NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    name         text        NOT NULL,
    key_hash     bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz
);
CREATE INDEX api_keys_by_user ON api_keys (user_id);

CREATE TABLE projects (
    project_hash  text        COLLATE "C" NOT NULL PRIMARY KEY,
    title         text        COLLATE "C" NOT NULL,
    description   text,
    ontology_json text        NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE project_members (
    project_hash text     COLLATE "C" NOT NULL REFERENCES projects (project_hash) ON DELETE CASCADE,
    user_id      text     COLLATE "C" NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    role         smallint NOT NULL CHECK (role BETWEEN 1 AND 4),
    PRIMARY KEY (project_hash, user_id)
);
CREATE INDEX project_members_by_user ON project_members (user_id);

CREATE TABLE datasets (
    dataset_hash  text        COLLATE "C" NOT NULL PRIMARY KEY,
    title         text        COLLATE "C" NOT NULL,
    description   text,
    owner_user_id text        COLLATE "C" NOT NULL REFERENCES users (user_id),
    created_at    timestamptz NOT NULL
);
CREATE INDEX datasets_by_owner ON datasets (owner_user_id);

CREATE TABLE project_datasets (
    project_hash text COLLATE "C" NOT NULL REFERENCES projects (project_hash) ON DELETE CASCADE,
    dataset_hash text COLLATE "C" NOT NULL REFERENCES datasets (dataset_hash) ON DELETE CASCADE,
    PRIMARY KEY (project_hash, dataset_hash)
);
CREATE INDEX project_datasets_by_dataset ON project_datasets (dataset_hash);

-- dataset_hash has no foreign key: items registered by a label-row import name the (external) dataset of the row.
CREATE TABLE data_items (
    data_hash         text        COLLATE "C" NOT NULL PRIMARY KEY,
    dataset_hash      text        COLLATE "C" NOT NULL,
    title             text        COLLATE "C" NOT NULL,
    data_type         text        NOT NULL,
    is_image_sequence boolean     NOT NULL,
    created_at        timestamptz NOT NULL
);
CREATE INDEX data_items_by_dataset ON data_items (dataset_hash, title, data_hash);

CREATE TABLE data_units (
    data_hash      text             COLLATE "C" NOT NULL PRIMARY KEY,
    item_data_hash text             COLLATE "C" NOT NULL REFERENCES data_items (data_hash) ON DELETE CASCADE,
    title          text             NOT NULL,
    mime_type      text             NOT NULL,
    width          integer,
    height         integer,
    frames         integer,
    fps            double precision,
    size           bigint           NOT NULL,
    sequence       integer          NOT NULL,
    blob_key       text,
    external_link  text
);
CREATE INDEX data_units_by_item ON data_units (item_data_hash, sequence);

CREATE TABLE label_rows (
    project_hash           text        COLLATE "C" NOT NULL REFERENCES projects (project_hash) ON DELETE CASCADE,
    label_hash             text        COLLATE "C" NOT NULL,
    data_hash              text        COLLATE "C" NOT NULL,
    data_title             text        COLLATE "C" NOT NULL,
    data_type              text        NOT NULL,
    dataset_hash           text        COLLATE "C",
    label_status           text        COLLATE "C" NOT NULL,
    annotation_task_status text,
    created_at             timestamptz NOT NULL,
    last_edited_at         timestamptz NOT NULL,
    object_count           integer     NOT NULL,
    classification_count   integer     NOT NULL,
    json                   bytea       NOT NULL,
    PRIMARY KEY (project_hash, label_hash)
);
CREATE INDEX label_rows_by_title ON label_rows (project_hash, data_title, label_hash);
CREATE INDEX label_rows_by_status ON label_rows (project_hash, label_status);
CREATE INDEX label_rows_by_data ON label_rows (project_hash, data_hash);
-- Which projects hold a data unit (media authorisation) looks rows up by data hash alone.
CREATE INDEX label_rows_by_data_hash ON label_rows (data_hash);
CREATE INDEX label_rows_by_edit ON label_rows (last_edited_at);

-- Export history of label rows, newest first by (exported_at DESC, export_hash DESC).
CREATE TABLE label_row_exports (
    label_hash  text        COLLATE "C" NOT NULL,
    export_hash text        COLLATE "C" NOT NULL,
    exported_at timestamptz NOT NULL,
    user_email  text        NOT NULL,
    PRIMARY KEY (label_hash, export_hash)
);
CREATE INDEX label_row_exports_newest ON label_row_exports (label_hash, exported_at DESC, export_hash DESC);

-- status: 1 queued, 2 running, 3 succeeded, 4 failed, 5 cancelled (ExportJobStatus).
CREATE TABLE export_jobs (
    export_hash          text        COLLATE "C" NOT NULL PRIMARY KEY,
    project_hash         text        COLLATE "C" NOT NULL REFERENCES projects (project_hash) ON DELETE CASCADE,
    format               text        NOT NULL,
    request_json         text        NOT NULL,
    request_key          text        COLLATE "C" NOT NULL,
    requested_by_user_id text        NOT NULL,
    requested_by_email   text        NOT NULL,
    status               smallint    NOT NULL CHECK (status BETWEEN 1 AND 5),
    progress_done        bigint      NOT NULL,
    progress_total       bigint      NOT NULL,
    file_name            text        NOT NULL,
    blob_key             text,
    size                 bigint,
    sha256               text,
    error                text,
    attempts             integer     NOT NULL,
    lease_owner          text,
    lease_expires_at     timestamptz,
    created_at           timestamptz NOT NULL,
    started_at           timestamptz,
    finished_at          timestamptz
);
CREATE INDEX export_jobs_claimable ON export_jobs (status, created_at, export_hash);
CREATE INDEX export_jobs_by_project ON export_jobs (project_hash, created_at);
CREATE INDEX export_jobs_by_request ON export_jobs (project_hash, request_key, status);

-- Label hashes written into a running job's file, moved into label_row_exports when the job succeeds.
CREATE TABLE export_job_rows (
    export_hash text COLLATE "C" NOT NULL REFERENCES export_jobs (export_hash) ON DELETE CASCADE,
    label_hash  text COLLATE "C" NOT NULL,
    PRIMARY KEY (export_hash, label_hash)
);
