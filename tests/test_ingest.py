"""Ingest: every format, provenance, idempotent re-ingest, and bad input kept as rejects."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from conflictdb.ingest import Fields, Options, read, read_bytes, retry, store_items
from conflictdb.models import Document, sha256_hex
from conflictdb.store import SQLiteStore

REPORT = "Gunmen killed four farmers near the village of Koro on Monday, officials said."


def _ingest(store: SQLiteStore, *paths: Path | str, options: Options | None = None):
    return store_items(store, read([str(p) for p in paths], options=options))


def test_ingest_text_keeps_original_and_provenance(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" + REPORT + "\r\n").encode())
    report = _ingest(store, path)
    assert report.new_documents == 1
    (doc,) = store.documents()
    assert doc.text == REPORT
    assert doc.id == Document.make_id(REPORT)
    (source,) = doc.sources
    assert source.uri == str(path)
    assert source.sha256 == sha256_hex(path.read_bytes())
    assert store.original(source.sha256) == path.read_bytes()


def test_ingest_html_extracts_main_text_and_metadata(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Attack on Koro</title><meta name='author' content='Ann Writer'>"
        "<meta property='article:published_time' content='2024-02-05'></head><body>"
        "<nav>Home | World | Sport</nav><article><p>" + REPORT + " " + REPORT.replace("four", "five") + "</p></article>"
        "<footer>All rights reserved</footer></body></html>"
    )
    _ingest(store, path)
    (doc,) = store.documents()
    assert "Gunmen killed four farmers" in doc.text
    assert "All rights reserved" not in doc.text and "Sport" not in doc.text
    assert doc.title == "Attack on Koro"
    assert doc.author == "Ann Writer"
    assert doc.published == "2024-02-05"
    assert doc.media_type == "text/html"


def test_ingest_feed_one_document_per_entry(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>https://x.example/1</link><guid>g1</guid>
<pubDate>Mon, 05 Feb 2024 10:00:00 GMT</pubDate><description>First report of fighting in Gao.</description></item>
<item><title>Two</title><link>https://x.example/2</link><guid>g2</guid>
<description>&lt;p&gt;Second report, &lt;b&gt;with markup&lt;/b&gt;, of a protest in Dakar.&lt;/p&gt;
</description></item>
</channel></rss>"""
    )
    report = _ingest(store, path)
    assert report.new_documents == 2 and report.rejected == 0
    docs = {d.title: d for d in store.documents()}
    assert docs["One"].url == "https://x.example/1"
    assert docs["One"].published.startswith("2024-02-05")
    assert docs["One"].outlet == "Wire"
    assert docs["One"].sources[0].external_id == "g1"
    assert "<b>" not in docs["Two"].text and "with markup" in docs["Two"].text


