// Sponsors of attackers: who supports the actors that strike a given target.
// param: target (actor) — the attacked actor, by name or id
// example: graphx query sponsors_of_attackers --param target=us_military
// portable: yes
MATCH (sp:Actor)-[s:SUPPORTS]->(at:Actor)-[e:STRIKES]->(t:Actor)
WHERE t.id = $target
RETURN sp.name AS sponsor, at.name AS attacker, s.documents AS support_documents,
       e.documents AS strike_documents
ORDER BY sponsor, attacker
