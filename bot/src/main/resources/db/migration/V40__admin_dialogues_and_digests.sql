-- An admin's guided dialogue in progress (adding a service step by step); one per admin.
CREATE TABLE admin_dialogues (
    telegram_user_id TEXT PRIMARY KEY,
    step             TEXT NOT NULL,
    draft_json       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

-- Weekly freshness digests sent to the admins, so a restart neither skips nor repeats one.
CREATE TABLE admin_digests (
    id            INTEGER PRIMARY KEY,
    sent_at       TEXT    NOT NULL,
    stale_count   INTEGER NOT NULL,
    flagged_count INTEGER NOT NULL,
    recipients    INTEGER NOT NULL
);
