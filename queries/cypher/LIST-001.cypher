// LIST-001 任务无责任人 / task without a responsible person
// A task with no RESPONSIBLE person. Evidence: [task, its list].
MATCH (t:Task)
WHERE NOT EXISTS { (t)-[:RESPONSIBLE]->() }
OPTIONAL MATCH (l:List {id: t.list})
RETURN t.id AS subject, t.name AS subject_name, [t.id, t.list] AS evidence,
       {list: CASE WHEN l.name IS NULL OR l.name = '' THEN t.list ELSE l.name END} AS params,
       t.source AS source
