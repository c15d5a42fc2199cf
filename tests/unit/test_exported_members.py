"""`graphx.__all__` is the public API, exactly: every name in it exists, every public top-level
name is in it (as httpx pins its own), and every exception graphx raises is exported."""

from __future__ import annotations

import inspect
import types

import graphx
import graphx.errors


def _public_top_level_names() -> list[str]:
    # submodules (graphx.errors, graphx.store ...) are reached as modules, not re-exported
    return sorted(
        name
        for name in dir(graphx)
        if (not name.startswith("_") or name == "__version__")
        and not isinstance(getattr(graphx, name), types.ModuleType)
    )


def test_all_lists_every_public_name_and_nothing_else():
    assert graphx.__all__ == sorted(graphx.__all__)
    assert graphx.__all__ == _public_top_level_names()
    assert len(set(graphx.__all__)) == len(graphx.__all__)


def test_every_exported_name_exists_and_none_is_private():
    for name in graphx.__all__:
        assert getattr(graphx, name) is not None, name
    assert not [n for n in graphx.__all__ if n.startswith("_") and n != "__version__"]
    assert "Extractor" not in graphx.__all__ and "RowBuilder" not in graphx.__all__


def test_every_exception_is_exported_as_itself():
    exceptions = {
        name: value
        for name, value in vars(graphx.errors).items()
        if inspect.isclass(value) and issubclass(value, graphx.errors.GraphxError)
    }
    assert len(exceptions) >= 20 and "StoreReadOnly" in exceptions
    for name, value in exceptions.items():
        assert name in graphx.__all__ and getattr(graphx, name) is value, name


def test_records_and_selection_are_the_stages_own():
    from graphx.models import Actor, ActorMention, Document, RelationMention
    from graphx.serve.network import Selection

    assert (graphx.Actor, graphx.ActorMention) == (Actor, ActorMention)
    assert (graphx.Document, graphx.RelationMention) == (Document, RelationMention)
    assert graphx.Selection is Selection


def test_every_public_function_is_documented_and_the_version_is_a_string():
    functions = [
        getattr(graphx, n) for n in graphx.__all__ if inspect.isfunction(getattr(graphx, n))
    ]
    assert {f.__name__ for f in functions} == {
        "export",
        "extract",
        "load",
        "open_store",
        "read_documents",
        "read_network",
        "write_view",
    }
    assert all(f.__doc__ and len(f.__doc__) > 80 for f in functions)
    assert graphx.__doc__ and "graphx.extract(" in graphx.__doc__
    assert isinstance(graphx.__version__, str) and graphx.__version__[0].isdigit()


def test_an_unknown_attribute_is_an_attribute_error():
    try:
        graphx.no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("graphx.no_such_name did not raise")
