-- The retention job finds what passed the limit by searching these instead of reading whole tables
-- (it runs hourly, in short transactions, while residents' messages wait for the write lock).
-- Only messages that still have their text: the job sets it to NULL, so each run searches just the new old ones.
CREATE INDEX messages_with_text ON messages (created_at) WHERE text IS NOT NULL;
CREATE INDEX outbox_by_time ON outbox (created_at);
CREATE INDEX unanswered_questions_by_time ON unanswered_questions (created_at);
