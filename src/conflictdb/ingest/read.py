"""Reading inputs: files, folders, URLs and standard input become Documents with provenance.

Reads: text, HTML (trafilatura), RSS/Atom feeds (feedparser), JSONL and CSV batches, folders.
Writes: one `Item` per document or per bad input. A bad input becomes a `Reject` that keeps its
bytes, the stage and the reason, so `retry` can read it again; nothing is dropped silently.
Everything streams: a batch file is read record by record, never whole.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import os
import sys
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from conflictdb.errors import BinaryInput, DecodeError, EmptyInput, InputError, MalformedInput, TooLarge
from conflictdb.models import Document, Reject, Source, content_id, sha256_hex

MAX_BYTES = 10 * 1024 * 1024
# Past this a reject keeps only its path: storing the bytes would be the problem it reports.
KEEP_BYTES = 100 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}

MEDIA_TYPES = {
    "text": "text/plain",
    "html": "text/html",
    "feed": "application/rss+xml",
    "jsonl": "application/jsonl",
    "csv": "text/csv",
}


@dataclass(frozen=True, slots=True)
class Fields:
    """Which record fields of a JSONL or CSV batch hold what."""

    text: str = "text"
    id: str | None = "id"
    published: str | None = "published"
    url: str | None = "url"
    title: str | None = "title"
    source: str | None = "source"


@dataclass(frozen=True, slots=True)
class Options:
    fields: Fields = field(default_factory=Fields)
    max_bytes: int = MAX_BYTES
    encoding: str | None = None  # when the input is not UTF-8

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Options:
        return cls(Fields(**data.get("fields", {})), data.get("max_bytes", MAX_BYTES), data.get("encoding"))


@dataclass(frozen=True, slots=True)
class Item:
    """One result of reading: a document with its source, or a reject. `original` is the input's bytes."""

    original: bytes
    document: Document | None = None
    source: Source | None = None
    reject: Reject | None = None


def read(paths: Iterable[str], *, options: Options | None = None, workers: int = 1) -> Iterator[Item]:
    """Read every input: file paths, folders (recursively), http(s) URLs, and "-" for standard input.

    With `workers` > 1, single-document files are parsed in that many processes (HTML extraction
    is the slow part); batch files stream in this process, record by record. Order is kept.
    """
    options = options or Options()
    if workers <= 1:
        for job in _jobs(paths):
            yield from _run_job(job, options)
        return
    import multiprocessing

    with multiprocessing.Pool(workers) as pool:
        tasks = ((chunk, options) for chunk in _chunks(_jobs(paths), 32))
        for results in pool.imap(_run_parallel, tasks):
            for job, items in results:
                yield from items if items is not None else _run_job(job, options)


_Job = tuple[str, str]  # (kind of input, where): ("file", path), ("url", url), ("stdin", "-"), ("missing", path)


def _jobs(paths: Iterable[str]) -> Iterator[_Job]:
    for raw in paths:
        if raw == "-":
            yield "stdin", raw
        elif raw.startswith(("http://", "https://")):
            yield "url", raw
        else:
            path = Path(raw).absolute()  # provenance names the file unambiguously
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if not p.name.startswith(".")):
                    if child.is_file():
                        yield "file", str(child)
                    elif child.is_symlink() and not child.exists():
                        yield "missing", str(child)  # a broken link is reported, never skipped
            elif path.is_file():
                yield "file", str(path)
            else:
                yield "missing", str(path)


def _run_job(job: _Job, options: Options) -> Iterator[Item]:
    kind, where = job
    if kind == "stdin":
        yield from read_bytes(sys.stdin.buffer.read(), uri="stdin", options=options)
    elif kind == "url":
        yield from _read_url(where, options)
    elif kind == "file":
        yield from _read_file(Path(where), options)
    else:
        link = Path(where)
        reason = f"a link to a missing file: {os.readlink(link)}" if link.is_symlink() else "no such file or folder"
        yield _reject(where, None, InputError(reason, uri=where), options)


