// FUNC-001 职能部门未声明监管责任 / functional department without a regulatory responsibility
// A functional department that bears no `functional_regulatory` responsibility.
// Evidence: [department].
MATCH (o:Organization {org_kind: 'functional_department'})
WHERE NOT EXISTS { (o)-[:BEARS]->(:Responsibility {type: 'functional_regulatory'}) }
RETURN o.id AS subject, o.name AS subject_name, [o.id] AS evidence, {} AS params, o.source AS source
