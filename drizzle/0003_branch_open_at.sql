-- Whether a branch is open at a moment, in the branch's own time zone: a dated exception (holiday,
-- short day) wins over the weekly hours; a lunch break closes the branch. The one definition of
-- "open", used both to filter lists and to answer Branch.openNow.
CREATE OR REPLACE FUNCTION branch_open_at(p_branch uuid, p_timezone text, p_at timestamptz) RETURNS boolean
LANGUAGE sql STABLE AS $$
  WITH l AS (SELECT (p_at AT TIME ZONE p_timezone) AS ts)
  SELECT COALESCE(
    (SELECT NOT e.closed AND l.ts::time >= e.opens AND l.ts::time < e.closes
       FROM schedule_exceptions e WHERE e.branch_id = p_branch AND e.date = l.ts::date),
    (SELECT l.ts::time >= h.opens AND l.ts::time < h.closes
            AND NOT (h.break_start IS NOT NULL AND l.ts::time >= h.break_start AND l.ts::time < h.break_end)
       FROM working_hours h WHERE h.branch_id = p_branch AND h.weekday = extract(isodow FROM l.ts)::int),
    false)
  FROM l
$$;
