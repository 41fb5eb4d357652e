-- Where each decision came from, so statistics and exports count the team's chat traffic and not scripts:
-- 'chat' (Slack, Discord, the shell) or 'cli' (./dispatcher route). And the task's full length in characters:
-- only a bounded prefix of a very long task is kept in task_text.
ALTER TABLE decisions ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'chat';
UPDATE decisions SET source = 'cli' WHERE platform = 'cli';
ALTER TABLE decisions ADD COLUMN task_length INTEGER;
UPDATE decisions SET task_length = LENGTH(task_text);
CREATE INDEX decisions_source_created_at ON decisions (source, created_at);
