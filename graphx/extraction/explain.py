"""Why a relation is, or is not, in the graph: one text read the way extraction reads it, with
the parse, the actor mentions found, each rule that fired with its triple, and each reading that
was refused and why (negated or speculative, wrong for the actors' types, the same actor at both
ends, an organ of a state acting on it, a better reading of the same triple).

    >>> print(explain("Iran-backed militias attacked US forces.").text())   # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from graphx.extraction.dates import DateIndex, clause_date
from graphx.extraction.documents import analysis_text, defuse_tokenizer_traps, set_off_datelines

if TYPE_CHECKING:
    from graphx.extraction.pipeline import Extractor


@dataclass(frozen=True)
class TokenRow:
    """One token of the parse: what the rules read."""

    index: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int


@dataclass(frozen=True)
class MentionRow:
    text: str
    actor_id: str
    actor_name: str
    actor_type: str
    via: str  # name | alias | demonym | capital | title | coref | provisional | generic
    sentence: int


@dataclass(frozen=True)
class Reading:
    """A triple a rule read, kept or refused."""

    source: str
    relation: str
    target: str
    rule: str
    sentence: int
    kept: bool
    reason: str = ""  # why it was refused, or a remark on a kept one
    confidence: float | None = None
    date: str | None = None
    claimed_by: str | None = None


@dataclass
class Explanation:
    """Everything extraction saw in a text."""

    text_: str
    date: str | None
    sentences: list[str] = field(default_factory=list)
    tokens: list[list[TokenRow]] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)

    def only(self, number: int) -> Explanation:
        """The report of sentence `number` (1-based) alone; an InputError if there is none."""
        from graphx.errors import InputError

        if not 1 <= number <= len(self.sentences):
            raise InputError(
                "--sentence", f"{number} is not a sentence of it (it has {len(self.sentences)})"
            )
        index = number - 1
        return Explanation(
            self.text_,
            self.date,
            [self.sentences[index]],
            [self.tokens[index]],
            [replace(m, sentence=0) for m in self.mentions if m.sentence == index],
            [replace(r, sentence=0) for r in self.readings if r.sentence == index],
        )

    @property
    def kept(self) -> list[Reading]:
        return [r for r in self.readings if r.kept]

    @property
    def refused(self) -> list[Reading]:
        return [r for r in self.readings if not r.kept]

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text_,
            "date": self.date,
            "sentences": self.sentences,
            "tokens": [[t.__dict__ for t in sentence] for sentence in self.tokens],
            "mentions": [m.__dict__ for m in self.mentions],
            "relations": [r.__dict__ for r in self.kept],
            "refused": [r.__dict__ for r in self.refused],
        }

    def text(self, parse: bool = True) -> str:
        """A plain-text report, one section per sentence."""
        lines: list[str] = []
        for number, sentence in enumerate(self.sentences):
            lines.append(f"sentence {number + 1}: {sentence}")
            if parse:
                lines.append("  parse:")
                for t in self.tokens[number]:
                    lines.append(
                        f"    {t.index:>3} {t.text:<18} {t.lemma:<16} {t.pos:<6} {t.dep:<10} "
                        f"-> {t.head}"
                    )
            mentions = [m for m in self.mentions if m.sentence == number]
            lines.append("  actors:" if mentions else "  actors: none found")
            for m in mentions:
                lines.append(
                    f"    {m.text!r} -> {m.actor_name} ({m.actor_id}, {m.actor_type}; {m.via})"
                )
            readings = [r for r in self.readings if r.sentence == number]
            if not readings:
                lines.append("  relations: no rule fired")
            for r in readings:
                triple = f"{r.source} --{r.relation}--> {r.target}  [{r.rule}]"
                if r.kept:
                    extra = f"  date {r.date or '-'}  confidence {r.confidence}"
                    if r.claimed_by:
                        extra += f"  claimed by {r.claimed_by}"
                    lines.append(f"  + {triple}{extra}")
                else:
                    lines.append(f"  - {triple}  refused: {r.reason}")
        return "\n".join(lines)


def explain(
    text: str,
    date: str | None = None,
    extractor: Extractor | None = None,
    sentence: int | None = None,
) -> Explanation:
    """Read `text` (dated `date`, an ISO date, when given) as extraction does and say what
    each step found; `sentence` (1-based) keeps only that sentence of the report. `extractor`
    reuses a loaded model and knowledge base."""
    from graphx.extraction.pipeline import Extractor
    from graphx.extraction.rules import Rejected, wrong_for_types

    extractor = extractor or Extractor()
    dates = DateIndex(text, date)
    # the text as extraction parses it: markup and datelines blanked, offsets kept
    parsed = extractor.nlp(defuse_tokenizer_traps(set_off_datelines(analysis_text(text))))
    found = extractor.mentions.find(parsed, dates.date_at)
    result = Explanation(text_=text, date=dates.document_date)
    numbers = {id(s): n for n, s in enumerate(found.sentences)}
    for sent in found.sentences:
        result.sentences.append(sent.text.strip())
        result.tokens.append(
            [
                TokenRow(t.i - sent.start, t.text, t.lemma_, t.pos_, t.dep_, t.head.i - sent.start)
                for t in sent
            ]
        )
    for mention in found.mentions:
        span = parsed[mention.start : mention.end]
        result.mentions.append(
            MentionRow(
                span.text,
                mention.actor.id,
                mention.actor.name,
                mention.actor.type,
                mention.kind,
                mention.sentence,
            )
        )
    for sent in found.sentences_to_read():
        number = numbers[id(sent)]
        trace: list[Rejected] = []
        for item in extractor.rules.relations(sent, found, trace=trace):
            in_force = dates.date_at(sent.start_char)
            stated = clause_date(item.cue, sent, in_force) or in_force
            reading = Reading(
                item.source.actor.name,
                item.relation,
                item.target.actor.name,
                item.rule,
                number,
                kept=not item.negated,
                reason="negated or speculative" if item.negated else "",
                confidence=item.confidence,
                date=stated,
                claimed_by=item.claimant.actor.name if item.claimant else None,
            )
            if reading.kept and wrong_for_types(
                extractor.lexicon,
                extractor.kb,
                item.relation,
                item.rule,
                item.source.actor,
                item.target.actor,
                stated,
            ):
                reading = replace(reading, kept=False, reason="wrong for the actors' types")
            result.readings.append(reading)
        for refused in trace:
            result.readings.append(
                Reading(
                    refused.source.actor.name,
                    refused.relation,
                    refused.target.actor.name,
                    refused.rule,
                    number,
                    kept=False,
                    reason=refused.reason,
                )
            )
    if sentence is not None:
        result = result.only(sentence)
    return result


def explain_input(
    text: str | None,
    doc_file: str | None,
    *,
    date: str | None = None,
    kb: Any = None,
    sentence: int | None = None,
) -> Explanation:
    """`explain` for the CLI: a sentence given as text, or a document file read as extraction
    reads it (dated by its metadata or dateline unless `date` says), optionally one sentence
    (1-based) of it. Exactly one of `text` and `doc_file`."""
    from graphx.errors import InputError, OptionError
    from graphx.extraction.documents import read_inputs
    from graphx.extraction.pipeline import Extractor

    if (text is None) == (doc_file is None):
        raise OptionError("give a SENTENCE or --doc FILE (one of them)")
    if doc_file is not None:
        [item] = list(read_inputs([doc_file]))
        if isinstance(item, InputError):
            raise item
        text, date = item.text, date or item.date
    elif sentence is not None:
        raise OptionError("--sentence goes with --doc")
    assert text is not None
    return explain(text, date, Extractor(kb=kb), sentence=sentence)
