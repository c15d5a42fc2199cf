"""Every Cypher statement the stores run. Values always travel as parameters; the only names
formatted into statement text are edge labels from `graph_rows.EDGE_LABELS` (a whitelist)."""

from __future__ import annotations

from graphx.store.rows import EDGE_LABELS

# The Mention node's properties and their LadybugDB types, declared once.
MENTION_FIELDS: list[tuple[str, str]] = [
    ("id", "STRING"),
    ("doc", "STRING"),
    ("relation", "STRING"),
    ("source_id", "STRING"),
    ("target_id", "STRING"),
    ("source_text", "STRING"),
    ("target_text", "STRING"),
    ("source_start", "INT64"),
    ("source_end", "INT64"),
    ("target_start", "INT64"),
    ("target_end", "INT64"),
    ("sentence", "STRING"),
    ("sentence_start", "INT64"),
    ("sentence_end", "INT64"),
    ("date", "STRING"),
    ("confidence", "DOUBLE"),
    ("claimed_by", "STRING"),
    ("rule", "STRING"),
    ("negated", "BOOLEAN"),
]
DOCUMENT_FIELDS: tuple[str, ...] = ("id", "title", "date", "url", "outlet")
EDGE_PROPERTIES = (
    "mentions INT64, documents INT64, sources INT64, first_date STRING, last_date STRING, "
    "weight DOUBLE, kb BOOLEAN"
)

# ----------------------------------------------------------------------------- embedded schema
EMBEDDED_SCHEMA: list[str] = [
    "CREATE NODE TABLE IF NOT EXISTS Actor(id STRING PRIMARY KEY, name STRING, type STRING, "
    "aliases STRING[], country STRING, wikidata STRING, provisional BOOLEAN, rollup STRING)",
    "CREATE NODE TABLE IF NOT EXISTS Document(id STRING PRIMARY KEY, "
    + ", ".join(f"{name} STRING" for name in DOCUMENT_FIELDS[1:])
    + ")",
    "CREATE NODE TABLE IF NOT EXISTS Mention("
    + ", ".join(f"{name} {kind}" for name, kind in MENTION_FIELDS)
    + ", PRIMARY KEY (id))",
    "CREATE NODE TABLE IF NOT EXISTS GraphxState(id STRING PRIMARY KEY, under_way BOOLEAN)",
    "CREATE REL TABLE IF NOT EXISTS IN_DOCUMENT(FROM Mention TO Document)",
    "CREATE REL TABLE IF NOT EXISTS SOURCE(FROM Mention TO Actor)",
    "CREATE REL TABLE IF NOT EXISTS TARGET(FROM Mention TO Actor)",
    "CREATE REL TABLE IF NOT EXISTS CLAIMED_BY(FROM Mention TO Actor)",
    *[
        f"CREATE REL TABLE IF NOT EXISTS {label}(FROM Actor TO Actor, {EDGE_PROPERTIES})"
        for label in EDGE_LABELS.values()
    ],
]

MENTION_COLUMNS: list[str] = [name for name, _ in MENTION_FIELDS]
# Bulk loads: COPY reads an Arrow table passed as the parameter $rows.
EMBEDDED_COPY = {
    "Actor": "COPY Actor FROM $rows",
    "Document": "COPY Document FROM $rows",
    "Mention": "COPY Mention FROM $rows",
    "IN_DOCUMENT": "COPY IN_DOCUMENT FROM $rows",
    "SOURCE": "COPY SOURCE FROM $rows",
    "TARGET": "COPY TARGET FROM $rows",
    "CLAIMED_BY": "COPY CLAIMED_BY FROM $rows",
}

EMBEDDED_EXISTING = {
    "Actor": "MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id",
    "Document": "MATCH (d:Document) WHERE d.id IN $ids RETURN d.id",
}


def embedded_copy_edges(label: str) -> str:
    return f"COPY {EDGE_LABELS_CHECKED[label]} FROM $rows"


# ----------------------------------------------------------------------------- neo4j schema
NEO4J_SCHEMA: list[str] = [
    "CREATE CONSTRAINT graphx_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT graphx_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
    "CREATE CONSTRAINT graphx_mention_id IF NOT EXISTS FOR (m:Mention) REQUIRE m.id IS UNIQUE",
    "DROP INDEX graphx_mention_doc IF EXISTS",
    "CREATE CONSTRAINT graphx_state_id IF NOT EXISTS FOR (s:GraphxState) REQUIRE s.id IS UNIQUE",
]

