-- Decisions, misroute flags, corrections and processed platform events.
-- Portable between SQLite and PostgreSQL: times are epoch milliseconds.
CREATE TABLE decisions (
    id          VARCHAR(32)  PRIMARY KEY,
    created_at  BIGINT       NOT NULL,
    platform    VARCHAR(32)  NOT NULL,
    channel     VARCHAR(128) NOT NULL,
    requester   VARCHAR(128) NOT NULL,
    task_text   TEXT         NOT NULL,
    specialist  VARCHAR(100) NOT NULL,
    confidence  DOUBLE PRECISION NOT NULL,
    fallback    VARCHAR(32),
    reply_ref   VARCHAR(400)
);
CREATE INDEX decisions_reply_ref ON decisions (reply_ref);
CREATE INDEX decisions_created_at ON decisions (created_at);

CREATE TABLE flags (
    decision_id VARCHAR(32)  NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    user_id     VARCHAR(128) NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (decision_id, user_id)
);

CREATE TABLE corrections (
    decision_id VARCHAR(32)  NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    user_id     VARCHAR(128) NOT NULL,
    specialist  VARCHAR(100) NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (decision_id, user_id)
);
CREATE INDEX corrections_created_at ON corrections (created_at);

CREATE TABLE processed_events (
    event_key   VARCHAR(400) PRIMARY KEY,
    created_at  BIGINT       NOT NULL
);
