// RECT-003 整改措施逾期 / rectification measure overdue
// A measure not done (no done_on, status not done) due before $as_of.
// Evidence: [measure, its problem].
MATCH (pb:Problem)-[:HAS_MEASURE]->(m:Measure)
WHERE (m.done_on IS NULL OR m.done_on = '') AND coalesce(m.status, 'open') <> 'done'
  AND m.due IS NOT NULL AND m.due <> '' AND m.due < $as_of
RETURN m.id AS subject, m.name AS subject_name, [m.id, pb.id] AS evidence,
       {problem: CASE WHEN pb.name IS NULL OR pb.name = '' THEN pb.id ELSE pb.name END,
        due: m.due, as_of: $as_of} AS params,
       m.source AS source
