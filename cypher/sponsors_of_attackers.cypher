// Sponsors of attackers: who supports the actors that strike a given target.
// param: target — actor id of the attacked
// example: graphx query sponsors_of_attackers --param target=us_military
// portable: yes
MATCH (sp:Actor)-[s:SUPPORTS]->(at:Actor)-[e:STRIKES]->(t:Actor)
WHERE t.id = $target
RETURN sp.name AS sponsor, at.name AS attacker, s.count AS support_mentions,
       e.count AS strike_mentions
ORDER BY sponsor, attacker
