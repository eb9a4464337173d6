-- Telegram channel: how far a long (split) outbox message got, so a retry after a crash or a
-- rate limit resumes with the next part instead of sending the first parts twice.
CREATE TABLE telegram_delivery_progress (
    outbox_id       INTEGER PRIMARY KEY REFERENCES outbox (id) ON DELETE CASCADE,
    parts_sent      INTEGER NOT NULL,
    last_message_id TEXT
);

-- Webhook mode: updates Telegram posted, stored before the endpoint answers 200, removed in the
-- transaction that handles them. A crash after the answer loses nothing.
CREATE TABLE telegram_webhook_inbox (
    update_id    INTEGER PRIMARY KEY,
    payload_json TEXT    NOT NULL,
    received_at  TEXT    NOT NULL
);
