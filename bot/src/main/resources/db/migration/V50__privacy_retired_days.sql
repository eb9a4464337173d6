-- Days the retention job has retired: their anonymous counts were added to daily_counts before
-- the rows they came from lost their texts or were deleted. A day is retired once, so nothing is
-- counted twice; the report reads daily_counts for retired days and the live tables for the rest.
CREATE TABLE retired_days (
    day        TEXT PRIMARY KEY,  -- YYYY-MM-DD in the configured time zone
    retired_at TEXT NOT NULL
);
