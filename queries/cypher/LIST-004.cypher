// LIST-004 任务逾期未完成 / task overdue
// A task due before $as_of (ISO dates compare as text) whose status is not
// done; due on $as_of is not overdue. Evidence: [task, its list].
MATCH (t:Task)
WHERE t.due IS NOT NULL AND t.due <> '' AND t.due < $as_of
  AND coalesce(t.status, 'open') <> 'done'
OPTIONAL MATCH (l:List {id: t.list})
RETURN t.id AS subject, t.name AS subject_name, [t.id, t.list] AS evidence,
       {list: CASE WHEN l.name IS NULL OR l.name = '' THEN t.list ELSE l.name END,
        due: t.due, as_of: $as_of} AS params,
       t.source AS source
