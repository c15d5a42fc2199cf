"""The `graphx` command line. Each command parses options, calls one library function and
renders its result; library errors become one-line messages and exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from graphx.errors import GraphxError

EXIT_INPUT_FAILED = 3
F = TypeVar("F", bound=Callable[..., Any])


def _friendly_errors(command: F) -> F:
    """Turn graphx errors into `Error: ...` and an exit code; tracebacks only with --debug."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        context = click.get_current_context()
        try:
            return command(*args, **kwargs)
        except GraphxError as exc:
            if context.obj and context.obj.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphx")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def main(context: click.Context, debug: bool) -> None:
    """graphx: turn conflict news into an actor-relationship graph."""
    context.obj = {"debug": debug}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write JSON Lines here instead of standard output.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes.",
)
@click.option(
    "--kb",
    "kb_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="An extra knowledge-base YAML file (repeatable); overrides bundled entries.",
)
@click.option(
    "--keep-negated",
    is_flag=True,
    help='Also write negated or speculative relations, marked "negated": true.',
)
@click.option(
    "--max-size",
    type=click.IntRange(1),
    default=5_000_000,
    show_default=True,
    help="Largest document accepted, in bytes.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on standard error.")
@_friendly_errors
def extract(
    paths: tuple[str, ...],
    output: str | None,
    jobs: int,
    kb_files: tuple[str, ...],
    keep_negated: bool,
    max_size: int,
    quiet: bool,
) -> None:
    """Extract actors and typed relations from PATHS (files, folders, .jsonl corpora, or -).

    Writes one JSON object per relation mention. Exit code 3 means some inputs could not be
    read (each is named on standard error); the others were still extracted.
    """
    from graphx.documents import read_inputs
    from graphx.extract import extract_stream
    from graphx.kb import load_knowledge_base

    load_knowledge_base(kb_files)  # fail on a malformed --kb before any work starts
    stream = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    documents = relations = failed = 0
    try:
        items = read_inputs(paths, max_bytes=max_size)
        for item in extract_stream(items, jobs=jobs, kb_files=kb_files, keep_negated=keep_negated):
            if isinstance(item, GraphxError):
                failed += 1
                click.echo(f"Error: {item}", err=True)
                continue
            documents += 1
            for record in item[1]:
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                relations += 1
            stream.flush()
    finally:
        if output:
            stream.close()
    if not quiet:
        click.echo(
            f"{relations} relations from {documents} documents"
            + (f"; {failed} input(s) failed" if failed else ""),
            err=True,
        )
    if failed:
        sys.exit(EXIT_INPUT_FAILED)
