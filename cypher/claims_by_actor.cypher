// Claims made by an actor: every relation the texts attribute to it ("X said ..."), with evidence.
// param: actor (actor) — the claimant, by name or id
// example: graphx query claims_by_actor --param actor=islamic_resistance_in_iraq
// portable: yes
MATCH (claimant:Actor)<-[:CLAIMED_BY]-(m:Mention)-[:SOURCE]->(s:Actor), (m)-[:TARGET]->(t:Actor)
WHERE claimant.id = $actor
RETURN s.name AS source, m.relation AS relation, t.name AS target, m.date AS date,
       m.doc AS document, m.sentence AS evidence
ORDER BY date, document, source, relation, target
