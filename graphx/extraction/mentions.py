"""Finding actors in a parsed document: knowledge-base names, titles resolved by date,
provisional actors from named-entity recognition, and the document's coreference memory."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from graphx.extraction.kb import (
    ALIAS,
    CAPITAL,
    DEMONYM,
    GENERIC,
    NAME,
    KnowledgeBase,
    Office,
    Place,
    provisional_actor,
)
from graphx.extraction.names import is_abbreviation, surname_key, transliterations
from graphx.models import Actor, ActorMention

_GROUP_TYPES = frozenset(
    {
        "armed_group",
        "coalition",
        "political_bloc",
        "government_body",
        "legislature",
        "organization",
        "population",
    }
)
# How a mention names its actor beyond the knowledge base's own kinds: a place standing for
# the force it hosts on the document's date ("Ain al-Asad" -> the US military), which the
# rules take only as the target of an attack or a threat (Reader.rejection).
PLACE = "place"
# A short form the text itself defines after a name ("Kata'ib al-Imam Ali (KIA)"): every later
# "KIA" of the document is that actor, whatever the recogniser would have guessed.
ABBREVIATION = "abbreviation"
# A name the text gives after "known as" ("Ahmad al-Hamidawi, known as Abu Hussein"): the
# recogniser's guess for that name is the actor named before it, in the whole document.
KNOWN_AS = "known as"
# Kinds that name the actor itself (not a demonym, capital, title or description).
NAMING_KINDS = frozenset({NAME, ALIAS, ABBREVIATION, KNOWN_AS})
_KIND_RANK = {
    "@non": 0,
    NAME: 1,
    ALIAS: 1,
    "@place": 1,
    "@title": 2,
    GENERIC: 3,
    DEMONYM: 4,
    CAPITAL: 4,
}
_NER_TYPES = {"PERSON": "person", "ORG": "organization"}


@dataclass
class TokenMention:
    """A mention on the token level, before it is turned into a document-level ActorMention."""

    start: int
    end: int
    actor: Actor
    kind: str
    sentence: int
    office: Office | None = None
    place: Place | None = None  # with kind PLACE: the place whose occupant `actor` is


@dataclass
class TitleLink:
    """A title directly before a name ("Prime Minister Adel Abdul Mahdi")."""

    person: TokenMention
    office: Office
    title_start: int


@dataclass
class DocMentions:
    """All actor mentions in one parsed document, indexed by token."""

    doc: Doc
    mentions: list[TokenMention]
    by_token: dict[int, TokenMention]
    title_links: list[TitleLink]
    sentence_of: list[int] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    _by_sentence: dict[int, list[TokenMention]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def in_sentence(self, number: int) -> list[TokenMention]:
        """The mentions of sentence `number`, in order (grouped once per document)."""
        if self._by_sentence is None:
            self._by_sentence = {}
            for mention in self.mentions:
                self._by_sentence.setdefault(mention.sentence, []).append(mention)
        return self._by_sentence.get(number, [])

    def sentences_to_read(self, reach: int = 2) -> list[Span]:
        """The sentences with a mention, and the `reach` sentences after each: coreference
        ("The group claimed ...", "the two governments negotiated") reaches back that far."""
        numbers = {
            n
            for m in self.mentions
            for n in range(m.sentence, min(m.sentence + reach + 1, len(self.sentences)))
        }
        return [self.sentences[n] for n in sorted(numbers)]

    def at(self, token: Token) -> TokenMention | None:
        return self.by_token.get(token.i)


def _rank(actor_id: str, kind: str) -> int:
    """How strongly a match of one length claims its words (lower first)."""
    return _KIND_RANK["@place"] if actor_id == "@place" else _KIND_RANK.get(kind, 5)


def _case_sensitive(text: str) -> bool:
    """Acronyms and single capitalised words only match as written ("US" is not "us")."""
    if not any(c.islower() for c in text):
        return True
    return " " not in text and "-" not in text and text[:1].isupper()


def _variants(text: str) -> set[str]:
    out = {text, text.replace("’", "'"), text.replace("'", "’")}
    if text.lower().startswith("the "):
        out.add(text[4:])
    out |= transliterations(text)
    return out


class MentionFinder:
    """Finds actor mentions with phrase matchers built once from the knowledge base."""

    def __init__(self, nlp: Any, kb: KnowledgeBase, alias_verbs: Iterable[str] = ()) -> None:
        """`alias_verbs`: the participles that give another name of the actor before them
        ("known as", "nicknamed"), from the lexicon."""
        self.kb = kb
        self.alias_verbs = frozenset(alias_verbs)
        self._keys: dict[str, tuple[str, str]] = {}
        exact: dict[str, list[str]] = {}
        folded: dict[str, list[str]] = {}
        for form in kb.surface_forms:
            key = f"{form.actor_id}|{form.kind}"
            self._keys[key] = (form.actor_id, form.kind)
            for variant in _variants(form.text):
                if _case_sensitive(variant):
                    exact.setdefault(key, []).extend({variant, variant.upper()})
                else:
                    folded.setdefault(key, []).append(variant)
        for name in kb.non_actor_names:
            folded.setdefault("@non|", []).append(name)
        self._keys["@non|"] = ("@non", "@non")
        for place in kb.places.values():
            key = f"@place|{place.id}"
            self._keys[key] = ("@place", place.id)
            for name in (place.name, *place.names):
                for variant in _variants(name):
                    table = exact if _case_sensitive(variant) else folded
                    table.setdefault(key, []).extend(
                        {variant, variant.upper()} if table is exact else {variant}
                    )
        words: dict[str, set[str]] = {}
        for form in kb.surface_forms:
            name = form.text.lower().replace("-", " ")
            words.setdefault(form.actor_id, set()).update(name.split())
        self._name_words = {actor: frozenset(found) for actor, found in words.items()}
        # words of titles ("President", "Sheikh" when the base lists it), never a given name
        self._title_words = frozenset(w.lower() for t in kb.titles for w in t.split())
        for title in kb.titles:
            key = f"@title|{title.lower()}"
            self._keys[key] = ("@title", title.lower())
            (exact if _case_sensitive(title) and title.isupper() else folded).setdefault(
                key, []
            ).append(title)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for matcher, table in ((self.exact, exact), (self.folded, folded)):
            for key, phrases in table.items():
                matcher.add(key, list(nlp.tokenizer.pipe(sorted(set(phrases)))))
        self._strings = nlp.vocab.strings

    def find(self, doc: Doc, date_at: Any) -> DocMentions:
        """Mentions in `doc`; `date_at(char_offset)` gives the date used to resolve titles."""
        candidates = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                actor_id, kind = self._keys[self._strings[match_id]]
                candidates.append((start, end, actor_id, kind))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), _rank(c[2], c[3]), c[0]))
        taken: set[int] = set()
        chosen: list[tuple[int, int, str, str]] = []
        for start, end, actor_id, kind in candidates:
            if any(i in taken for i in range(start, end)):
                continue
            if kind == ALIAS and self._namesake(doc, start, end, actor_id):
                continue  # "Falih al-Khazali" is not Qais al-Khazali: left to the recogniser
            taken.update(range(start, end))
            chosen.append((start, end, actor_id, kind))
        chosen.sort()
        sentences = list(doc.sents)  # spaCy rebuilds doc.sents on every access: once is enough
        sentence_of = _sentence_index(len(doc), sentences)
        mentions: list[TokenMention] = []
        titles: list[tuple[int, int, str]] = []
        for start, end, actor_id, kind in chosen:
            if actor_id == "@non" or _dateline(doc, start, end):
                continue
            if kind == CAPITAL and _inside_another_name(doc, start, end):
                continue  # "the carrier Fly Baghdad", "Radio Tehran": a name, not the government
            if actor_id == "@title":
                titles.append((start, end, kind))
                continue
            if actor_id == "@place":
                # the place's name is taken either way: no recogniser guess ("Tower 22" is no
                # organisation) even when no one held the place on that date
                place = self.kb.places[kind]
                if not place.tenures and _inside_longer_entity(doc, start, end):
                    # a town inside a name the recogniser found ("the Anbar Salvation
                    # Council") is part of that name
                    taken.difference_update(range(start, end))
                    continue
                occupant = place.occupant_on(date_at(doc[start].idx))
                if occupant is not None:
                    mentions.append(
                        TokenMention(
                            start,
                            end,
                            self.kb.get(occupant),
                            PLACE,
                            sentence_of[start],
                            place=place,
                        )
                    )
                continue
            mentions.append(
                TokenMention(start, end, self.kb.get(actor_id), kind, sentence_of[start])
            )
        mentions.sort(key=lambda m: m.start)
        mentions.extend(self._abbreviated(doc, mentions, taken, sentence_of))
        mentions.extend(self._provisional(doc, taken, sentence_of))
        mentions.sort(key=lambda m: m.start)
        mentions = _with_provisional_abbreviations(doc, mentions, sentence_of)
        mentions = self._with_names_given(doc, mentions)
        mentions = _with_namesakes_followed(doc, mentions)
        mentions = _with_bare_heads_followed(doc, mentions)
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        links: list[TitleLink] = []
        state_counts = Counter(
            m.actor.id if m.actor.type == "state" else m.actor.country
            for m in mentions
            # a title's country is read from the actors named, not from the sites attacked
            if not m.actor.provisional and m.kind != PLACE
        )
        for start, end, title in titles:
            self._resolve_title(
                doc,
                start,
                end,
                title,
                by_token,
                mentions,
                links,
                state_counts,
                date_at,
                sentence_of,
            )
        mentions.sort(key=lambda m: m.start)
        return DocMentions(doc, mentions, by_token, links, sentence_of, sentences)

    def _namesake(self, doc: Doc, start: int, end: int, actor_id: str) -> bool:
        """A person's short name ("al-Khazali", "Assad") inside a longer personal name the
        recogniser found, with another given name before it ("Laith al-Khazali", "Maher
        al-Assad"): a relative or a namesake, not the person the short name stands for."""
        if start == 0 or actor_id.startswith("@") or self.kb.get(actor_id).type != "person":
            return False
        if doc[start].ent_type_ != "PERSON" or doc[start].ent_iob_ != "I":
            return False
        first = start
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        own = self._name_words.get(actor_id, frozenset())
        return any(
            word.pos_ == "PROPN"
            and word.is_title
            and word.lower_ not in self._title_words
            and word.lower_ not in own  # "Ali Sistani" is Ali al-Sistani
            for word in doc[first:start]
        )

    def _abbreviated(
        self, doc: Doc, mentions: list[TokenMention], taken: set[int], sentence_of: list[int]
    ) -> list[TokenMention]:
        """The document's own abbreviations of known actors: "Harakat Ansar Allah al-Awfiya
        (HAAA) ... HAAA claimed the attack" (`taken` gains their tokens)."""
        found = _abbreviation_mentions(
            doc, _abbreviations_defined(doc, mentions), taken, sentence_of
        )
        taken.update(m.start for m in found)
        return found

    def _with_names_given(self, doc: Doc, mentions: list[TokenMention]) -> list[TokenMention]:
        """ "Ahmad al-Hamidawi, known as Abu Hussein, said ... Abu Hussein added": the
        recogniser's provisional actor for the name given is the actor named before it."""
        if not self.alias_verbs:
            return mentions
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        given: dict[str, Actor] = {}
        for mention in mentions:
            if mention.kind not in NAMING_KINDS:
                continue
            root = doc[mention.start : mention.end].root
            # "Kataib Hezbollah's leader, Ahmad al-Hamidawi, known as Abu Hussein": the
            # participle hangs on the description the name is in apposition to
            heads = [root, root.head] if root.dep_ == "appos" else [root]
            for clause in (c for head in heads for c in head.children):
                if clause.dep_ != "acl" or clause.lemma_.lower() not in self.alias_verbs:
                    continue
                for name in (
                    t
                    for c in clause.children
                    for t in ([c] if c.dep_ in {"oprd", "dobj", "attr"} else c.children)
                    if t.dep_ in {"pobj", "oprd", "dobj", "attr"}
                ):
                    other = by_token.get(name.i)
                    if other is not None and other.kind == "provisional":
                        given.setdefault(doc[other.start : other.end].text, mention.actor)
        if not given:
            return mentions
        return [
            replace(m, actor=given[doc[m.start : m.end].text], kind=KNOWN_AS)
            if m.kind == "provisional" and doc[m.start : m.end].text in given
            else m
            for m in mentions
        ]

    def _provisional(self, doc: Doc, taken: set[int], sentence_of: list[int]) -> list[TokenMention]:
        found = []
        surnames: dict[str, Actor] = {}
        for ent in doc.ents:
            actor_type = _NER_TYPES.get(ent.label_)
            if actor_type is None or any(i in taken for i in range(ent.start, ent.end)):
                continue
            span = _strip_determiner(ent)
            text = span.text.strip()
            if (
                len(span) == 0
                or not any(c.isupper() for c in text)
                or len(text) < 3
                or self.kb.is_non_actor(text)
                or "\n" in text
            ):
                continue
            last = span[-1].text
            # "Thabet al-Abbasi said ... al-Abbasi added": the family name alone, with or
            # without its article, is the person named in full before
            alone = surname_key(text)
            if alone is not None and alone in surnames:
                actor = surnames[alone]
            elif len(span) == 1 and not (text.isupper() and len(text) >= 2):
                continue
            else:
                actor = provisional_actor(text, actor_type)
                if actor_type == "person" and len(span) > 1:
                    key = surname_key(last)
                    if key is not None:
                        surnames.setdefault(key, actor)
            found.append(
                TokenMention(span.start, span.end, actor, "provisional", sentence_of[span.start])
            )
        return found

    def _resolve_title(
        self,
        doc: Doc,
        start: int,
        end: int,
        title: str,
        by_token: dict[int, TokenMention],
        mentions: list[TokenMention],
        links: list[TitleLink],
        state_counts: Counter[str | None],
        date_at: Any,
        sentence_of: list[int],
    ) -> None:
        offices = self.kb.offices_titled(title)
        if not offices:
            return
        following = by_token.get(end) if end < len(doc) else None
        if following is None and end + 1 < len(doc) and doc[end].text == ",":
            following = by_token.get(end + 1)  # "Iran's foreign minister, Javad Zarif,"
        if following is not None and following.actor.type == "person":
            if _past_office(doc, start):
                return  # "former Prime Minister Nouri al-Maliki" holds the office no more
            office = _office_for_person(offices, following.actor) or _office_by_country(
                offices, _modifier_country(doc, start, by_token), state_counts
            )
            if office is not None:
                links.append(TitleLink(following, office, start))
            return
        if end < len(doc) and doc[end].ent_type_ == "PERSON":
            return  # a title before a name we do not know: the name is the actor, not the office
        if start > 0 and doc[start - 1].lower_ in {"a", "an", "former", "ex", "as"}:
            return  # "a prime minister", "chose X as prime minister": no one in particular
        office = _office_by_country(offices, _modifier_country(doc, start, by_token), state_counts)
        if office is None:
            return
        holder = office.holder_on(date_at(doc[start].idx))
        if holder is None:
            return
        mention = TokenMention(start, end, self.kb.get(holder), "title", sentence_of[start], office)
        mentions.append(mention)
        for i in range(start, end):
            by_token[i] = mention


_DASHES = frozenset({"—", "–", "-", "--"})
_PAST_OFFICE = frozenset({"former", "ex", "erstwhile", "onetime", "one-time"})


def _abbreviations_defined(doc: Doc, mentions: Iterable[TokenMention]) -> dict[str, Actor]:
    """ABBR -> actor for each "NAME (ABBR)" in `doc`, NAME a mention naming its actor; the
    first definition holds."""
    defined: dict[str, Actor] = {}
    for mention in mentions:
        if mention.kind not in NAMING_KINDS and mention.kind != "provisional":
            continue
        after = mention.end
        if (
            after + 2 < len(doc)
            and doc[after].text == "("
            and doc[after + 2].text == ")"
            and is_abbreviation(doc[after + 1].text)
        ):
            defined.setdefault(doc[after + 1].text, mention.actor)
    return defined


def _with_provisional_abbreviations(
    doc: Doc, mentions: list[TokenMention], sentence_of: list[int]
) -> list[TokenMention]:
    """ "Saraya Awliya al-Dam (SAD)", a group the knowledge base does not know: the
    recogniser's separate guesses for "SAD" become the one provisional actor the text
    defines, and so does any "SAD" it did not recognise."""
    defined = {
        abbreviation: actor
        for abbreviation, actor in _abbreviations_defined(doc, mentions).items()
        if actor.provisional
    }
    if not defined:
        return mentions
    kept = [
        m
        for m in mentions
        if not (m.kind == "provisional" and m.end - m.start == 1 and doc[m.start].text in defined)
    ]
    occupied = {i for m in kept for i in range(m.start, m.end)}
    kept += _abbreviation_mentions(doc, defined, occupied, sentence_of)
    kept.sort(key=lambda m: m.start)
    return kept


def _abbreviation_mentions(
    doc: Doc, defined: dict[str, Actor], occupied: set[int], sentence_of: list[int]
) -> list[TokenMention]:
    """A mention of its actor at every free token that is one of the `defined` abbreviations."""
    return [
        TokenMention(token.i, token.i + 1, defined[token.text], ABBREVIATION, sentence_of[token.i])
        for token in doc
        if token.text in defined and token.i not in occupied
    ]


def _past_office(doc: Doc, start: int) -> bool:
    """ "former Prime Minister", "ex-President": the title is one its holder no longer has."""
    index = start - 1
    if index >= 0 and doc[index].text in _DASHES:
        index -= 1
    return index >= 0 and doc[index].lower_ in _PAST_OFFICE


def _with_namesakes_followed(doc: Doc, mentions: list[TokenMention]) -> list[TokenMention]:
    """ "Mahdi al-Ameri, a lawmaker, said ... al-Ameri added": once a document names a person
    the knowledge base does not know, a later family name alone is that person, not the
    known person the base lists the family name for (Hadi al-Amiri), unless the document
    named the known one in full before."""
    named: dict[str, TokenMention] = {}
    known: set[str] = set()  # known persons the document named in full first
    out = []
    for mention in mentions:
        text = doc[mention.start : mention.end].text
        if mention.actor.type == "person" and mention.kind == NAME:
            known.add(mention.actor.id)
        if mention.kind == "provisional" and mention.actor.type == "person":
            words = text.split()
            key = surname_key(words[-1]) if len(words) > 1 else None
            if key is not None:
                named.setdefault(key, mention)
        elif mention.kind == ALIAS and mention.actor.type == "person":
            key = surname_key(text)
            earlier = named.get(key) if key is not None else None
            if earlier is not None and mention.actor.id not in known:
                mention = replace(mention, actor=earlier.actor, kind="provisional")
        out.append(mention)
    return out


def _with_bare_heads_followed(doc: Doc, mentions: list[TokenMention]) -> list[TokenMention]:
    """ "The Saudi-led coalition struck Houthi positions, coalition spokesman Turki al-Maliki
    said": a bare common word the knowledge base gives one actor ("coalition", the US-led one)
    is the actor of that type the document last named in full with that word as its head."""
    out: list[TokenMention] = []
    for mention in mentions:
        words = [t for t in doc[mention.start : mention.end] if t.lower_ != "the"]
        if (
            mention.kind in {ALIAS, GENERIC}
            and len(words) == 1
            and words[0].text.islower()
            and not mention.actor.provisional
        ):
            named = next(
                (
                    m
                    for m in reversed(out)
                    if m.kind in NAMING_KINDS
                    and m.end - m.start > 1
                    and m.actor.type == mention.actor.type
                    and m.actor.id != mention.actor.id
                    and doc[m.end - 1].lower_ == words[0].lower_
                ),
                None,
            )
            if named is not None:
                mention = replace(mention, actor=named.actor)
        out.append(mention)
    return out


def _inside_longer_entity(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] lies inside a longer PERSON or ORG entity of the recogniser."""
    for ent in doc.ents:
        if ent.start <= start and end <= ent.end and ent.label_ in _NER_TYPES:
            return end - start < ent.end - ent.start
        if ent.start >= end:
            return False
    return False


def _inside_another_name(doc: Doc, start: int, end: int) -> bool:
    """The span ends a longer proper name whose other words are not ours ("Fly Baghdad")."""
    before = doc[start - 1] if start > 0 else None
    return (
        before is not None
        and before.pos_ == "PROPN"
        and before.dep_ in {"compound", "flat"}
        and start <= before.head.i < end
    )


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """ "BAGHDAD —" opening a story names where it was filed, not an actor."""
    at_line_start = start == 0 or "\n" in doc[start - 1].whitespace_ or "\n" in doc[start - 1].text
    shouted = all(not c.isalpha() or c.isupper() for c in doc[start:end].text)
    return at_line_start and shouted and end < len(doc) and doc[end].text in _DASHES


def _strip_determiner(ent: Span) -> Span:
    start = ent.start
    while start < ent.end and ent.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    end = ent.end
    while end > start and ent.doc[end - 1].is_punct:
        end -= 1
    return ent.doc[start:end]


def _sentence_index(length: int, sentences: list[Span]) -> list[int]:
    index = [0] * length
    for number, sent in enumerate(sentences):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def _modifier_country(doc: Doc, start: int, by_token: dict[int, TokenMention]) -> str | None:
    """The state named just before a title: "Iraq's prime minister", "the Iraqi premier"."""
    for i in range(start - 1, max(start - 4, -1), -1):
        mention = by_token.get(i)
        if mention is not None:
            actor = mention.actor
            return actor.id if actor.type == "state" else actor.country
        if doc[i].lower_ not in {"'s", "’s", "the", "new", "former", "then", "acting", "interim"}:
            break
    return None


def _office_for_person(offices: Iterable[Office], person: Actor) -> Office | None:
    for office in offices:
        if any(t.holder == person.id for t in office.tenures):
            return office
    for office in offices:
        if office.country is not None and office.country == person.country:
            return office
    return None


def _office_by_country(
    offices: list[Office], country: str | None, state_counts: Counter[str | None]
) -> Office | None:
    if country is not None:
        matching = [o for o in offices if o.country == country]
        return matching[0] if matching else None
    if len(offices) == 1:
        return offices[0]
    ranked = sorted(offices, key=lambda o: -state_counts.get(o.country, 0))
    return ranked[0] if state_counts.get(ranked[0].country, 0) else None


def group_types() -> frozenset[str]:
    return _GROUP_TYPES


def to_actor_mention(mention: TokenMention, doc: Doc, offset: int) -> ActorMention:
    span = doc[mention.start : mention.end]
    return ActorMention(
        actor=mention.actor,
        start=offset + span.start_char,
        end=offset + span.end_char,
        text=span.text,
        via=mention.kind,
    )
