// Who strikes whom: every STRIKES edge, reported in most documents first, optionally only those still active since a date.
// param: since = "" — ISO date or prefix; only edges active since then (all when empty)
// example: graphx query who_strikes_whom --param since=2020-01-01
// portable: yes
MATCH (a:Actor)-[e:STRIKES]->(b:Actor)
WHERE coalesce(e.last_date, '') >= $since
RETURN a.name AS attacker, b.name AS target, e.documents AS documents, e.mentions AS mentions,
       e.sources AS sources,
       e.first_date AS first_date, e.last_date AS last_date
ORDER BY documents DESC, mentions DESC, attacker, target
