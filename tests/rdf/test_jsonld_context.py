"""A ``.jsonld`` register never has its ``@context`` loaded from the network or the file system;
respchain's own context ships with the package and may be named instead of written inline."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib.compare import isomorphic
from respchain.graph.rdf import CONTEXT_IRI, NAMESPACES, graph_to_rdf, jsonld_context, write_rdf
from respchain.loaders import load_graph, load_register
from respchain.queries import find_gaps

from respchain.cli import main
from respchain.exceptions import RegisterError
from tests.rdf.rdf_support import DISTRICT


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every GET with respchain's context and records the request."""

    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        type(self).requests.append(self.path)
        body = json.dumps({"@context": jsonld_context()}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def context_server() -> Iterator[tuple[str, list[str]]]:
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/ctx", _Recorder.requests
    finally:
        server.shutdown()
        server.server_close()


def _register_with_context(tmp_path: Path, context: object, name: str = "register.jsonld") -> Path:
    """The district register as JSON-LD whose top ``@context`` is ``context``."""
    exported = write_rdf(load_graph(DISTRICT), tmp_path / "exported.jsonld")
    doc = json.loads(exported.read_text(encoding="utf-8"))
    doc["@context"] = context
    p = tmp_path / name
    p.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return p


def test_the_server_answers_when_asked(context_server):
    # the recording server works: a request to it is seen (so "no request" below means none was sent)
    import urllib.request

    url, requests = context_server
    with urllib.request.urlopen(url, timeout=10) as r:
        assert json.load(r)["@context"]["rc"] == str(NAMESPACES["rc"])
    assert requests == ["/ctx"]


def test_a_remote_context_is_refused_and_never_fetched(tmp_path, context_server, capsys):
    url, requests = context_server
    p = _register_with_context(tmp_path, url)
    with pytest.raises(RegisterError) as e:
        load_register(p)
    text = str(e.value)
    assert str(p) in text and url in text and "never loaded" in text
    assert main(["validate", str(p)]) == 2
    err = capsys.readouterr().err
    assert p.name in err and url in err and "Traceback" not in err
    assert requests == []


def test_a_file_context_is_refused_with_its_file_and_line(tmp_path, capsys):
    p = _register_with_context(tmp_path, "file:///etc/passwd")
    assert main(["validate", str(p)]) == 2
    err = capsys.readouterr().err
    assert p.name in err and "file:///etc/passwd" in err and "never loaded" in err
    assert "line 2" in err  # the @context is the document's first key
    assert "root:" not in err  # nothing of the file reached the message


def test_contexts_inside_the_document_and_imports_are_refused_too(tmp_path, context_server):
    url, requests = context_server
    p = _register_with_context(
        tmp_path,
        [
            jsonld_context(),
            {"@import": url + "/imported"},
            {"x": {"@id": "rc:x", "@context": url + "/scoped"}},
        ],
    )
    doc = json.loads(p.read_text(encoding="utf-8"))
    doc["@graph"][0]["@context"] = url + "/node"
    p.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(RegisterError) as e:
        load_register(p)
    text = str(e.value)
    for where in ("/imported", "/scoped", "/node"):
        assert url + where in text
    assert requests == []


def test_respchains_own_context_named_by_its_iri_reads_from_the_package(tmp_path, context_server):
    _url, requests = context_server
    p = _register_with_context(tmp_path, CONTEXT_IRI)
    G = load_graph(DISTRICT)
    G2 = load_graph(load_register(p))
    assert isomorphic(graph_to_rdf(G2), graph_to_rdf(G))
    assert find_gaps(G2) == find_gaps(G)
    assert requests == []


def test_the_shipped_context_declares_the_prefixes_respchain_writes():
    assert jsonld_context() == {prefix: str(ns) for prefix, ns in NAMESPACES.items()}


def test_exported_jsonld_carries_the_shipped_context_inline(tmp_path):
    p = write_rdf(load_graph(DISTRICT), tmp_path / "d.jsonld")
    assert json.loads(p.read_text(encoding="utf-8"))["@context"] == jsonld_context()


def test_jsonld_that_is_no_strict_json_is_refused_with_its_line(tmp_path):
    p = tmp_path / "dup.jsonld"
    p.write_text('{\n "@context": {},\n "@id": "a",\n "@id": "b"\n}\n', encoding="utf-8")
    with pytest.raises(RegisterError) as e:
        load_register(p)
    (problem,) = e.value.problems
    assert problem.file == str(p) and problem.line == 4 and "twice" in problem.message
    deep = tmp_path / "deep.jsonld"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    with pytest.raises(RegisterError) as e:
        load_register(deep)
    assert "nested" in str(e.value)
