// LIST-003 任务无完成时限 / task without a due date
// A task with no `due` date. Evidence: [task, its list].
MATCH (t:Task)
WHERE t.due IS NULL OR t.due = ''
OPTIONAL MATCH (l:List {id: t.list})
RETURN t.id AS subject, t.name AS subject_name, [t.id, t.list] AS evidence,
       {list: CASE WHEN l.name IS NULL OR l.name = '' THEN t.list ELSE l.name END} AS params,
       t.source AS source
