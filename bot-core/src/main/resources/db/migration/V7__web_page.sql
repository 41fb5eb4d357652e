-- For the web page (./dispatcher web). Named V7, not V6: another change in flight takes V6. Every statement may run
-- again harmlessly (IF NOT EXISTS), so the order the two land in does not matter to a database that saw either.
-- The evidence the router used for each decision, in one line a person reads (keywords, knowledge base, examples and
-- confidence of the strongest specialists), shown beside a flagged decision.
CREATE TABLE IF NOT EXISTS decision_evidence (
    decision_id VARCHAR(32) PRIMARY KEY REFERENCES decisions (id) ON DELETE CASCADE,
    evidence    TEXT        NOT NULL
);
-- The page's filters and lists, aggregated in the database: by specialist, by platform and channel, fallbacks, and
-- the most recent flags first.
CREATE INDEX IF NOT EXISTS decisions_specialist_created_at ON decisions (specialist, created_at);
CREATE INDEX IF NOT EXISTS decisions_channel_created_at ON decisions (platform, channel, created_at);
CREATE INDEX IF NOT EXISTS decisions_fallback_created_at ON decisions (fallback, created_at);
CREATE INDEX IF NOT EXISTS flags_created_at ON flags (created_at);
