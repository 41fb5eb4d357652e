-- Acknowledged platform events as durable jobs: stored before the acknowledgement, leased by a worker, each completed
-- platform step recorded, so a job whose worker died is resumed by any replica without posting a step twice. The key
-- is the platform's event id, so the insert is also the once-only claim. Times are epoch milliseconds.
CREATE TABLE jobs (
    job_key      VARCHAR(400) PRIMARY KEY,
    kind         VARCHAR(32)  NOT NULL,
    platform     VARCHAR(32)  NOT NULL,
    channel      VARCHAR(128) NOT NULL,
    thread       VARCHAR(200),
    message      VARCHAR(200),
    actor        VARCHAR(128) NOT NULL,
    actor_roles  TEXT,
    task_text    TEXT         NOT NULL,
    callback     TEXT,
    decision_ref VARCHAR(32),
    about_bot    INTEGER      NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    lease_owner  VARCHAR(64),
    lease_until  BIGINT       NOT NULL,
    attempts     INTEGER      NOT NULL,
    decision_id  VARCHAR(32),
    root_ref     VARCHAR(400),
    answer_ref   VARCHAR(400),
    received_at  BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL
);
CREATE INDEX jobs_due ON jobs (state, lease_until);
CREATE INDEX jobs_updated ON jobs (updated_at);
