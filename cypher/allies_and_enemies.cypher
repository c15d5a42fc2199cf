// An actor's allies and enemies: who it supports or is supported by, and who it opposes,
// strikes or threatens (either way), with the number of mentions behind each.
// param: actor (actor) — the actor, by name or id
// example: graphx query allies_and_enemies --param actor=iran
// portable: yes
MATCH (m:Mention)
WHERE m.negated = false AND (m.source_id = $actor OR m.target_id = $actor)
  AND m.relation IN ['supports', 'opposes', 'strikes', 'threatens', 'votes_against', 'demands_withdrawal']
WITH CASE WHEN m.source_id = $actor THEN m.target_id ELSE m.source_id END AS other_id,
     CASE WHEN m.relation = 'supports' THEN 'ally' ELSE 'enemy' END AS stance
MATCH (other:Actor)
WHERE other.id = other_id
RETURN other.name AS actor, stance, count(*) AS mentions
ORDER BY stance, mentions DESC, actor
