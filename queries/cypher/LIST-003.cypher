// LIST-003 任务无完成时限 / task without a due date
// A task with no `due` date and no recognised non-date deadline: a `due_note`
// such as 长期坚持, 每季度, 持续推进 (the regular expression is
// respchain.queries.rules.list.STANDING_DUE). Evidence: [task, its list].
MATCH (t:Task)
WHERE (t.due IS NULL OR t.due = '')
  AND NOT coalesce(t.due_note, '') =~ '(?s)\\s*(每|长期|持续|常态|经常|定期|随时|全年|全程|逐年|日常|动态|及时|年内|年度内|适时|视情|根据|按(季|月|年|周|旬|半年|期|时|要求|上级|规定|计划|进度|程序|节点)).*'
OPTIONAL MATCH (l:List {id: t.list})
RETURN t.id AS subject, t.name AS subject_name, [t.id, t.list] AS evidence,
       {list: CASE WHEN l.name IS NULL OR l.name = '' THEN t.list ELSE l.name END} AS params,
       t.source AS source
