"""push, pull, query, gaps --backend neo4j and explain, run in-process through respchain.cli.main."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from respchain.graph import read_graph
from respchain.loaders import load_graph

from respchain.cli import main
from tests.neo4j.neo4j_helpers import ROOT, same_graph

DISTRICT = ROOT / "tests" / "data" / "gaps" / "district" / "register.yaml"


@pytest.fixture()
def env(driver, monkeypatch):
    """The CLI reads the same server from the environment."""
    return driver


def test_push_pull_round_trip(env, tmp_path, capsys):
    assert main(["push", str(DISTRICT), "--replace"]) == 0
    assert "pushed to Neo4j" in capsys.readouterr().out
    out = tmp_path / "pulled.json"
    assert main(["pull", "-o", str(out)]) == 0
    same_graph(load_graph(DISTRICT), read_graph(out))


def test_gaps_backend_neo4j_equals_memory(env, capsys):
    assert main(["gaps", str(DISTRICT), "--format", "json"]) == 0
    memory = json.loads(capsys.readouterr().out)
    assert main(["gaps", str(DISTRICT), "--backend", "neo4j", "--push", "--format", "json"]) == 0
    cap = capsys.readouterr()
    neo = json.loads(cap.out)
    assert "replacing" in cap.err
    assert neo["findings"] == memory["findings"] and neo["findings"]
    # The graph now in Neo4j, without FILES; --fail-on works the same.
    assert main(["gaps", "--backend", "neo4j", "--format", "json", "--fail-on", "high"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"] == memory["findings"]


def test_gaps_backend_neo4j_files_without_push_replace_nothing(env, database, tmp_path, capsys):
    # What is in the database stays there: FILES without --push are refused, exit 2.
    assert main(["push", str(DISTRICT), "--replace"]) == 0
    capsys.readouterr()
    other = tmp_path / "other.yaml"
    other.write_text(
        "respchain: 1\norganizations:\n  - {id: solo, name: 独立党组, kind: party_group}\n", encoding="utf-8"
    )
    assert main(["gaps", str(other), "--backend", "neo4j"]) == 2
    err = capsys.readouterr().err
    assert "--push" in err and "Traceback" not in err
    ids = {
        r["id"]
        for r in env.execute_query("MATCH (o:Organization) RETURN o.id AS id", database_=database).records
    }
    assert "health-group" in ids and "solo" not in ids
    # --push without FILES, and the Neo4j options with the memory backend, are refused too.
    assert main(["gaps", "--backend", "neo4j", "--push"]) == 2
    assert "FILES" in capsys.readouterr().err
    for extra in (["--push"], ["--uri", "bolt://127.0.0.1:7687"]):
        assert main(["gaps", str(DISTRICT), *extra]) == 2
        assert "--backend neo4j" in capsys.readouterr().err


def test_gaps_uri_option_names_the_server(env, monkeypatch, capsys):
    # --uri is taken over NEO4J_URI, like push, pull and query; a password in it is never shown.
    uri = os.environ["NEO4J_URI"]
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    assert (
        main(["gaps", str(DISTRICT), "--backend", "neo4j", "--push", "--uri", uri, "--format", "json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["findings"]
    assert main(["gaps", "--backend", "neo4j", "--uri", "bolt://someone:s3cret-pw@127.0.0.1:9"]) == 2
    cap = capsys.readouterr()
    assert "s3cret-pw" not in cap.out + cap.err and "127.0.0.1:9" in cap.err


def test_gaps_help_says_what_push_replaces(capsys):
    assert main(["gaps", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "--push" in out and "replace the whole database content" in out and "--uri" in out


def test_gaps_backend_neo4j_on_an_empty_database_says_so(env, capsys):
    assert main(["gaps", "--backend", "neo4j"]) == 2
    assert "respchain push" in capsys.readouterr().err


def test_query_formats_and_parameters(env, capsys):
    main(["push", str(DISTRICT), "--replace"])
    capsys.readouterr()
    q = "MATCH (o:Organization {org_kind: $kind}) WHERE o.id IN $ids RETURN o.id AS id, o.name AS name ORDER BY id"
    args = [
        "query",
        q,
        "--param",
        "kind=party_group",
        "--param",
        'ids=["health-group", "transport-group", "x"]',
    ]
    assert main([*args, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"id": "health-group", "name": "示例区卫生健康局党组"},
        {"id": "transport-group", "name": "示例区交通运输局党组"},
    ]
    assert main([*args, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [
        ["id", "name"],
        ["health-group", "示例区卫生健康局党组"],
        ["transport-group", "示例区交通运输局党组"],
    ]
    assert main([*args]) == 0
    assert "示例区交通运输局党组" in capsys.readouterr().out


def test_query_is_read_only_unless_write(env, capsys):
    assert main(["query", "CREATE (:Organization {id: 'x'})"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main(["query", "RETURN 1 +", "--format", "json"]) == 2
    assert "SyntaxError" in capsys.readouterr().err


def test_unreachable_server_one_line_exit_2_password_never_shown(monkeypatch, capsys):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw-xyz")
    for args in (
        ["pull", "-o", "x.json"],
        ["query", "RETURN 1"],
        ["gaps", "--backend", "neo4j"],
        ["push", str(DISTRICT)],
    ):
        assert main(args) == 2
        cap = capsys.readouterr()
        text = cap.out + cap.err
        assert "s3cret-pw-xyz" not in text and "Traceback" not in text
        assert len(cap.err.strip().splitlines()) == 1
        assert "bolt://127.0.0.1:9" in cap.err


def test_bad_uri_is_one_line(monkeypatch, capsys):
    assert main(["pull", "-o", "x.json", "--uri", "nope://host"]) == 2
    err = capsys.readouterr().err
    assert "nope://host" in err and len(err.strip().splitlines()) == 1


def test_explain_shows_cypher_next_to_python(capsys):
    assert main(["explain", "ACC-001", "--no-example"]) == 0
    out = capsys.readouterr().out
    assert "def find_accountability_no_followup" in out
    assert "queries/cypher/ACC-001.cypher" in out and "MATCH (a:Event {event_kind: 'accountability'})" in out
