-- The specialists' answers under routing replies, one row per message that shows one (the key a reaction finds it by),
-- with who answered, from whose template, how it came about, whether it cited the knowledge base, and the tokens it
-- spent (the daily budget sums them); and one helpful / not helpful vote per person per answer.
CREATE TABLE answers (
    message_key VARCHAR(400) PRIMARY KEY,
    decision_id VARCHAR(32),
    specialist  VARCHAR(128) NOT NULL,
    template    VARCHAR(128) NOT NULL,
    outcome     VARCHAR(16)  NOT NULL,
    cited       INTEGER      NOT NULL,
    tokens_in   BIGINT       NOT NULL,
    tokens_out  BIGINT       NOT NULL,
    created_at  BIGINT       NOT NULL
);
CREATE INDEX answers_created ON answers (created_at);
CREATE TABLE answer_votes (
    message_key VARCHAR(400) NOT NULL REFERENCES answers (message_key) ON DELETE CASCADE,
    user_id     VARCHAR(128) NOT NULL,
    helpful     INTEGER      NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (message_key, user_id)
);
-- The message that shows a job's answer, so a resumed job edits it instead of answering twice.
ALTER TABLE jobs ADD COLUMN spoken_ref VARCHAR(400);