def _run_parallel(args: tuple[list[_Job], Options]) -> list[tuple[_Job, list[Item] | None]]:
    """In a worker: parse single-document files; leave batches and standard input (None) to the parent."""
    jobs, options = args
    out: list[tuple[_Job, list[Item] | None]] = []
    for job in jobs:
        single = job[0] == "file" and _kind_from_suffix(Path(job[1])) not in ("jsonl", "csv")
        out.append((job, list(_run_job(job, options)) if single else None))
    return out


def _chunks(jobs: Iterable[_Job], size: int) -> Iterator[list[_Job]]:
    chunk: list[_Job] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def read_bytes(data: bytes, *, uri: str, kind: str | None = None, options: Options | None = None) -> Iterator[Item]:
    """Read one input held in memory; `kind` (text, html, feed, jsonl, csv) is sniffed when not given."""
    options = options or Options()
    try:
        _check_size(len(data), uri, options)
        kind = kind or _sniff(data, uri)
        if kind in ("jsonl", "csv"):
            yield from _read_batch(io.BytesIO(data), uri=uri, kind=kind, options=options)
            return
        if kind == "feed":
            yield from _read_feed(data, uri=uri, options=options)
            return
        document = _html_document(data, uri) if kind == "html" else _text_document(data, uri, options)
        yield _item(document, data, uri, MEDIA_TYPES[kind])
    except InputError as exc:
        yield _reject(uri, data, exc, options)


def _read_file(path: Path, options: Options) -> Iterator[Item]:
    uri = str(path)
    size = path.stat().st_size
    if size > options.max_bytes:
        kept = path.read_bytes() if size <= KEEP_BYTES else None
        exc = TooLarge(f"{size:,} bytes is over the limit of {options.max_bytes:,}", uri=uri, hint="--max-bytes")
        yield _reject(uri, kept, exc, options)
        return
    kind = _kind_from_suffix(path)
    if kind in ("jsonl", "csv"):
        with path.open("rb") as fh:
            yield from _read_batch(fh, uri=uri, kind=kind, options=options)
        return
    yield from read_bytes(path.read_bytes(), uri=uri, kind=kind, options=options)


