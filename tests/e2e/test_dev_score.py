"""The development set (../shared/eval/dev: forty annotated news articles), scored with the
shared scorer in CI.

Issue 11's bar is precision >= 0.80 and recall >= 0.60, which extraction now meets; the floor
test keeps what has been reached beyond it: a change that loses dev precision or recall below
the floor fails CI."""

from __future__ import annotations

import pytest

from ..conftest import SHARED, run_graphx, shared_score

EVAL = SHARED / "eval"
DEV = EVAL / "dev"

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="../shared is not beside the checkout")

# what extraction reached when the floor was last raised (raise it with each gain)
FLOOR = {"precision": 0.93, "recall": 0.60}
BAR = {"precision": 0.80, "recall": 0.60}


@pytest.fixture(scope="module")
def dev_score(tmp_path_factory: pytest.TempPathFactory) -> dict:
    predictions = tmp_path_factory.mktemp("dev") / "dev.jsonl"
    run_graphx("extract", str(DEV / "docs"), "-q", "-o", str(predictions), timeout=600, check=True)
    result = shared_score(DEV / "gold.jsonl", DEV / "actors.json", predictions)
    print(f"dev: {result['overall']}")
    for relation, score in sorted(result["by_relation"].items()):
        print(f"  {relation}: {score}")
    return result


def test_dev_score_holds_its_floor(dev_score: dict):
    overall = dev_score["overall"]
    assert overall["precision"] >= FLOOR["precision"], overall
    assert overall["recall"] >= FLOOR["recall"], overall


def test_dev_score_meets_the_issue_bar(dev_score: dict):
    overall = dev_score["overall"]
    assert overall["precision"] >= BAR["precision"], overall
    assert overall["recall"] >= BAR["recall"], overall
