-- Whether a correction teaches the router: made by someone allowed to teach (DISPATCHER_TEACHERS, empty meaning
-- everyone), or confirmed since. Corrections from others are kept, counted in the statistics and listed for review,
-- but move routing only once someone allowed confirms them. Corrections made before this column existed teach.
ALTER TABLE corrections ADD COLUMN trusted INTEGER NOT NULL DEFAULT 1;
CREATE INDEX corrections_decision ON corrections (decision_id);
