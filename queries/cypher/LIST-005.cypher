// LIST-005 任务逾期完成 / task done late
// A task whose done_on is after its due (ISO dates compare as text).
// Evidence: [task, its list].
MATCH (t:Task)
WHERE t.due IS NOT NULL AND t.due <> '' AND t.done_on IS NOT NULL AND t.done_on > t.due
OPTIONAL MATCH (l:List {id: t.list})
RETURN t.id AS subject, t.name AS subject_name, [t.id, t.list] AS evidence,
       {list: CASE WHEN l.name IS NULL OR l.name = '' THEN t.list ELSE l.name END,
        due: t.due, done_on: t.done_on} AS params,
       t.source AS source
