-- Without these, replacing a resident's planned follow-up (at every answer) searched every unsent follow-up of every
-- resident, and each cascade from a deleted resident, conversation or case (retention, erasure on request) searched
-- the whole child table once per deleted row.
CREATE INDEX follow_ups_by_resident ON follow_ups (resident_id, sent_at);
CREATE INDEX follow_ups_by_conversation ON follow_ups (conversation_id);
CREATE INDEX cases_by_conversation ON cases (conversation_id);
CREATE INDEX case_notes_by_case ON case_notes (case_id, id);
CREATE INDEX case_notes_by_worker ON case_notes (worker_id);
CREATE INDEX worker_focus_by_case ON worker_focus (case_id);
-- A worker's message in a forum topic finds its case by the topic: without this, a search through every resident.
CREATE INDEX cases_by_topic ON cases (team, topic_id);
