"""The actor knowledge base: actors, their aliases and parents, and offices with dated holders.

The data lives in reviewed YAML files (`data/kb/*.yaml`); users add their own with `--kb FILE`.
A file may hold any of five sections:

    actors:      [{id, name, type, aliases, generic_aliases, parents, country, wikidata,
                   takes_over, collective}]  (collective: true for a described collective,
                   "Iran-backed militias", which "the group" never refers back to)
    states:      [{id, name, demonyms, capital, aliases, wikidata, takes_over}]
                 (become actors of type state)
    offices:     [{id, name, country, body, relation, titles, holders: [[actor, from, to]]}]
    places:      [{id, name, names, country, stands_for: [[actor, from, to]]}]
                 (a base or site that stands for the force it hosts when it is attacked or
                 threatened; see data/kb/places.yaml)
    non_actors:  [names that are never actors: publishers, places that stand for no one]

A user entry whose id already exists overrides the fields it gives; new ids are added. Inside
one file, and anywhere in the bundled data, an id is defined once. Parents must not loop.

Each name (after `normalize_name`) belongs to one actor. When several actors claim it, the
keeper is the one whose claim was loaded first (bundled files by name, then `--kb` files, then
`--kb-override` files), unless an actor takes the name over explicitly: by listing it in its
entry's `takes_over`, or by coming from a `--kb-override` file; the latest explicit claim wins.
The other actors lose the name (in `find` and in extraction alike) and a warning says so,
unless the explicit claim was made after theirs (a deliberate choice, kept quiet). Clashes only
between bundled entries are not warned about at run time; they are listed in
`KnowledgeBase.bundled_clashes`, which the tests keep empty.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graphx.errors import KnowledgeBaseError
from graphx.extraction.yaml_keys import FastUniqueKeyLoader
from graphx.models import Actor
from graphx.resources import data_files

ACTOR_TYPES: frozenset[str] = frozenset(
    {
        "state",
        "government_body",
        "legislature",
        "armed_group",
        "state_forces",  # a state's own armed or security forces: they roll up to the state
        "coalition",
        "political_bloc",
        "person",
        "organization",
        "population",
        "provisional",
    }
)

# Actor types that are organs of one state and count as it when counts roll up to states.
ROLLUP_TYPES: frozenset[str] = frozenset({"state_forces", "government_body"})

# How a surface form names its actor; the mention finder treats each kind differently.
NAME, ALIAS, DEMONYM, CAPITAL, GENERIC = "name", "alias", "demonym", "capital", "generic"
# The entry field each kind of surface form is written in, and how a message names the kind.
_FORM_FIELDS = {
    NAME: "name",
    ALIAS: "aliases",
    GENERIC: "generic_aliases",
    DEMONYM: "demonyms",
    CAPITAL: "capitals",
}
_KIND_WORDS = {
    NAME: ("name", "the name"),
    ALIAS: ("alias", "an alias"),
    GENERIC: ("generic alias", "a generic alias"),
    DEMONYM: ("demonym", "a demonym"),
    CAPITAL: ("capital", "the capital"),
}

# The relations in which a place stands for its occupant, as their target only: an attack on a
# base or a threat against it is one on the force it hosts. Not demands_withdrawal: in "pull the
# troops out of Ain al-Asad" the base is where a force leaves from (the force is named, or the
# demand is for a site's closure, not a force's departure); not supports, opposes, negotiates,
# part_of or leads, where a place is only where something happens ("talks at Erbil airport").
PLACE_RELATIONS: frozenset[str] = frozenset({"strikes", "threatens"})

# Where knowledge-base files come from, in load order.
BUNDLED, USER, OVERRIDE = "bundled", "user", "override"

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


_LEADING_THE = re.compile(r"^the\s+")
_DROPPED = re.compile(r"['`.]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def normalize_name(name: str) -> str:
    """Fold a name for lookups: accents, case, apostrophes, hyphens and a leading 'the'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = text.lower().replace("’", "'")
    text = _LEADING_THE.sub("", text.strip())
    text = _DROPPED.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


