-- Every message that shows a decision (a Slack announcement and its threaded analysis, a Discord embed), with the
-- thread it sits in, so a reaction on any of them finds the decision on any replica and after any restart.
CREATE TABLE reply_messages (
    message_key VARCHAR(400) PRIMARY KEY,
    decision_id VARCHAR(32)  NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    thread      VARCHAR(200),
    created_at  BIGINT       NOT NULL
);
CREATE INDEX reply_messages_decision ON reply_messages (decision_id);
INSERT INTO reply_messages (message_key, decision_id, thread, created_at)
    SELECT reply_ref, id, NULL, created_at FROM decisions WHERE reply_ref IS NOT NULL;
