-- Hand-over: what a case needs beyond the foundation columns.
ALTER TABLE cases ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE cases ADD COLUMN neighbourhood TEXT;
ALTER TABLE cases ADD COLUMN consent TEXT;                 -- given, declined, not_asked (crisis)
ALTER TABLE cases ADD COLUMN consent_at TEXT;
ALTER TABLE cases ADD COLUMN assigned_at TEXT;             -- when the current worker got it (claim, transfer, reopen)
ALTER TABLE cases ADD COLUMN worker_replied_at TEXT;       -- the current worker's last reply to the resident
ALTER TABLE cases ADD COLUMN topic_id TEXT;                -- forum topic of the case in the team's group
ALTER TABLE cases ADD COLUMN post_count INTEGER NOT NULL DEFAULT 0;  -- times the case was posted in the group
ALTER TABLE cases ADD COLUMN last_posted_at TEXT;
ALTER TABLE cases ADD COLUMN ping_count INTEGER NOT NULL DEFAULT 0;  -- urgent pings sent
ALTER TABLE cases ADD COLUMN last_ping_at TEXT;
ALTER TABLE cases ADD COLUMN relay_count INTEGER NOT NULL DEFAULT 0; -- numbers the relayed messages (edit keys relay:<case>:<n>)
ALTER TABLE cases ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN resident_feedback TEXT;       -- yes, no (the "Was dit fijn?" answer)
CREATE INDEX cases_by_worker ON cases (worker_id, status);

-- The case a worker is talking in from their private chat (/zaak N, or the last one claimed).
CREATE TABLE worker_focus (
    worker_id INTEGER PRIMARY KEY REFERENCES workers (id) ON DELETE CASCADE,
    case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE
);