# ----------------------------------------------------------------------------- shared loading
UPSERT_ACTORS = (
    "UNWIND $rows AS r MERGE (a:Actor {id: r.id}) "
    "SET a.name = r.name, a.type = r.type, a.aliases = r.aliases, a.country = r.country, "
    "a.wikidata = r.wikidata, a.provisional = r.provisional, a.rollup = r.rollup"
)
UPSERT_DOCUMENTS = "UNWIND $rows AS r MERGE (d:Document {id: r.id}) SET " + ", ".join(
    f"d.{name} = r.{name}" for name in DOCUMENT_FIELDS[1:]
)
_DOCUMENT_COLUMNS = ", ".join(f"d.{name} AS {name}" for name in DOCUMENT_FIELDS)
DOCUMENT_METADATA = "MATCH (d:Document) WHERE d.id IN $ids RETURN " + _DOCUMENT_COLUMNS
# Through the Document key, so documents new to the store cost nothing to look up.
MENTIONS_OF_DOCUMENTS = (
    "MATCH (d:Document)<-[:IN_DOCUMENT]-(m:Mention) WHERE d.id IN $docs "
    "RETURN m.id AS id, m.source_id AS source, m.relation AS relation, m.target_id AS target, "
    "m.doc AS doc"
)
# One bookkeeping node remembers that a load is under way: if it is still set when the next
# load starts, the last one died before its edges were brought in line.
MARK_LOAD = "MERGE (s:GraphxState {id: 'load'}) SET s.under_way = $under_way"
LOAD_UNDER_WAY = "MATCH (s:GraphxState) WHERE s.id = 'load' RETURN s.under_way AS under_way"
# The graph model a store was written with: a store of an older model (edges with `count`, no
# documents or sources, actors with no rollup) is refused, never read or written half-right.
GRAPH_MODEL = "graph-model-2"
MARK_GRAPH_MODEL = "MERGE (s:GraphxState {id: $model}) SET s.under_way = false"
GRAPH_MODEL_MARKED = "MATCH (s:GraphxState) WHERE s.id = $model RETURN s.id AS id"
DELETE_MENTIONS = "MATCH (m:Mention) WHERE m.id IN $ids DETACH DELETE m"
ACTOR_IDS = "MATCH (a:Actor) RETURN a.id AS id"
ACTOR_ROWS = (
    "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases, "
    "a.country AS country, a.wikidata AS wikidata, a.provisional AS provisional, "
    "a.rollup AS rollup"
)
# Actors no mention names (as source, target or claimant): kept only as a parent of one that is.
UNREFERENCED_ACTORS = (
    "MATCH (a:Actor) WHERE NOT EXISTS { MATCH (a)<-[:SOURCE|TARGET|CLAIMED_BY]-(:Mention) } "
    "RETURN a.id AS id"
)
DELETE_ACTORS = "MATCH (a:Actor) WHERE a.id IN $ids DETACH DELETE a"
NEO4J_INSERT_MENTIONS = (
    "UNWIND $rows AS r "
    "MATCH (d:Document {id: r.doc}), (s:Actor {id: r.source_id}), (t:Actor {id: r.target_id}) "
    "CREATE (m:Mention {id: r.id, doc: r.doc, relation: r.relation, source_id: r.source_id, "
    "target_id: r.target_id, source_text: r.source_text, target_text: r.target_text, "
    "source_start: r.source_start, source_end: r.source_end, target_start: r.target_start, "
    "target_end: r.target_end, sentence: r.sentence, sentence_start: r.sentence_start, "
    "sentence_end: r.sentence_end, date: r.date, confidence: r.confidence, "
    "claimed_by: r.claimed_by, rule: r.rule, negated: r.negated}) "
    "CREATE (m)-[:IN_DOCUMENT]->(d), (m)-[:SOURCE]->(s), (m)-[:TARGET]->(t) "
    "WITH m, r WHERE r.claimed_by IS NOT NULL "
    "MATCH (c:Actor {id: r.claimed_by}) CREATE (m)-[:CLAIMED_BY]->(c)"
)
# An edge's counts (see graph_rows): its mentions, their distinct documents, and the distinct
# outlets of those documents (count(DISTINCT) skips documents with no outlet).
_AGGREGATE_COLUMNS = (
    "RETURN m.source_id AS source, m.relation AS relation, m.target_id AS target, "
    "count(*) AS mentions, count(DISTINCT m.doc) AS documents, "
    "count(DISTINCT d.outlet) AS sources, min(m.date) AS first_date, max(m.date) AS last_date"
)
# The edges of the actors $ids as sources, counted again (anchored on the Actor key).
MENTION_AGGREGATES_FROM = (
    "MATCH (a:Actor)<-[:SOURCE]-(m:Mention)-[:IN_DOCUMENT]->(d:Document) "
    "WHERE a.id IN $ids AND m.negated = false " + _AGGREGATE_COLUMNS
)
MENTION_AGGREGATES = (
    "MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document) WHERE m.negated = false " + _AGGREGATE_COLUMNS
)