def _read_url(url: str, options: Options) -> Iterator[Item]:
    request = urllib.request.Request(url, headers={"User-Agent": "conflictdb"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - http(s) only, checked above
            data = response.read(options.max_bytes + 1)
            content_type = response.headers.get_content_type()
    except OSError as exc:
        yield _reject(url, None, InputError(f"cannot fetch: {exc}", uri=url, stage="fetch"), options)
        return
    kind = None
    if "html" in content_type:
        kind = "html"
    elif "xml" in content_type or "rss" in content_type or "atom" in content_type:
        kind = "feed"
    yield from read_bytes(data, uri=url, kind=kind, options=options)


# formats ---------------------------------------------------------------------------------------


def _kind_from_suffix(path: Path) -> str | None:
    suffix = path.suffix.lower()
    for kind, suffixes in (
        ("html", HTML_SUFFIXES),
        ("feed", FEED_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
        ("csv", CSV_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    return None  # sniff the content


def _sniff(data: bytes, uri: str) -> str:
    _check_binary(data, uri)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf" in head) else "html"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _check_size(size: int, uri: str, options: Options) -> None:
    if size > options.max_bytes:
        raise TooLarge(f"{size:,} bytes is over the limit of {options.max_bytes:,}", uri=uri, hint="--max-bytes")


def _check_binary(data: bytes, uri: str) -> None:
    sample = data[:8192]
    if b"\x00" in sample or sample.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise BinaryInput("binary content, not text", uri=uri, hint="convert it to text or HTML first")


def _decode(data: bytes, uri: str, options: Options) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if options.encoding:
            try:
                return data.decode(options.encoding)
            except (UnicodeDecodeError, LookupError) as exc2:
                raise DecodeError(f"not {options.encoding}: {exc2}", uri=uri, hint="--encoding") from exc2
        raise DecodeError(f"not UTF-8 ({exc.reason} at byte {exc.start})", uri=uri, hint="--encoding") from exc


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text


def _text_document(data: bytes, uri: str, options: Options, **meta: Any) -> Document:
    _check_binary(data, uri)
    text = _clean(_decode(data, uri, options))
    if not text:
        raise EmptyInput("no text", uri=uri)
    return _document(text, sha256_hex(data), "text/plain", **meta)


def _html_document(data: bytes, uri: str, **meta: Any) -> Document:
    import trafilatura

    _check_binary(data, uri)
    if not data.strip():
        raise EmptyInput("empty HTML", uri=uri)
    try:
        extracted = trafilatura.bare_extraction(data, url=meta.get("url"), fast=True, with_metadata=True)
    except (ValueError, TypeError) as exc:
        raise MalformedInput(f"unreadable HTML: {exc}", uri=uri) from exc
    text = _clean(extracted.text or "") if isinstance(extracted, trafilatura.settings.Document) else ""
    if not text or not isinstance(extracted, trafilatura.settings.Document):
        raise MalformedInput("no main text found in the HTML", uri=uri, hint="is it a real article page?")
    return _document(
        text,
        sha256_hex(data),
        "text/html",
        title=meta.get("title") or extracted.title,
        author=meta.get("author") or extracted.author,
        published=meta.get("published") or extracted.date,
        url=meta.get("url") or extracted.url,
        outlet=meta.get("outlet") or extracted.sitename,
        language=extracted.language,
        external_id=meta.get("external_id"),
    )


def _read_feed(data: bytes, *, uri: str, options: Options) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"not a readable feed: {parsed.get('bozo_exception', 'no entries')}"
        yield _reject(uri, data, MalformedInput(reason, uri=uri), options)
        return
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries):
        entry_uri = entry.get("link") or f"{uri}#entry={n}"
        content = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        meta = {
            "title": entry.get("title"),
            "url": entry.get("link"),
            "author": entry.get("author"),
            "published": _feed_date(entry),
            "outlet": outlet,
            "external_id": entry.get("id"),
        }
        body = content.encode("utf-8")
        try:
            if not content.strip():
                broken = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
                raise MalformedInput(f"feed entry {n} has no text{broken}", uri=entry_uri)
            if "<" in content:
                wrapped = b"<html><body><article>" + body + b"</article></body></html>"
                document = _html_document(wrapped, entry_uri, **meta)
            else:
                document = _text_document(body, entry_uri, options, **meta)
        except InputError as exc:
            yield _reject(entry_uri, data, exc, options, kind="feed")
            continue
        # The feed's bytes are the original that this entry can be re-derived from.
        document = _with_sha(document, sha256_hex(data))
        yield _item(document, data, entry_uri, "application/rss+xml", external_id=entry.get("id"), outlet=outlet)


def _feed_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), UTC).isoformat()
    return None


def _read_batch(fh: BinaryIO, *, uri: str, kind: str, options: Options) -> Iterator[Item]:
    records = _jsonl_records(fh, uri) if kind == "jsonl" else _csv_records(fh, uri, options)
    any_record = False
    for line_uri, raw, record in records:
        any_record = True
        if isinstance(record, InputError):
            yield _reject(line_uri, raw, record, options, kind=kind)
            continue
        try:
            yield _record_item(record, raw, line_uri, kind, options)
        except InputError as exc:
            yield _reject(line_uri, raw, exc, options, kind=kind)
    if not any_record:
        yield _reject(uri, b"", EmptyInput(f"no records in the {kind} file", uri=uri), options, kind=kind)


_Record = tuple[str, bytes, Mapping[str, Any] | InputError]  # (uri, original bytes, record or why not)


def _jsonl_records(fh: BinaryIO, uri: str) -> Iterator[_Record]:
    for n, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        line_uri = f"{uri}#L{n}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield line_uri, line, MalformedInput(f"bad JSON: {exc}", uri=line_uri)
            continue
        if not isinstance(record, dict):
            yield line_uri, line, MalformedInput("a JSONL line must be an object", uri=line_uri)
            continue
        yield line_uri, line, record


def _csv_records(fh: BinaryIO, uri: str, options: Options) -> Iterator[_Record]:
    text = io.TextIOWrapper(fh, encoding=options.encoding or "utf-8-sig", errors="strict", newline="")
    try:
        yield from _csv_rows(text, uri)
    finally:
        text.detach()  # the caller owns and closes the file


def _csv_rows(text: io.TextIOWrapper, uri: str) -> Iterator[_Record]:
    consumed: list[str] = []

    def lines() -> Iterator[str]:
        for line in text:
            consumed.append(line)
            yield line

    delimiter = "\t" if uri.lower().endswith(".tsv") else ","
    reader = csv.reader(lines(), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except (UnicodeDecodeError, csv.Error) as exc:
        yield f"{uri}#row=0", b"", DecodeError(f"unreadable CSV header: {exc}", uri=uri, hint="--encoding")
        return
    header_line = "".join(consumed)
    row_number = 0
    while True:
        consumed.clear()
        row_number += 1
        row_uri = f"{uri}#row={row_number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except (UnicodeDecodeError, csv.Error) as exc:
            raw = "".join(consumed).encode("utf-8", "surrogateescape")
            yield row_uri, raw, MalformedInput(f"unreadable CSV row: {exc}", uri=row_uri)
            if isinstance(exc, UnicodeDecodeError):
                return  # the decoder cannot resync; the rest of the file is one reject
            continue
        # The header and the row's own lines: enough to re-read this row alone.
        raw = (header_line + "".join(consumed)).encode("utf-8")
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield row_uri, raw, MalformedInput(f"{len(row)} cells for {len(header)} columns", uri=row_uri)
            continue
        yield row_uri, raw, dict(zip(header, row, strict=True))


def _record_item(record: Mapping[str, Any], raw: bytes, uri: str, kind: str, options: Options) -> Item:
    f = options.fields

    def get(name: str | None) -> str | None:
        value = record.get(name) if name else None
        return str(value).strip() or None if value is not None else None

    text = record.get(f.text)
    if not isinstance(text, str):
        available = ", ".join(sorted(record)[:12])
        raise MalformedInput(f"no text in field {f.text!r} (fields: {available})", uri=uri, hint="--text-field")
    meta = {
        "external_id": get(f.id),
        "published": get(f.published),
        "url": get(f.url),
        "title": get(f.title),
        "outlet": get(f.source),
    }
    text_bytes = text.encode("utf-8")
    looks_html = "<" in text and _sniff(text_bytes, uri) == "html"
    if looks_html:
        document = _html_document(text_bytes, uri, **meta)
    else:
        document = _text_document(text_bytes, uri, options, **meta)
    document = _with_sha(document, sha256_hex(raw))
    return _item(document, raw, uri, MEDIA_TYPES[kind], external_id=meta["external_id"], outlet=meta["outlet"])


# results ---------------------------------------------------------------------------------------


def _document(text: str, sha: str, media_type: str, **meta: Any) -> Document:
    return Document(id=Document.make_id(text), text=text, sha256=sha, media_type=media_type, **meta)


def _with_sha(document: Document, sha: str) -> Document:
    return replace(document, sha256=sha)


def _item(document: Document, original: bytes, uri: str, media_type: str, **source: Any) -> Item:
    src = Source(
        uri=uri,
        retrieved=datetime.now(UTC).isoformat(timespec="seconds"),
        sha256=document.sha256,
        media_type=media_type,
        external_id=source.get("external_id", document.external_id),
        outlet=source.get("outlet", document.outlet),
    )
    return Item(original=original, document=document, source=src)


def _reject(uri: str, data: bytes | None, exc: InputError, options: Options, *, kind: str | None = None) -> Item:
    sha = sha256_hex(data) if data is not None else None
    reason = f"{type(exc).__name__}: {exc}"
    opts = {**options.to_dict(), "kind": kind}
    return Item(
        original=data or b"",
        reject=Reject(
            id=content_id("rej", exc.stage, uri, sha or ""),
            uri=uri,
            stage=exc.stage,
            reason=reason,
            sha256=sha,
            created=datetime.now(UTC).isoformat(timespec="seconds"),
            options=opts,
        ),
    )
