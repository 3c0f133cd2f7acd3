// LIST-006 完成无佐证 / task done without evidence
// A task with status done and no HAS_EVIDENCE, in a register that records
// performance (any done_on, Evidence or Problem). Evidence: [task, its list].
// Whether the register records performance is asked once, before the tasks.
WITH EXISTS { (:Evidence) } OR EXISTS { (:Problem) }
     OR EXISTS { MATCH (x:Task) WHERE x.done_on IS NOT NULL AND x.done_on <> '' } AS records
WHERE records
MATCH (t:Task)
WHERE t.status = 'done' AND NOT EXISTS { (t)-[:HAS_EVIDENCE]->() }
OPTIONAL MATCH (l:List {id: t.list})
RETURN t.id AS subject, t.name AS subject_name, [t.id, t.list] AS evidence,
       {list: CASE WHEN l.name IS NULL OR l.name = '' THEN t.list ELSE l.name END} AS params,
       t.source AS source