def delete_edges(label: str) -> str:
    return (
        f"UNWIND $rows AS r MATCH (a:Actor {{id: r.source}})-[e:{EDGE_LABELS_CHECKED[label]}]->"
        "(b:Actor {id: r.target}) DELETE e"
    )


def create_edges(label: str) -> str:
    return (
        "UNWIND $rows AS r MATCH (a:Actor {id: r.source}), (b:Actor {id: r.target}) "
        f"CREATE (a)-[:{EDGE_LABELS_CHECKED[label]} {{mentions: r.mentions, "
        "documents: r.documents, sources: r.sources, first_date: r.first_date, "
        "last_date: r.last_date, weight: r.weight, kb: r.kb}]->(b)"
    )


# Lookups go through this table so that a label not in the whitelist fails loudly.
EDGE_LABELS_CHECKED: dict[str, str] = {label: label for label in EDGE_LABELS.values()}

COUNTS = {
    "actors": "MATCH (a:Actor) RETURN count(a) AS n",
    "documents": "MATCH (d:Document) RETURN count(d) AS n",
    "mentions": "MATCH (m:Mention) RETURN count(m) AS n",
}


def count_edges(label: str) -> str:
    return f"MATCH ()-[e:{EDGE_LABELS_CHECKED[label]}]->() RETURN count(e) AS n"


EMBEDDED_DROP = [
    *[f"DROP TABLE IF EXISTS {label}" for label in EDGE_LABELS.values()],
    "DROP TABLE IF EXISTS CLAIMED_BY",
    "DROP TABLE IF EXISTS TARGET",
    "DROP TABLE IF EXISTS SOURCE",
    "DROP TABLE IF EXISTS IN_DOCUMENT",
    "DROP TABLE IF EXISTS Mention",
    "DROP TABLE IF EXISTS Document",
    "DROP TABLE IF EXISTS Actor",
    "DROP TABLE IF EXISTS GraphxState",
]
# Mentions go first, a batch at a time: an actor named by tens of thousands of mentions, deleted
# with all its links in one transaction, outgrew the server's transaction memory.
NEO4J_RESET_MENTIONS = "MATCH (n:Mention) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n"
NEO4J_RESET_BATCH = (
    "MATCH (n) WHERE n:Actor OR n:Document OR n:Mention OR n:GraphxState "
    "WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n"
)

# ----------------------------------------------------------------------------- lookups, views
# Portable between the stores: no label(e)/type(e), no substring (1-based in LadybugDB), no
# list comprehensions; anything else is done in Python on the rows.
ACTORS = (
    "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases, "
    "a.country AS country, a.provisional AS provisional, a.rollup AS rollup"
)


_EDGE_ROW = (
    "RETURN a.id AS source, '{relation}' AS relation, b.id AS target, "
    "e.mentions AS mentions, e.documents AS documents, e.sources AS sources, "
    "e.first_date AS first_date, e.last_date AS last_date, e.weight AS weight, e.kb AS kb"
)
# Every typed edge in one statement (a round trip, not nine): the relation is a constant per
# branch, because the stores name an edge's type differently (type(e), label(e)).
EDGES_OF_LABEL = {
    label: f"MATCH (a:Actor)-[e:{label}]->(b:Actor) " + _EDGE_ROW.format(relation=relation)
    for relation, label in EDGE_LABELS.items()
}
EDGES_ALL = " UNION ALL ".join(EDGES_OF_LABEL.values())
# Edges with an end among $ids; each end anchored on its own so Neo4j seeks the id index.
EDGES_TOUCHING = " UNION ALL ".join(
    f"MATCH (a:Actor)-[e:{label}]->(b:Actor) WHERE {anchor} " + _EDGE_ROW.format(relation=relation)
    for relation, label in EDGE_LABELS.items()
    for anchor in ("a.id IN $ids", "b.id IN $ids AND NOT a.id IN $ids")
)


