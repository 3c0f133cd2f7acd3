MATCH (g:Organization)-[:LEADS]->(u:Organization)
WHERE g.org_kind IN ['party_committee', 'party_group']
  AND NOT EXISTS {
    MATCH (g)<-[:POST_IN]-(p:Post)-[:IN_CHARGE_OF]->(u)
    WHERE p.role IN ['head', 'deputy', 'member']
  }
RETURN g.name AS led_by, u.name AS unit
ORDER BY led_by, unit
