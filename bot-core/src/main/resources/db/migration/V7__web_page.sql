-- For the web page (./dispatcher web). Named V7, not V6: another change in flight takes V6. Every statement may run
-- again harmlessly (IF NOT EXISTS), so the order the two land in does not matter to a database that saw either.
-- The evidence the router used for each decision, in one line a person reads (keywords, knowledge base, examples and
-- confidence of the strongest specialists), shown beside a flagged decision.
CREATE TABLE IF NOT EXISTS decision_evidence (
    decision_id VARCHAR(32) PRIMARY KEY REFERENCES decisions (id) ON DELETE CASCADE,
    evidence    TEXT        NOT NULL
);
-- The page's figures, aggregated in the database: tasks per specialist and per day read this index alone (routed
-- by source and time, with the specialist), the place filters and their choices the second, fallbacks the third.
CREATE INDEX IF NOT EXISTS decisions_source_created_at_specialist ON decisions (source, created_at, specialist);
CREATE INDEX IF NOT EXISTS decisions_channel_created_at ON decisions (platform, channel, created_at);
CREATE INDEX IF NOT EXISTS decisions_fallback_created_at ON decisions (fallback, created_at);