@dataclass(frozen=True)
class Tenure:
    holder: str
    start: str | None
    end: str | None

    def covers(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        # both ends compare at the coarser of the two precisions: a tenure ending "2015-06"
        # covers 2015-06-20, as one starting "2015-06" does
        return (self.start is None or self.start[: len(date)] <= date) and (
            self.end is None or date[: len(self.end)] <= self.end
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
class Place:
    """A base or site ("Ain al-Asad air base", "Tower 22") that stands for the force it hosts
    on a date: attacking it is attacking them. `tenures` name the occupant of each period; a
    place with none (a shipping lane) stands for no actor at all."""

    id: str
    name: str
    names: tuple[str, ...]
    country: str | None
    tenures: tuple[Tenure, ...]

    def occupant_on(self, date: str | None) -> str | None:
        """The actor the place stands for on `date` (ISO, possibly only a year); the current
        occupant when undated; None outside every tenure (no one held it then)."""
        if date is None:
            open_ended = [t for t in self.tenures if t.end is None]
            return open_ended[-1].holder if open_ended else None
        # On a handover day the incoming occupant is the one the news is about.
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
        warnings: list[str] | None = None,
        bundled_clashes: list[str] | None = None,
        places: dict[str, Place] | None = None,
        collectives: frozenset[str] = frozenset(),
    ) -> None:
        self.actors = actors
        # actors that are a collective the news describes ("Iran-backed militias"), not one
        # named group: "the group" never refers back to one
        self.collectives = collectives
        self.surface_forms = surface_forms
        self.offices = offices
        self.places: dict[str, Place] = dict(places or {})
        self.non_actor_names = non_actor_names
        # Name clashes a user file takes part in, one line each, for the CLI to print once.
        self.warnings: list[str] = list(warnings or [])
        # Undecided clashes between bundled entries only: a data defect the tests report.
        self.bundled_clashes: list[str] = list(bundled_clashes or [])
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
        self._places: dict[str, Place] = {
            normalize_name(name): place
            for place in self.places.values()
            for name in (place.name, *place.names)
        }

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

    def rollup(self, actor_id: str) -> str:
        """The state an actor stands for when organs of one state are counted as that state:
        the nearest state above it reached through the state's own forces and government
        bodies only ("US forces" -> US military -> Pentagon -> United States). Anything else
        (an armed group, a coalition, a legislature, a person, a provisional actor) stands for
        itself: a militia the state funds is not the state, and a parliament's vote is not the
        government's act."""
        current = actor_id
        seen = set()
        while current in self.actors and current not in seen:
            seen.add(current)
            actor = self.actors[current]
            if actor.type == "state":
                return current
            if actor.type not in ROLLUP_TYPES:
                break
            above = [p for p in actor.parents if p in self.actors]
            if not above:
                break
            # the state itself when it is a parent, else the first parent of a rolling type
            states = [p for p in above if self.actors[p].type == "state"]
            current = states[0] if states else above[0]
        return actor_id

    def offices_titled(self, title: str) -> list[Office]:
        return self._titles.get(normalize_name(title), [])

    @property
    def titles(self) -> list[str]:
        return sorted({t for office in self.offices.values() for t in office.titles})

    def is_non_actor(self, name: str) -> bool:
        return normalize_name(name) in self.non_actors

    @property
    def place_relations(self) -> frozenset[str]:
        """The relations a place may be the target of, standing for its occupant."""
        return PLACE_RELATIONS

    def place_named(self, name: str) -> Place | None:
        """The place a name stands for (exact after folding), if any."""
        return self._places.get(normalize_name(name))


def load_knowledge_base(
    extra_files: Iterable[str | Path] = (), override_files: Iterable[str | Path] = ()
) -> KnowledgeBase:
    """Load the bundled knowledge base, then each user file over it, then each override file
    (whose actors take over the names they share with others), and check the whole.

    Raises KnowledgeBaseError for a malformed file, a duplicate id or a parent cycle; name
    clashes end up in `warnings` (or `bundled_clashes`)."""
    return knowledge_base_from(read_knowledge_base_files(extra_files, override_files))


KnowledgeBaseSources = tuple[tuple[str, str, str], ...]


def read_knowledge_base_files(
    extra_files: Iterable[str | Path] = (), override_files: Iterable[str | Path] = ()
) -> KnowledgeBaseSources:
    """The user's knowledge-base files as (name, text, role), read once: plain data that
    travels to worker processes on other machines, where `knowledge_base_from` builds the
    same knowledge base without the files. Raises KnowledgeBaseError for an unreadable file."""
    sources: list[tuple[str, str, str]] = []
    for files, source in ((extra_files, USER), (override_files, OVERRIDE)):
        for path in files:
            path = Path(path)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise KnowledgeBaseError(f"{path}: cannot read knowledge-base file: {exc}") from exc
            sources.append((str(path), text, source))
    return tuple(sources)


def knowledge_base_from(user_sources: KnowledgeBaseSources = ()) -> KnowledgeBase:
    """The bundled knowledge base with the user's files (`read_knowledge_base_files`) over it."""
    bundled = [(name, text, BUNDLED) for name, text in data_files("kb", ".yaml")]
    return _build_cached((*bundled, *user_sources))


@lru_cache(maxsize=4)
def _build_cached(sources: tuple[tuple[str, str, str], ...]) -> KnowledgeBase:
    # Keyed on the files' text, so a changed file is loaded afresh. The CLI loads the knowledge
    # base to report its warnings before the library loads it again: the second load is free.
    builder = _Builder()
    for name, text, source in sources:
        builder.add_file(name, text, source)
    return builder.build()


@dataclass(frozen=True)
class _Origin:
    """Which file and entry set a field, and when: `position` grows with every entry read."""

    position: int
    file: str
    where: str
    source: str


class _Builder:
    """Collects raw entries from several files, with where each came from for error messages."""

    def __init__(self) -> None:
        self.actors: dict[str, dict[str, Any]] = {}
        self.origins: dict[str, _Origin] = {}
        # actor id -> field -> the entry that last set it (a user override sets only some)
        self.field_origins: dict[str, dict[str, _Origin]] = {}
        self.offices: dict[str, dict[str, Any]] = {}
        self.office_origins: dict[str, _Origin] = {}
        self.places: dict[str, dict[str, Any]] = {}
        self.place_origins: dict[str, _Origin] = {}
        self.non_actors: list[str] = []
        # folded non-actor name -> the file that listed it, for clashes with places
        self.non_actor_files: dict[str, str] = {}
        self._position = 0

    def _origin(self, name: str, where: str, source: str) -> _Origin:
        self._position += 1
        return _Origin(self._position, name, where, source)

    def add_file(self, name: str, text: str, source: str = BUNDLED) -> None:
        try:
            loaded = yaml.load(text, Loader=FastUniqueKeyLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{name}:{mark.line + 1}" if mark else name
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise KnowledgeBaseError(f"{where}: not valid YAML: {problem}") from exc
        if loaded is None:
            return
        if not isinstance(loaded, dict):
            raise KnowledgeBaseError(
                f"{name}: expected a mapping with 'actors', 'states', 'offices', 'places' or "
                "'non_actors'"
            )
        unknown = set(loaded) - {"actors", "states", "offices", "places", "non_actors"}
        if unknown:
            raise KnowledgeBaseError(f"{name}: unknown section(s): {', '.join(sorted(unknown))}")
        for index, entry in _entries(name, loaded, "states"):
            where = f"{name}: states[{index}]"
            self._add_actor(self._origin(name, where, source), _state_to_actor(where, entry))
        for index, entry in _entries(name, loaded, "actors"):
            self._add_actor(self._origin(name, f"{name}: actors[{index}]", source), entry)
        for index, entry in _entries(name, loaded, "offices"):
            where = f"{name}: offices[{index}]"
            office_id = _required_str(where, entry, "id")
            origin = self._origin(name, f"{where} (id {office_id!r})", source)
            _check_not_redefined(origin, office_id, self.office_origins.get(office_id))
            merged = {**self.offices.get(office_id, {}), **entry}
            self.offices[office_id] = merged
            self.office_origins[office_id] = origin
        for index, entry in _entries(name, loaded, "places"):
            where = f"{name}: places[{index}]"
            place_id = _required_str(where, entry, "id")
            origin = self._origin(name, f"{where} (id {place_id!r})", source)
            _check_not_redefined(origin, place_id, self.place_origins.get(place_id))
            self.places[place_id] = {**self.places.get(place_id, {}), **entry}
            self.place_origins[place_id] = origin
        non_actors = loaded.get("non_actors") or []
        if not isinstance(non_actors, list) or not all(isinstance(n, str) for n in non_actors):
            raise KnowledgeBaseError(f"{name}: 'non_actors' must be a list of names")
        self.non_actors.extend(n for n in non_actors if n not in self.non_actors)
        for listed in non_actors:
            self.non_actor_files.setdefault(normalize_name(listed), name)

    def _add_actor(self, origin: _Origin, entry: dict[str, Any]) -> None:
        actor_id = _required_str(origin.where, entry, "id")
        origin = replace(origin, where=f"{origin.where} (id {actor_id!r})")
        _check_not_redefined(origin, actor_id, self.origins.get(actor_id))
        merged = {**self.actors.get(actor_id, {}), **entry}
        self.actors[actor_id] = merged
        self.origins[actor_id] = origin
        fields = self.field_origins.setdefault(actor_id, {})
        for key in entry:
            fields[key] = origin

    def build(self) -> KnowledgeBase:
        actors: dict[str, Actor] = {}
        forms: list[SurfaceForm] = []
        for actor_id, entry in self.actors.items():
            where = self.origins[actor_id].where
            actor, actor_forms = _make_actor(where, entry)
            actors[actor_id] = actor
            forms.extend(actor_forms)
        for actor in actors.values():
            for parent in actor.parents:
                if parent not in actors:
                    raise KnowledgeBaseError(
                        f"{self._field_where(actor.id, 'parents')}: unknown parent {parent!r}"
                    )
            if actor.country is not None and actor.country not in actors:
                raise KnowledgeBaseError(
                    f"{self._field_where(actor.id, 'country')}: unknown country {actor.country!r}"
                )
        self._check_parent_cycles(actors)
        forms, warnings, bundled_clashes = self._settle_name_clashes(actors, forms)
        offices = {
            office_id: _make_office(self.office_origins[office_id].where, entry, actors)
            for office_id, entry in self.offices.items()
        }
        places = self._build_places(actors, forms)
        collectives = frozenset(
            actor_id for actor_id, entry in self.actors.items() if entry.get("collective") is True
        )
        return KnowledgeBase(
            actors, forms, offices, self.non_actors, warnings, bundled_clashes, places, collectives
        )

    def _build_places(self, actors: dict[str, Actor], forms: list[SurfaceForm]) -> dict[str, Place]:
        """Check and build the places: each name names one place, and is neither an actor's
        name nor a non-actor (a name is one thing: the place reading would never be seen)."""
        places: dict[str, Place] = {}
        named: dict[str, str] = {}
        actor_names = {normalize_name(f.text): f.actor_id for f in forms}
        for place_id, entry in self.places.items():
            where = self.place_origins[place_id].where
            place = _make_place(where, entry, actors)
            for text in (place.name, *place.names):
                folded = normalize_name(text)
                if folded in named and named[folded] != place_id:
                    raise KnowledgeBaseError(
                        f"{where}: name {text!r} is also a name of place {named[folded]!r}"
                    )
                if folded in actor_names:
                    raise KnowledgeBaseError(
                        f"{where}: name {text!r} is also a name of actor {actor_names[folded]!r}"
                    )
                if folded in self.non_actor_files:
                    raise KnowledgeBaseError(
                        f"{where}: name {text!r} is also listed in non_actors "
                        f"({self.non_actor_files[folded]})"
                    )
                named[folded] = place_id
            places[place_id] = place
        return places

    def _field_where(self, actor_id: str, key: str) -> str:
        origin = self.field_origins[actor_id].get(key) or self.origins[actor_id]
        return origin.where

    def _check_parent_cycles(self, actors: dict[str, Actor]) -> None:
        """Raise on the first parent cycle, named by the entry whose `parents` closed it (the
        one loaded last), in one depth-first pass over all actors."""
        done: set[str] = set()
        for root in actors:
            if root in done:
                continue
            path: list[str] = [root]
            on_path = {root: 0}
            pending = [iter(actors[root].parents)]
            while pending:
                parent = next(pending[-1], None)
                if parent is None:
                    finished = path.pop()
                    del on_path[finished]
                    done.add(finished)
                    pending.pop()
                elif parent in on_path:
                    self._raise_cycle(path[on_path[parent] :])
                elif parent not in done:
                    on_path[parent] = len(path)
                    path.append(parent)
                    pending.append(iter(actors[parent].parents))

    def _raise_cycle(self, cycle: list[str]) -> None:
        # cycle[i]'s parents hold cycle[i + 1], and the last one's hold cycle[0]
        def set_at(actor_id: str) -> int:
            return self.field_origins[actor_id]["parents"].position

        closer = max(range(len(cycle)), key=lambda i: set_at(cycle[i]))
        ordered = cycle[closer:] + cycle[:closer]
        chain = " -> ".join([*ordered, ordered[0]])
        raise KnowledgeBaseError(
            f"{self._field_where(ordered[0], 'parents')}: parent cycle {chain}"
        )

    def _settle_name_clashes(
        self, actors: dict[str, Actor], forms: list[SurfaceForm]
    ) -> tuple[list[SurfaceForm], list[str], list[str]]:
        """Give each name claimed by several actors to one keeper (see the module docstring);
        return the surface forms without the losers' ones, the warnings and bundled clashes."""
        names = [normalize_name(form.text) for form in forms]
        claims = self._explicit_claims(actors, forms, names)
        by_name: dict[str, list[tuple[SurfaceForm, _Origin]]] = {}
        for form, name in zip(forms, names, strict=True):
            origin = self.field_origins[form.actor_id][_FORM_FIELDS[form.kind]]
            by_name.setdefault(name, []).append((form, origin))
        lost: set[tuple[str, str]] = set()
        warnings: list[str] = []
        bundled_clashes: list[str] = []
        for name, claimed in by_name.items():
            first_form: dict[str, tuple[SurfaceForm, _Origin]] = {}
            earliest: dict[str, _Origin] = {}
            latest: dict[str, int] = {}
            for form, origin in claimed:
                first_form.setdefault(form.actor_id, (form, origin))
                if (
                    form.actor_id not in earliest
                    or origin.position < earliest[form.actor_id].position
                ):
                    earliest[form.actor_id] = origin
                latest[form.actor_id] = max(latest.get(form.actor_id, 0), origin.position)
                if origin.source == OVERRIDE:
                    earlier = claims.get((name, form.actor_id))
                    if earlier is None or earlier.position < origin.position:
                        claims[(name, form.actor_id)] = origin
            if len(first_form) < 2:
                continue
            ranks = {
                actor_id: _claim_rank(claims.get((name, actor_id)), first)
                for actor_id, first in earliest.items()
            }
            keeper = max(ranks, key=ranks.__getitem__)
            keeper_claim = claims.get((name, keeper))
            for loser, (form, origin) in first_form.items():
                if loser == keeper:
                    continue
                lost.add((name, loser))
                # Quiet when the keeper's takeover was made after (so knowing of) the loser's
                # claim, unless one file takes the same name over for two actors.
                loser_claim = claims.get((name, loser))
                chosen = (
                    keeper_claim is not None
                    and keeper_claim.position > latest[loser]
                    and (loser_claim is None or loser_claim.file != keeper_claim.file)
                )
                if chosen:
                    continue
                message = _clash_message(form, origin, *first_form[keeper])
                involved = (origin, first_form[keeper][1], keeper_claim)
                if any(o is not None and o.source != BUNDLED for o in involved):
                    warnings.append(message)
                else:
                    bundled_clashes.append(message)
        if not lost:
            return forms, warnings, bundled_clashes
        kept = [f for f, n in zip(forms, names, strict=True) if (n, f.actor_id) not in lost]
        for actor_id in {actor_id for _, actor_id in lost}:
            actor = actors[actor_id]
            aliases = tuple(a for a in actor.aliases if (normalize_name(a), actor_id) not in lost)
            actors[actor_id] = replace(actor, aliases=aliases)
        return kept, warnings, bundled_clashes

    def _explicit_claims(
        self, actors: dict[str, Actor], forms: list[SurfaceForm], names: list[str]
    ) -> dict[tuple[str, str], _Origin]:
        """(name, actor id) -> the entry whose `takes_over` gave the actor that name; `names`
        are the forms' folded texts."""
        claiming = [actor_id for actor_id, entry in self.actors.items() if "takes_over" in entry]
        if not claiming:
            return {}
        names_of: dict[str, set[str]] = {}
        for form, name in zip(forms, names, strict=True):
            names_of.setdefault(form.actor_id, set()).add(name)
        claims: dict[tuple[str, str], _Origin] = {}
        for actor_id in claiming:
            entry = self.actors[actor_id]
            origin = self.field_origins[actor_id]["takes_over"]
            for name in _str_list(origin.where, entry, "takes_over"):
                if normalize_name(name) not in names_of.get(actor_id, set()):
                    raise KnowledgeBaseError(
                        f"{origin.where}: takes_over {name!r} is not a name, alias, demonym or "
                        f"capital of {actors[actor_id].id!r}"
                    )
                claims[(normalize_name(name), actor_id)] = origin
        return claims


def _claim_rank(explicit: _Origin | None, first: _Origin) -> tuple[int, int]:
    """Order an actor's claim to a name: the latest explicit claim wins, else the first loaded."""
    if explicit is not None:
        return (1, explicit.position)
    return (0, -first.position)


def _check_not_redefined(origin: _Origin, ident: str, previous: _Origin | None) -> None:
    """An id is defined once per file and once in the bundled data; only a user file (`--kb`,
    `--kb-override`) may give an existing id again, to override its fields."""
    if previous is None:
        return
    if previous.file == origin.file:
        raise KnowledgeBaseError(
            f"{origin.where}: duplicate id {ident!r}, already defined at "
            f"{previous.where.removeprefix(previous.file + ': ')}"
        )
    if previous.source == BUNDLED and origin.source == BUNDLED:
        raise KnowledgeBaseError(
            f"{origin.where}: duplicate id {ident!r}, already defined in {previous.where}"
        )


def _clash_message(
    form: SurfaceForm, origin: _Origin, keeper_form: SurfaceForm, keeper_origin: _Origin
) -> str:
    kind = _KIND_WORDS[form.kind][0]
    keeper_kind = _KIND_WORDS[keeper_form.kind][1]
    spelled = "" if keeper_form.text == form.text else f" ({keeper_form.text!r})"
    listed = form.text if re.fullmatch(r"[\w .'-]+", form.text) else json.dumps(form.text)
    return (
        f"{origin.where}: {kind} {form.text!r} is also {keeper_kind}{spelled} of "
        f"{keeper_form.actor_id!r} ({keeper_origin.file}); {keeper_form.actor_id!r} keeps it "
        f"(use --kb-override or `takes_over: [{listed}]` in the entry to give it to "
        f"{form.actor_id!r})"
    )


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
    kept = {"id", "name", "aliases", "wikidata", "parents", "takes_over"}
    unknown = set(entry) - kept - {"demonyms", "capital"}
    if unknown:
        raise KnowledgeBaseError(f"{where}: unknown field(s): {', '.join(sorted(unknown))}")
    actor = {k: v for k, v in entry.items() if k in kept}
    actor["type"] = "state"
    # only the fields the entry gives: a state entry in a user file overrides just those
    if "demonyms" in entry:
        actor["demonyms"] = _str_list(where, entry, "demonyms")
    if "capital" in entry:
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
    "takes_over",
    "collective",
}


def _make_actor(where: str, entry: dict[str, Any]) -> tuple[Actor, list[SurfaceForm]]:
    unknown = set(entry) - _ACTOR_FIELDS
    if unknown:
        raise KnowledgeBaseError(f"{where}: unknown field(s): {', '.join(sorted(unknown))}")
    actor_id = _required_str(where, entry, "id")
    name = _required_str(where, entry, "name")
    actor_type = _required_str(where, entry, "type")
    if not isinstance(entry.get("collective", False), bool):
        raise KnowledgeBaseError(f"{where}: 'collective' must be true or false")
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


_PLACE_FIELDS = {"id", "name", "names", "country", "stands_for", "description"}


def _make_place(where: str, entry: dict[str, Any], actors: dict[str, Actor]) -> Place:
    unknown = set(entry) - _PLACE_FIELDS
    if unknown:
        raise KnowledgeBaseError(f"{where}: unknown field(s): {', '.join(sorted(unknown))}")
    place_id = _required_str(where, entry, "id")
    country = entry.get("country")
    if country is not None and country not in actors:
        raise KnowledgeBaseError(f"{where}: unknown country {country!r}")
    if "stands_for" not in entry:
        # an empty list is a decision ("shipping lanes stand for no one"); a missing one is not
        raise KnowledgeBaseError(f"{where}: missing 'stands_for' (use [] for no actor)")
    periods = entry.get("stands_for")
    if not isinstance(periods, list):
        raise KnowledgeBaseError(f"{where}: 'stands_for' must be a list of [actor, from, to]")
    tenures: list[Tenure] = []
    for number, period in enumerate(periods):
        if not (isinstance(period, list) and 1 <= len(period) <= 3):
            raise KnowledgeBaseError(f"{where}: stands_for[{number}] must be [actor, from, to]")
        actor_id, start, end = [*period, None, None][:3]
        if actor_id not in actors:
            raise KnowledgeBaseError(f"{where}: stands_for[{number}]: unknown actor {actor_id!r}")
        start, end = (None if d is None else str(d) for d in (start, end))
        for value in (start, end):
            if value is not None and not _ISO_DATE.match(value):
                raise KnowledgeBaseError(
                    f"{where}: stands_for[{number}]: {value!r} is not an ISO date (YYYY-MM-DD)"
                )
        if start is not None and end is not None and end < start[: len(end)]:
            raise KnowledgeBaseError(f"{where}: stands_for[{number}]: ends before it starts")
        if tenures and (tenures[-1].end is None or (start is not None and start < tenures[-1].end)):
            raise KnowledgeBaseError(
                f"{where}: stands_for[{number}]: overlaps the period before it (list periods "
                "in order, each ending before the next starts)"
            )
        tenures.append(Tenure(actor_id, start, end))
    return Place(
        id=place_id,
        name=_required_str(where, entry, "name"),
        names=tuple(_str_list(where, entry, "names")),
        country=country,
        tenures=tuple(tenures),
    )


def provisional_actor(name: str, actor_type: str) -> Actor:
    """An actor found in text but not in the knowledge base, kept for review."""
    slug = re.sub(r"[^a-z0-9]+", "_", normalize_name(name)).strip("_") or "unnamed"
    return Actor(id=f"provisional:{slug}", name=name, type=actor_type, provisional=True)
