"""The actor knowledge base: actors, their aliases and parents, and offices with dated holders.

The data lives in reviewed YAML files (`data/kb/*.yaml`); users add their own with `--kb FILE`.
A file may hold any of four sections:

    actors:      [{id, name, type, aliases, generic_aliases, parents, country, wikidata}]
    states:      [{id, name, demonyms, capital, aliases, wikidata}]   (become actors of type state)
    offices:     [{id, name, country, body, relation, titles, holders: [[actor, from, to]]}]
    non_actors:  [names that are never actors: publishers, places]

A user entry whose id already exists overrides the fields it gives; new ids are added.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from graphx.errors import KnowledgeBaseError
from graphx.models import Actor
from graphx.resources import data_files

ACTOR_TYPES: frozenset[str] = frozenset(
    {
        "state",
        "government_body",
        "legislature",
        "armed_group",
        "coalition",
        "political_bloc",
        "person",
        "organization",
        "population",
        "provisional",
    }
)

# How a surface form names its actor; the mention finder treats each kind differently.
NAME, ALIAS, DEMONYM, CAPITAL, GENERIC = "name", "alias", "demonym", "capital", "generic"

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def normalize_name(name: str) -> str:
    """Fold a name for lookups: accents, case, apostrophes, hyphens and a leading 'the'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = text.lower().replace("’", "'")
    text = re.sub(r"^the\s+", "", text.strip())
    text = re.sub(r"['`.]", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@dataclass(frozen=True)
class Tenure:
    holder: str
    start: str | None
    end: str | None

    def covers(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start[: len(date)] <= date) and (
            self.end is None or date <= self.end
        )


@dataclass(frozen=True)
class Office:
    """An office ("Prime Minister of Iraq") whose holder leads or belongs to `body`."""

    id: str
    name: str
    country: str | None
    body: str
    relation: str
    titles: tuple[str, ...]
    tenures: tuple[Tenure, ...]

    def holder_on(self, date: str | None) -> str | None:
        """The holder on `date` (ISO, possibly only a year); the latest holder when undated."""
        if date is None:
            open_ended = [t for t in self.tenures if t.end is None]
            chosen = open_ended[-1] if open_ended else (self.tenures[-1] if self.tenures else None)
            return chosen.holder if chosen else None
        # On a handover day the incoming holder is the one the news is about.
        for tenure in reversed(self.tenures):
            if tenure.covers(date):
                return tenure.holder
        return None


@dataclass(frozen=True)
class SurfaceForm:
    """One way an actor is written, and how it names the actor."""

    text: str
    actor_id: str
    kind: str


class KnowledgeBase:
    """Actors by id, their surface forms, offices, and the names that are never actors."""

    def __init__(
        self,
        actors: dict[str, Actor],
        surface_forms: list[SurfaceForm],
        offices: dict[str, Office],
        non_actor_names: list[str],
    ) -> None:
        self.actors = actors
        self.surface_forms = surface_forms
        self.offices = offices
        self.non_actor_names = non_actor_names
        self.non_actors = {normalize_name(n) for n in non_actor_names}
        self._by_name: dict[str, list[str]] = {}
        for form in surface_forms:
            ids = self._by_name.setdefault(normalize_name(form.text), [])
            if form.actor_id not in ids:
                ids.append(form.actor_id)
        self._titles: dict[str, list[Office]] = {}
        for office in offices.values():
            for title in office.titles:
                self._titles.setdefault(normalize_name(title), []).append(office)

    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def get(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def find(self, name: str) -> list[Actor]:
        """Actors a name, id or alias stands for (exact after folding), most likely first."""
        if name in self.actors:
            return [self.actors[name]]
        return [self.actors[i] for i in self._by_name.get(normalize_name(name), [])]

    def parent_names(self, actor: Actor) -> list[str]:
        return [self.actors[p].name for p in actor.parents if p in self.actors]

    def ancestors(self, actor_id: str) -> list[str]:
        """The actor's id and every id above it through `parents`, nearest first."""
        seen: list[str] = []
        todo = [actor_id]
        while todo:
            current = todo.pop(0)
            if current in seen or current not in self.actors:
                continue
            seen.append(current)
            todo.extend(self.actors[current].parents)
        return seen

    def offices_titled(self, title: str) -> list[Office]:
        return self._titles.get(normalize_name(title), [])

    @property
    def titles(self) -> list[str]:
        return sorted({t for office in self.offices.values() for t in office.titles})

    def is_non_actor(self, name: str) -> bool:
        return normalize_name(name) in self.non_actors


def load_knowledge_base(extra_files: Iterable[str | Path] = ()) -> KnowledgeBase:
    """Load the bundled knowledge base, then each user file over it, and check the whole."""
    builder = _Builder()
    for name, text in data_files("kb", ".yaml"):
        builder.add_file(name, text)
    for path in extra_files:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeBaseError(f"{path}: cannot read knowledge-base file: {exc}") from exc
        builder.add_file(str(path), text)
    return builder.build()


class _Builder:
    """Collects raw entries from several files, with where each came from for error messages."""

    def __init__(self) -> None:
        self.actors: dict[str, dict[str, Any]] = {}
        self.origins: dict[str, str] = {}
        self.offices: dict[str, dict[str, Any]] = {}
        self.office_origins: dict[str, str] = {}
        self.non_actors: list[str] = []

    def add_file(self, name: str, text: str) -> None:
        try:
            loaded = yaml.load(text, Loader=_YAML_LOADER)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{name}:{mark.line + 1}" if mark else name
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise KnowledgeBaseError(f"{where}: not valid YAML: {problem}") from exc
        if loaded is None:
            return
        if not isinstance(loaded, dict):
            raise KnowledgeBaseError(
                f"{name}: expected a mapping with 'actors', 'states', 'offices' or 'non_actors'"
            )
        unknown = set(loaded) - {"actors", "states", "offices", "non_actors"}
        if unknown:
            raise KnowledgeBaseError(f"{name}: unknown section(s): {', '.join(sorted(unknown))}")
        for index, entry in _entries(name, loaded, "states"):
            self._add_actor(
                f"{name}: states[{index}]", _state_to_actor(f"{name}: states[{index}]", entry)
            )
        for index, entry in _entries(name, loaded, "actors"):
            self._add_actor(f"{name}: actors[{index}]", entry)
        for index, entry in _entries(name, loaded, "offices"):
            where = f"{name}: offices[{index}]"
            office_id = _required_str(where, entry, "id")
            merged = {**self.offices.get(office_id, {}), **entry}
            self.offices[office_id] = merged
            self.office_origins[office_id] = f"{where} (id {office_id!r})"
        non_actors = loaded.get("non_actors") or []
        if not isinstance(non_actors, list) or not all(isinstance(n, str) for n in non_actors):
            raise KnowledgeBaseError(f"{name}: 'non_actors' must be a list of names")
        self.non_actors.extend(n for n in non_actors if n not in self.non_actors)

    def _add_actor(self, where: str, entry: dict[str, Any]) -> None:
        actor_id = _required_str(where, entry, "id")
        merged = {**self.actors.get(actor_id, {}), **entry}
        self.actors[actor_id] = merged
        self.origins[actor_id] = f"{where} (id {actor_id!r})"

    def build(self) -> KnowledgeBase:
        actors: dict[str, Actor] = {}
        forms: list[SurfaceForm] = []
        for actor_id, entry in self.actors.items():
            where = self.origins[actor_id]
            actor, actor_forms = _make_actor(where, entry)
            actors[actor_id] = actor
            forms.extend(actor_forms)
        for actor in actors.values():
            for parent in actor.parents:
                if parent not in actors:
                    raise KnowledgeBaseError(f"{self.origins[actor.id]}: unknown parent {parent!r}")
            if actor.country is not None and actor.country not in actors:
                raise KnowledgeBaseError(
                    f"{self.origins[actor.id]}: unknown country {actor.country!r}"
                )
        offices = {
            office_id: _make_office(self.office_origins[office_id], entry, actors)
            for office_id, entry in self.offices.items()
        }
        return KnowledgeBase(actors, forms, offices, self.non_actors)


def _entries(
    name: str, loaded: dict[str, Any], section: str
) -> Iterator[tuple[int, dict[str, Any]]]:
    items = loaded.get(section) or []
    if not isinstance(items, list):
        raise KnowledgeBaseError(f"{name}: '{section}' must be a list")
    for index, entry in enumerate(items):
        if not isinstance(entry, dict):
            raise KnowledgeBaseError(
                f"{name}: {section}[{index}]: expected a mapping, got {entry!r}"
            )
        yield index, entry


def _required_str(where: str, entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        ident = entry.get("id")
        named = isinstance(ident, str) and key != "id" and "(id " not in where
        label = f"{where} (id {ident!r})" if named else where
        raise KnowledgeBaseError(f"{label}: missing or empty '{key}'")
    return value.strip()


def _str_list(where: str, entry: dict[str, Any], key: str) -> list[str]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeBaseError(f"{where}: '{key}' must be a list of non-empty strings")
    return [v.strip() for v in value]


def _state_to_actor(where: str, entry: dict[str, Any]) -> dict[str, Any]:
    known = {"id", "name", "demonyms", "capital", "aliases", "wikidata", "parents"}
    unknown = set(entry) - known
    if unknown:
        raise KnowledgeBaseError(f"{where}: unknown field(s): {', '.join(sorted(unknown))}")
    actor = {
        k: v for k, v in entry.items() if k in {"id", "name", "aliases", "wikidata", "parents"}
    }
    actor["type"] = "state"
    actor["demonyms"] = _str_list(where, entry, "demonyms")
    actor["capitals"] = _str_list(where, entry, "capital")
    return actor


_ACTOR_FIELDS = {
    "id",
    "name",
    "type",
    "aliases",
    "generic_aliases",
    "parents",
    "country",
    "wikidata",
    "description",
    "demonyms",
    "capitals",
}


def _make_actor(where: str, entry: dict[str, Any]) -> tuple[Actor, list[SurfaceForm]]:
    unknown = set(entry) - _ACTOR_FIELDS
    if unknown:
        raise KnowledgeBaseError(f"{where}: unknown field(s): {', '.join(sorted(unknown))}")
    actor_id = _required_str(where, entry, "id")
    name = _required_str(where, entry, "name")
    actor_type = _required_str(where, entry, "type")
    if actor_type not in ACTOR_TYPES:
        raise KnowledgeBaseError(
            f"{where}: type {actor_type!r} is not one of {', '.join(sorted(ACTOR_TYPES))}"
        )
    wikidata = entry.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and re.fullmatch(r"Q\d+", wikidata)):
        raise KnowledgeBaseError(f"{where}: wikidata must look like 'Q123', got {wikidata!r}")
    country = entry.get("country")
    if country is not None and not isinstance(country, str):
        raise KnowledgeBaseError(f"{where}: 'country' must be an actor id")
    aliases = _str_list(where, entry, "aliases")
    generic = _str_list(where, entry, "generic_aliases")
    demonyms = _str_list(where, entry, "demonyms")
    capitals = _str_list(where, entry, "capitals")
    forms = [SurfaceForm(name, actor_id, NAME)]
    forms += [SurfaceForm(a, actor_id, ALIAS) for a in aliases]
    forms += [SurfaceForm(a, actor_id, GENERIC) for a in generic]
    forms += [SurfaceForm(a, actor_id, DEMONYM) for a in demonyms]
    forms += [SurfaceForm(a, actor_id, CAPITAL) for a in capitals]
    actor = Actor(
        id=actor_id,
        name=name,
        type=actor_type,
        aliases=tuple(dict.fromkeys(aliases + demonyms + capitals)),
        parents=tuple(_str_list(where, entry, "parents")),
        country=country if country != actor_id else None,
        wikidata=wikidata,
        description=entry.get("description"),
    )
    return actor, forms


def _make_office(where: str, entry: dict[str, Any], actors: dict[str, Actor]) -> Office:
    office_id = _required_str(where, entry, "id")
    body = _required_str(where, entry, "body")
    if body not in actors:
        raise KnowledgeBaseError(f"{where}: unknown body {body!r}")
    relation = entry.get("relation", "leads")
    if relation not in {"leads", "part_of"}:
        raise KnowledgeBaseError(f"{where}: relation must be 'leads' or 'part_of'")
    country = entry.get("country")
    if country is not None and country not in actors:
        raise KnowledgeBaseError(f"{where}: unknown country {country!r}")
    tenures = []
    holders = entry.get("holders") or []
    if not isinstance(holders, list):
        raise KnowledgeBaseError(f"{where}: 'holders' must be a list of [actor, from, to]")
    for number, holder in enumerate(holders):
        if not (isinstance(holder, list) and 1 <= len(holder) <= 3):
            raise KnowledgeBaseError(f"{where}: holders[{number}] must be [actor, from, to]")
        actor_id, start, end = [*holder, None, None][:3]
        if actor_id not in actors:
            raise KnowledgeBaseError(f"{where}: holders[{number}]: unknown actor {actor_id!r}")
        start, end = (None if d is None else str(d) for d in (start, end))
        for value in (start, end):
            if value is not None and not _ISO_DATE.match(value):
                raise KnowledgeBaseError(
                    f"{where}: holders[{number}]: {value!r} is not an ISO date (YYYY-MM-DD)"
                )
        tenures.append(Tenure(actor_id, start, end))
    return Office(
        id=office_id,
        name=_required_str(where, entry, "name"),
        country=country,
        body=body,
        relation=relation,
        titles=tuple(_str_list(where, entry, "titles")),
        tenures=tuple(tenures),
    )


def provisional_actor(name: str, actor_type: str) -> Actor:
    """An actor found in text but not in the knowledge base, kept for review."""
    slug = re.sub(r"[^a-z0-9]+", "_", normalize_name(name)).strip("_") or "unnamed"
    return Actor(id=f"provisional:{slug}", name=name, type=actor_type, provisional=True)


try:  # libyaml's loader is several times faster than the pure-Python one
    _YAML_LOADER: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _YAML_LOADER = yaml.SafeLoader
