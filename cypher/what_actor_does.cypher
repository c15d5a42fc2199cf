// What does an actor do to whom? Its outgoing relations with counts and date range.
// param: actor (actor) — the actor, by name or id
// example: graphx query what_actor_does --param actor=iran
// portable: yes
MATCH (m:Mention)-[:TARGET]->(t:Actor)
WHERE m.source_id = $actor AND m.negated = false
RETURN m.relation AS relation, t.name AS target, count(*) AS mentions,
       min(m.date) AS first_date, max(m.date) AS last_date
ORDER BY relation, mentions DESC, target
