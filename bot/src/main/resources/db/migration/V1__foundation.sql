-- Foundation schema. Timestamps are ISO-8601 UTC instants (TEXT); booleans are 0/1.
-- Rows about a resident hang off residents(id) with ON DELETE CASCADE, so that
-- forgetting a resident (/vergeet) is one DELETE.

CREATE TABLE residents (
    id                INTEGER PRIMARY KEY,
    channel           TEXT    NOT NULL,            -- 'telegram', 'terminal'
    chat_id           TEXT    NOT NULL,            -- the private chat with the bot
    first_name        TEXT,
    language          TEXT    NOT NULL DEFAULT 'nl',
    neighbourhood     TEXT,
    follow_up_enabled INTEGER NOT NULL DEFAULT 1,
    blocked_bot       INTEGER NOT NULL DEFAULT 0,  -- Telegram answered 403: stop sending
    created_at        TEXT    NOT NULL,
    last_seen_at      TEXT    NOT NULL,
    UNIQUE (channel, chat_id)
);

CREATE TABLE conversations (
    id               INTEGER PRIMARY KEY,
    resident_id      INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    status           TEXT    NOT NULL DEFAULT 'open',  -- open, handed_over, closed
    state_json       TEXT    NOT NULL DEFAULT '{}',    -- the engine's working state between turns
    started_at       TEXT    NOT NULL,
    last_activity_at TEXT    NOT NULL,
    closed_at        TEXT
);
CREATE INDEX conversations_by_resident ON conversations (resident_id, status);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    direction       TEXT    NOT NULL,  -- in, out
    author          TEXT    NOT NULL,  -- resident, bot, worker
    kind            TEXT    NOT NULL,  -- text, command, callback, voice, photo, ...
    text            TEXT,              -- NULL once retention removed it
    created_at      TEXT    NOT NULL
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, id);
CREATE INDEX messages_by_time ON messages (created_at);

-- What the desk suggested, and what the resident said about it.
CREATE TABLE suggestions (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    service_id      TEXT    NOT NULL,
    rank            INTEGER NOT NULL,
    confidence      REAL    NOT NULL,
    decision        TEXT    NOT NULL,
    shown_at        TEXT    NOT NULL,
    feedback        TEXT,              -- helped, something_else, wrong_details
    feedback_at     TEXT
);
CREATE INDEX suggestions_by_conversation ON suggestions (conversation_id);

CREATE TABLE follow_ups (
    id              INTEGER PRIMARY KEY,
    resident_id     INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    conversation_id INTEGER REFERENCES conversations (id) ON DELETE CASCADE,
    service_id      TEXT    NOT NULL,
    due_at          TEXT    NOT NULL,
    sent_at         TEXT,
    answer          TEXT,              -- reached_helped, reached_not_helped, not_reached
    answered_at     TEXT
);
CREATE INDEX follow_ups_due ON follow_ups (sent_at, due_at);

-- Questions nothing answered, without anything that identifies the resident.
CREATE TABLE unanswered_questions (
    id            INTEGER PRIMARY KEY,
    text_redacted TEXT NOT NULL,
    language      TEXT NOT NULL,
    neighbourhood TEXT,
    created_at    TEXT NOT NULL
);

-- Anonymous counts that outlive retention, for the listening report.
CREATE TABLE daily_counts (
    day       TEXT    NOT NULL,  -- YYYY-MM-DD in the configured time zone
    metric    TEXT    NOT NULL,
    dimension TEXT    NOT NULL DEFAULT '',
    count     INTEGER NOT NULL,
    PRIMARY KEY (day, metric, dimension)
);

CREATE TABLE workers (
    id               INTEGER PRIMARY KEY,
    telegram_user_id TEXT    NOT NULL UNIQUE,
    first_name       TEXT    NOT NULL,
    active           INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL
);

CREATE TABLE worker_roles (
    worker_id INTEGER NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
    role      TEXT    NOT NULL,  -- worker, admin
    team      TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (worker_id, role, team)
);

CREATE TABLE cases (
    id              INTEGER PRIMARY KEY,
    resident_id     INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    conversation_id INTEGER REFERENCES conversations (id) ON DELETE SET NULL,
    team            TEXT    NOT NULL,
    trigger         TEXT    NOT NULL,  -- asked_for_person, crisis, complex, repeated_misses, frustration
    urgency         TEXT    NOT NULL,  -- urgent, normal
    status          TEXT    NOT NULL,  -- awaiting_consent, queued, claimed, closed
    domains_json    TEXT    NOT NULL DEFAULT '[]',
    services_json   TEXT    NOT NULL DEFAULT '[]',
    worker_id       INTEGER REFERENCES workers (id),
    created_at      TEXT    NOT NULL,
    claimed_at      TEXT,
    first_reply_at  TEXT,
    closed_at       TEXT,
    outcome         TEXT
);
CREATE INDEX cases_by_status ON cases (status, team);
CREATE INDEX cases_by_resident ON cases (resident_id);

CREATE TABLE case_notes (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    worker_id  INTEGER NOT NULL REFERENCES workers (id),
    text       TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);

-- The knowledge base: the current version of each service and every revision.
CREATE TABLE services (
    id           TEXT PRIMARY KEY,
    json         TEXT    NOT NULL,
    active       INTEGER NOT NULL,
    revision     INTEGER NOT NULL,
    flagged      INTEGER NOT NULL DEFAULT 0,  -- a resident said "Klopt niet"
    updated_at   TEXT    NOT NULL,
    updated_by   TEXT    NOT NULL
);

CREATE TABLE service_revisions (
    id          INTEGER PRIMARY KEY,
    service_id  TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    changed_at  TEXT    NOT NULL,
    changed_by  TEXT    NOT NULL,
    before_json TEXT,
    after_json  TEXT,
    reason      TEXT,
    UNIQUE (service_id, revision)
);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,  -- 'worker:12', 'admin:3', 'system', 'cli'
    action   TEXT NOT NULL,
    case_id  INTEGER,
    subject  TEXT,
    detail   TEXT
);
CREATE INDEX audit_log_by_case ON audit_log (case_id);

-- Channels: where polling resumes, and which updates were handled (exactly once).
CREATE TABLE channel_offsets (
    channel     TEXT PRIMARY KEY,
    next_offset INTEGER NOT NULL
);

CREATE TABLE processed_updates (
    channel      TEXT    NOT NULL,
    update_id    INTEGER NOT NULL,
    processed_at TEXT    NOT NULL,
    PRIMARY KEY (channel, update_id)
);

-- Every message to send, written in the transaction that caused it.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    channel      TEXT    NOT NULL,
    chat_id      TEXT    NOT NULL,
    payload_json TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'pending',  -- pending, sent, failed
    attempts     INTEGER NOT NULL DEFAULT 0,
    not_before   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    sent_at      TEXT,
    last_error   TEXT
);
CREATE INDEX outbox_pending ON outbox (status, channel, id);

-- Channel message ids of messages sent with an edit key, so they can be edited later.
CREATE TABLE sent_message_keys (
    channel    TEXT NOT NULL,
    chat_id    TEXT NOT NULL,
    edit_key   TEXT NOT NULL,
    message_id TEXT NOT NULL,
    PRIMARY KEY (channel, chat_id, edit_key)
);
