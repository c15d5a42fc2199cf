// Sponsors of attackers: who supports the actors that strike a given target.
// param: target — actor id of the attacked
// example: graphx query sponsors_of_attackers --param target=us
// portable: yes
MATCH (sponsor:Actor)-[s:SUPPORTS]->(attacker:Actor)-[e:STRIKES]->(t:Actor)
WHERE t.id = $target
RETURN sponsor.name AS sponsor, attacker.name AS attacker, s.count AS support_mentions,
       e.count AS strike_mentions
ORDER BY sponsor, attacker
