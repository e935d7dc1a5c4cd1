"""The whole pipeline through the CLI, as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdb.cli import main
from conflictdb.cli.ingest import EXIT_REJECTED
from conflictdb.store import SQLiteStore
from tests.conftest import EXAMPLES


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_issue_2_seed_and_broken_file_give_one_document_one_reject(tmp_path: Path, seed_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary")
    db = str(tmp_path / "t.db")
    code, out = _invoke("ingest", str(seed_path), str(broken), "--db", db)
    assert code == EXIT_REJECTED
    assert "1 new documents" in out and "1 rejected" in out
    code, out = _invoke("ingest", str(seed_path), str(broken), "--db", db)
    assert "0 new documents, 0 new sources of known documents, 1 unchanged" in out
    with SQLiteStore(db) as store:
        counts = store.counts()
        assert (counts["documents"], counts["sources"], counts["rejects"]) == (1, 1, 1)
        assert store.rejects()[0].attempts == 2


def test_cli_rejects_lists_and_retry_reads_again(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Affrontements à Ségou.".encode("cp1252"))
    db = str(tmp_path / "t.db")
    assert _invoke("ingest", str(latin), "--db", db)[0] == EXIT_REJECTED
    code, out = _invoke("rejects", "--db", db)
    assert "DecodeError" in out and str(latin) in out
    code, out = _invoke("ingest", str(latin), "--db", db, "--encoding", "cp1252")
    assert code == 0 and "1 new documents" in out


def test_cli_error_is_one_line_with_hint(tmp_path: Path) -> None:
    bad = tmp_path / "not.db"
    bad.write_bytes(b"garbage" * 1000)
    result = CliRunner().invoke(main, ["rejects", "--db", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot open database") and "hint:" in result.output


@pytest.mark.slow
def test_pipeline_run_examples_end_to_end(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    code, out = _invoke("run", str(EXAMPLES), "--db", db)
    assert code == 0, out
    with SQLiteStore(db) as store:
        counts = store.counts()
        docs = list(store.documents())
    assert counts["documents"] == len(docs) >= 7
    assert counts["mentions"] >= counts["documents"] - 1
    assert 1 <= counts["incidents"] <= counts["mentions"]
    # running again finds nothing new to do, and changes nothing
    code, out = _invoke("run", str(EXAMPLES), "--db", db)
    assert code == 0 and "0 new documents" in out
    with SQLiteStore(db) as store:
        assert store.counts() == counts
