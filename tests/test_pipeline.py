"""The whole pipeline through the CLI, as a user runs it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdb.cli import main
from conflictdb.cli.ingest import EXIT_REJECTED
from conflictdb.link import link
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


def _incidents(db: str) -> set[tuple[str, tuple[str, ...]]]:
    with SQLiteStore(db) as store:
        return {(i.id, tuple(sorted(i.mention_ids))) for i in store.incidents()}


@pytest.mark.slow
def test_pipeline_reanalyse_replaces_stale_events_and_relinks(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    assert _invoke("run", str(EXAMPLES), "--db", db)[0] == 0
    before = _incidents(db)
    with SQLiteStore(db) as store:
        counts = store.counts()
        linked = next(i for i in store.incidents() if i.mention_ids)
        first = next(store.mentions(ids=linked.mention_ids[:1]))
        stale = first.document_id
        # as an older version would have left it: another event, under another id, linked
        old = dataclasses.replace(first, index=7, event_type="Battles", sub_event_type="Armed clash")
        store.save_extraction(stale, [], [old])
        store.delete_incidents([i.id for i in store.incidents()])
        link(store)
        assert old.id in {m for i in store.incidents() for m in i.mention_ids}
    code, out = _invoke("reanalyse", stale, "--db", db)
    assert code == 0, out
    assert "1 documents analysed again" in out
    with SQLiteStore(db) as store:
        assert store.counts() == counts
        assert {m for i in store.incidents() for m in i.mention_ids} <= {m.id for m in store.mentions()}
    assert _incidents(db) == before  # the old event is gone, and the incidents are as a fresh run makes them
    code, out = _invoke("reanalyse", "doc_nosuch", "--db", db)
    assert code == 1 and "no such document: doc_nosuch" in out


@pytest.mark.slow
def test_pipeline_reads_no_break_spaces_as_spaces_and_keeps_the_text() -> None:
    from conflictdb.models import Document
    from conflictdb.pipeline import analyze, document_stages

    plain = "In Rangpur, assailants hurled a petrol bomb at a bus on Monday, injuring ten passengers."
    odd = plain.replace("petrol bomb", "petrol\u00a0bomb").replace("ten passengers", "ten\u202fpassengers")
    docs = [Document(id=Document.make_id(t), text=t, sha256="", published="2021-05-04") for t in (plain, odd)]
    ours, theirs = list(analyze(docs, document_stages()))
    assert theirs.text == odd  # the original text is kept
    (a,), (b,) = ([m for m in d.mentions if not m.background][:1] for d in (ours, theirs))
    assert (b.event_type, b.sub_event_type, b.actor1, b.place) == (a.event_type, a.sub_event_type, a.actor1, a.place)
    assert [s.of(odd).replace("\u00a0", " ") for s in b.evidence["event_type"]] == [
        s.of(plain) for s in a.evidence["event_type"]
    ]
