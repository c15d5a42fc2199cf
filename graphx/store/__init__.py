"""The store stage: one interface (`base.GraphStore`), two implementations (`neo4j.Neo4jStore`,
`embedded.EmbeddedStore`), every Cypher statement they run (`cypher`), the rows they load
(`rows`) and the load pipeline (`loading`). `open_store` picks the store the user asked for;
the backends (and their drivers) are imported only when opened.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from graphx.errors import OptionError

if TYPE_CHECKING:
    from graphx.store.base import GraphStore

DEFAULT_DB_PATH = "graphx.lbdb"


# The password scripts/neo4j-local gives its server when NEO4J_PASSWORD is unset: documented,
# so it only ever protects a server on this machine, and only ever offered to one.
LOCAL_NEO4J_PASSWORD = "graphx-local-dev"
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def neo4j_password(uri: str) -> str:
    """$NEO4J_PASSWORD; when it is unset or empty, LOCAL_NEO4J_PASSWORD for a server on the
    loopback interface (bolt://127.0.0.1, bolt://localhost, neo4j://[::1], ...), so graphx and
    scripts/neo4j-local agree, and an empty password for any other host: the local default is
    never sent to a remote server."""
    password = os.environ.get("NEO4J_PASSWORD")
    if password:
        return password
    return LOCAL_NEO4J_PASSWORD if is_loopback_uri(uri) else ""


def is_loopback_uri(uri: str) -> bool:
    """Whether `uri` names a server on this machine (localhost or a loopback address)."""
    try:
        host = urlsplit(uri.strip()).hostname
    except ValueError:  # a malformed URI: the driver names the problem
        return False
    if not host:
        return False
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def open_store(
    *,
    neo4j: str | None = None,
    db: str | None = None,
    database: str | None = None,
    read_only: bool = False,
) -> GraphStore:
    """The store the user asked for. Options beat the environment: --neo4j, then --db, then
    NEO4J_URI, then GRAPHX_DB, then the embedded store ./graphx.lbdb.

    `read_only` opens it for reading only: the database refuses writes (StoreReadOnly), and
    a store that is not there (no file, no graphx schema, no actors) is StoreMissing rather
    than created. Opened for writing, a missing embedded store is created. A user name and
    password in the Neo4j URI (bolt://user:password@host) are used as the credentials, ahead
    of $NEO4J_USERNAME / $NEO4J_PASSWORD, and never shown."""
    if neo4j is not None and not neo4j.strip():
        raise OptionError("--neo4j needs a URI")
    if db is not None and not db.strip():
        raise OptionError("--db needs a file path")
    uri = neo4j or (None if db else os.environ.get("NEO4J_URI"))
    if uri:
        from graphx.store.neo4j import Neo4jStore

        return Neo4jStore(
            uri,
            user=os.environ.get("NEO4J_USERNAME", "neo4j"),
            password=neo4j_password(uri),
            database=database or os.environ.get("NEO4J_DATABASE") or None,
            read_only=read_only,
        )
    from graphx.store.embedded import EmbeddedStore

    return EmbeddedStore(
        Path(db or os.environ.get("GRAPHX_DB") or DEFAULT_DB_PATH), read_only=read_only
    )