_EVIDENCE_COLUMNS = (
    "RETURN m.id AS id, m.source_id AS source, m.relation AS relation, m.target_id AS target, "
    "m.sentence AS sentence, m.date AS date, m.confidence AS confidence, "
    "m.claimed_by AS claimed_by, m.rule AS rule, d.id AS doc, d.title AS title, d.url AS url"
)
# Evidence with one end (OF) or both ends (AMONG) among the actors $ids.
EVIDENCE_OF_ACTORS = (
    "MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document) WHERE m.negated = false "
    "AND (m.source_id IN $ids OR m.target_id IN $ids) " + _EVIDENCE_COLUMNS
)
EVIDENCE_AMONG_ACTORS = (
    "MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document) WHERE m.negated = false "
    "AND m.source_id IN $ids AND m.target_id IN $ids " + _EVIDENCE_COLUMNS
)
# An actor's best-attested evidence: most confident, then latest (undated last) first; through
# the actor's own links rather than a scan of every mention.
TOP_EVIDENCE_OF_ACTOR = (
    "MATCH (a:Actor {id: $id})<-[:SOURCE|TARGET]-(m:Mention)-[:IN_DOCUMENT]->(d:Document) "
    "WHERE m.negated = false "
    + _EVIDENCE_COLUMNS.replace("RETURN ", "RETURN DISTINCT ")
    + ", coalesce(m.date, '') AS sort_date "
    "ORDER BY confidence DESC, sort_date DESC, id LIMIT $limit"
)
MENTION_KEYS_AND_DATES = (
    "MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document) WHERE m.negated = false "
    "RETURN m.source_id AS source, m.relation AS relation, m.target_id AS target, m.date AS date, "
    "m.doc AS doc, d.outlet AS outlet"
)

# ----------------------------------------------------------------------------- store contents
# Everything graphx stores, row by row (no internal ids): what a store fingerprint hashes to
# tell whether two stores hold the same graph.
STORE_CONTENTS: dict[str, str] = {
    "actors": ACTOR_ROWS,
    "documents": "MATCH (d:Document) RETURN " + _DOCUMENT_COLUMNS,
    "mentions": "MATCH (m:Mention) RETURN "
    + ", ".join(f"m.{name} AS {name}" for name in MENTION_COLUMNS),
    **{
        f"links {link}": f"MATCH (m:Mention)-[:{link}]->(n) RETURN m.id AS mention, n.id AS node"
        for link in ("IN_DOCUMENT", "SOURCE", "TARGET", "CLAIMED_BY")
    },
    "edges": EDGES_ALL,
}

# ----------------------------------------------------------------------------- opening to read
# Whether there is a graphx store to read at all (both stores).
ANY_ACTOR = "MATCH (a:Actor) RETURN a.id AS id LIMIT 1"
ANY_MENTION = "MATCH (m:Mention) RETURN m.id AS id LIMIT 1"
# The embedded store's tables, to tell a graphx store from an empty or foreign file.
EMBEDDED_TABLES = "CALL show_tables() RETURN name"

# View evidence
# The view's evidence, both ends among the actors $ids, with its document's own date beside the
# mention's (the page shows where and when a story was published, and links to it).
VIEW_EVIDENCE_AMONG_ACTORS = (
    "MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document) WHERE m.negated = false "
    "AND m.source_id IN $ids AND m.target_id IN $ids "
    + _EVIDENCE_COLUMNS
    + ", d.date AS doc_date, d.outlet AS outlet"
)

# Event export
# Every stated (not negated) mention between actors $ids, with its document: export.read_events
# groups them into events (one relation, one document, one date).
EVENT_MENTIONS = (
    "MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document) "
    "WHERE m.negated = false AND m.source_id IN $ids AND m.target_id IN $ids "
    "RETURN m.source_id AS source, m.relation AS relation, m.target_id AS target, "
    "m.date AS date, m.sentence AS sentence, m.sentence_start AS sentence_start, "
    "m.claimed_by AS claimed_by, d.id AS doc, d.title AS title, d.url AS url, "
    "d.outlet AS outlet"
)
