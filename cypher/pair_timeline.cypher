// Timeline of one pair by month: how many mentions of each relation, each way, per month
// (year-only dates stay as the year).
// param: a (actor) — one actor, by name or id
// param: b (actor) — the other actor, by name or id
// example: graphx query pair_timeline --param a=iraq --param b=us
// portable: yes
MATCH (m:Mention)
WHERE m.negated = false AND m.date IS NOT NULL
  AND ((m.source_id = $a AND m.target_id = $b) OR (m.source_id = $b AND m.target_id = $a))
RETURN left(m.date, 7) AS month, m.source_id AS source, m.relation AS relation, count(*) AS mentions
ORDER BY month, source, relation
