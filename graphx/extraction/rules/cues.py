"""The lexicon's verb cues as a sentence has them: with their particle ("kick out") and the
idiom's own object ("waged war on"). Shared by the verb rules and the event-noun rules."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.lexicon import VerbCue
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.syntax import cue_form, idiom_object


def verb_particles(r: Reader, verb: Token) -> set[str]:
    """The verb's particles, also one parsed as an adverb right after it ("pushed back
    against", "struck back at")."""
    return {
        c.lower_
        for c in verb.children
        if c.dep_ == "prt"
        or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in r.words["particles"])
    }


def matched_cues(r: Reader, verb: Token) -> Iterator[tuple[VerbCue, Token | None]]:
    """The lexicon's cues for `verb` whose particle and idiom object the sentence has, with
    the idiom's object ("war" in "waged war on")."""
    if verb.dep_ == "amod":
        return
    lemma = verb.lemma_.lower()
    if verb.dep_ == "acl" and lemma in r.words["blame_verbs"]:
        return  # "an attack blamed on X": X is the event's agent (the responsibility rule)
    particles = verb_particles(r, verb)
    for cue in r.lex.verbs.get(cue_form(verb, r.lex.verbs) or "", ()):
        if cue.particle is not None and cue.particle not in particles:
            continue
        own_object = idiom_object(verb, cue.objects) if cue.objects else None
        if cue.objects and own_object is None:
            continue  # "went to Baghdad with" is not "went to war with"
        if cue.relation == "demands_withdrawal" and not cue.objects:
            continue  # "expel US troops": the demands family reads removals
        yield cue, own_object
