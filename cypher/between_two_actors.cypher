// Everything between two actors, both directions, with the evidence sentence and its document.
// param: a (actor) — one actor, by name or id
// param: b (actor) — the other actor, by name or id
// example: graphx query between_two_actors --param a=pmf --param b=us
// portable: yes
MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document)
WHERE (m.source_id = $a AND m.target_id = $b) OR (m.source_id = $b AND m.target_id = $a)
RETURN m.source_id AS source, m.relation AS relation, m.target_id AS target, m.date AS date,
       d.id AS document, m.sentence AS evidence, m.claimed_by AS claimed_by, m.negated AS negated
ORDER BY date, document, source, relation