def test_ingest_jsonl_fields_and_external_ids(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {"key": "r1", "body": REPORT, "day": "2024-01-02", "link": "https://n.example/1", "paper": "Daily"},
        {"key": "r2", "body": "Protesters blocked the main road in Kisumu.", "day": "2024-01-03"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    fields = Fields(text="body", id="key", published="day", url="link", title=None, source="paper")
    report = _ingest(store, path, options=Options(fields=fields))
    assert report.new_documents == 2
    first = next(d for d in store.documents() if d.external_id == "r1")
    assert first.published == "2024-01-02" and first.url == "https://n.example/1" and first.outlet == "Daily"
    assert first.sources[0].uri == f"{path}#L1"
    assert store.original(first.sources[0].sha256) == path.read_bytes().splitlines(keepends=True)[0]


def test_ingest_csv_with_quoted_newlines(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text('id,text\nc1,"Line one of a report.\nLine two of it."\nc2,Another report from Juba.\n')
    report = _ingest(store, path)
    assert report.new_documents == 2
    first = next(d for d in store.documents() if d.external_id == "c1")
    assert first.text == "Line one of a report.\nLine two of it."
    kept = store.original(first.sources[0].sha256)
    assert kept is not None and kept.startswith(b"id,text\n") and b"Juba" not in kept


def test_ingest_folder_recursive_and_stdin_bytes(store: SQLiteStore, tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "a.txt").write_text("Report A about Gao.")
    (tmp_path / "sub" / "deeper" / "b.txt").write_text("Report B about Kidal.")
    (tmp_path / "sub" / ".hidden").write_text("editor state")
    report = _ingest(store, tmp_path / "sub")
    assert report.new_documents == 2
    items = list(read_bytes(b"Report C from standard input.", uri="stdin"))
    assert items[0].document is not None and items[0].source.uri == "stdin"


def test_ingest_again_is_a_no_op(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(REPORT)
    assert _ingest(store, path).new_documents == 1
    again = _ingest(store, path)
    assert (again.new_documents, again.new_sources, again.unchanged) == (0, 0, 1)
    assert store.counts()["documents"] == 1 and store.counts()["sources"] == 1


def test_ingest_same_text_two_places_is_one_document_two_sources(store: SQLiteStore, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "b.txt").write_text(REPORT + "\n")
    report = _ingest(store, tmp_path / "a.txt", tmp_path / "b.txt")
    assert (report.new_documents, report.new_sources) == (1, 1)
    (doc,) = store.documents()
    assert sorted(s.uri for s in doc.sources) == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def _single_reject(store: SQLiteStore, path: Path | str, options: Options | None = None):
    report = _ingest(store, path, options=options)
    assert report.rejected == 1 and report.new_documents == 0
    (reject,) = store.rejects()
    return reject


def test_ingest_rejects_binary(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(gzip.compress(b"x" * 100) + b"\x00\x01")
    reject = _single_reject(store, path)
    assert reject.stage == "ingest" and "BinaryInput" in reject.reason
    assert store.original(reject.sha256) == path.read_bytes()


def test_ingest_rejects_empty(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n ")
    assert "EmptyInput" in _single_reject(store, path).reason


def test_ingest_rejects_undecodable_then_retry_with_encoding(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Attaque à Ségou: trois morts.".encode("cp1252"))
    reject = _single_reject(store, path)
    assert "DecodeError" in reject.reason
    path.unlink()  # the kept bytes, not the file, are what retry reads
    report = retry(store, options=Options(encoding="cp1252"))
    assert report.new_documents == 1 and store.rejects() == []
    (doc,) = store.documents()
    assert doc.text == "Attaque à Ségou: trois morts."
    assert doc.sources[0].uri == str(path)


def test_ingest_rejects_malformed_html(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><script>var x = 1;</script></div>")
    assert "MalformedInput" in _single_reject(store, path).reason


def test_ingest_rejects_malformed_feed(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<?xml version='1.0'?><rss><channel><title>x</title><item><title>unclosed")
    assert "MalformedInput" in _single_reject(store, path).reason


def test_ingest_bad_jsonl_line_never_stops_the_batch(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "1", "text": "Good line about Mopti."}\n{"id": "2", "text": \n{"id": "3", "txt": "x"}\n'
                    '{"id": "4", "text": "Another good line about Gao."}\n')
    report = _ingest(store, path)
    assert report.new_documents == 2 and report.rejected == 2
    reasons = sorted(r.uri.rsplit("#", 1)[1] + " " + r.reason.split(":")[0] for r in store.rejects())
    assert reasons == ["L2 MalformedInput", "L3 MalformedInput"]


def test_ingest_rejected_line_retried_with_other_field(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "1", "body": "Report kept under another field name, from Timbuktu."}\n')
    reject = _single_reject(store, path)
    assert reject.uri == f"{path}#L1"
    report = retry(store, options=Options(fields=Fields(text="body")))
    assert report.new_documents == 1
    (doc,) = store.documents()
    assert doc.external_id == "1" and doc.sources[0].uri == f"{path}#L1"


def test_ingest_bad_csv_row(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text("id,text\n1,Good row from Kidal.\n2,too,many,cells\n")
    report = _ingest(store, path)
    assert report.new_documents == 1 and report.rejected == 1
    assert "2 columns" in store.rejects()[0].reason


def test_ingest_rejects_too_large_then_retry_with_higher_limit(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(REPORT * 50)
    reject = _single_reject(store, path, options=Options(max_bytes=1000))
    assert "TooLarge" in reject.reason
    assert retry(store, options=Options(max_bytes=100_000)).new_documents == 1


def test_ingest_missing_path_is_a_reject(store: SQLiteStore, tmp_path: Path) -> None:
    reject = _single_reject(store, tmp_path / "nope.txt")
    assert "no such file" in reject.reason


def test_ingest_broken_link_in_a_folder_is_a_reject_not_skipped(store: SQLiteStore, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT)
    (folder / "b.txt").symlink_to(tmp_path / "gone.txt")
    report = store_items(store, read([str(folder)]))
    assert (report.new_documents, report.rejected) == (1, 1)
    reject = store.rejects()[0]
    assert reject.uri.endswith("b.txt") and "a link to a missing file" in reject.reason


def test_ingest_rejected_twice_counts_attempts(store: SQLiteStore, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("")
    _ingest(store, path)
    _ingest(store, path)
    (reject,) = store.rejects()
    assert reject.attempts == 2


def test_ingest_parallel_workers_give_the_same_items_in_order(tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"{i:02d}.html").write_text(f"<html><body><article><p>Report {i} about Gao and Kidal, "
                                                 f"where fighting was reported.</p></article></body></html>")
    (tmp_path / "batch.jsonl").write_text('{"id": "x", "text": "A batch line about Mopti."}\nnot json\n')
    serial = [(i.document.id if i.document else i.reject.id) for i in read([str(tmp_path)])]
    parallel = [(i.document.id if i.document else i.reject.id) for i in read([str(tmp_path)], workers=2)]
    assert parallel == serial and len(serial) == 42
