"""The `conflictdb extract` command: batches and files in, one line per input record out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdb.cli import main

RECORDS = [
    {
        "key": "a1",
        "body": "On 3 June 2021, unidentified gunmen shot dead two traders in Mandera town.",
        "date": "2021-06-04",
    },
    {
        "key": "a2",
        "body": "On 3 June 2021, about 200 nurses marched to the ministry demanding unpaid salaries.",
        "date": "2021-06-04",
    },
    {"key": "a3", "body": "The weather was mild and the markets were open as usual.", "date": "2021-06-04"},
]


@pytest.mark.slow
def test_extract_cli_jsonl_one_line_per_record(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = [
        "extract",
        str(src),
        "--text-field",
        "body",
        "--id-field",
        "key",
        "--published-field",
        "date",
        "-o",
        str(out),
        "--no-geocode",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a1", "a2", "a3"]
    first = lines[0]["events"][0]
    assert (first["event_type"], first["sub_event_type"], first["fatalities"]) == (
        "Violence against civilians",
        "Attack",
        2,
    )
    assert first["event_date"] == "2021-06-03"
    assert first["evidence"]["event_type"] and first["evidence"]["fatalities"]
    assert {"inter1", "inter2", "interaction", "type_of_violence"} <= set(first)
    assert lines[1]["events"][0]["event_type"] == "Protests"
    assert lines[2]["events"] == []


@pytest.mark.slow
def test_extract_cli_text_file_and_table(tmp_path: Path) -> None:
    src = tmp_path / "report.txt"
    src.write_text(RECORDS[0]["body"], encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(src), "--format", "table", "--no-geocode"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.output.strip().splitlines()]
    assert rows[0][:4] == ["id", "index", "event_date", "event_type"]
    assert rows[1][3] == "Violence against civilians"


@pytest.mark.slow
def test_extract_cli_json_array(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "text": RECORDS[1]["body"]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(src), "--format", "json", "--no-geocode"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data[0]["id"] == "x" and data[0]["events"][0]["event_type"] == "Protests"
