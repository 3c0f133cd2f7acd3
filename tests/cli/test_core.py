"""The core commands, run in-process through ``respchain.cli.main``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from respchain.graph import read_graph

from respchain.cli import main

ROOT = Path(__file__).resolve().parents[2]
FULL = ROOT / "tests" / "data" / "registers" / "full.yaml"


def test_validate_ok(capsys):
    assert main(["validate", str(FULL)]) == 0
    assert "有效 / valid" in capsys.readouterr().out


def test_validate_broken_register_prints_every_problem_and_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "respchain: 1\norganizations:\n  - {id: a, name: A, kind: bogus}\n  - {id: b, name: B, kind: unit, parent: zz}\n",
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "2 problem(s)" in err
    assert f"{bad}:3 organizations[0].kind" in err and f"{bad}:4 organizations[1].parent" in err
    assert "Traceback" not in err


def test_build_writes_json_and_graphml_and_nothing_on_error(tmp_path, capsys):
    out = tmp_path / "g.json"
    assert main(["build", str(FULL), "-o", str(out)]) == 0
    G = read_graph(out)
    assert G.nodes["city"]["name"] == "中共示例市委员会"
    assert main(["build", str(FULL), "-o", str(tmp_path / "g.graphml")]) == 0
    assert read_graph(tmp_path / "g.graphml").number_of_edges() == G.number_of_edges()
    bad = tmp_path / "bad.yaml"
    bad.write_text("respchain: 1\norganizations:\n  - {id: a, kind: unit}\n", encoding="utf-8")
    assert main(["build", str(bad), "-o", str(tmp_path / "never.json")]) == 2
    assert not (tmp_path / "never.json").exists()
    assert main(["build", str(FULL), "-o", str(tmp_path / "g.txt")]) == 2
    assert not list(tmp_path.glob("g.txt*"))


def test_stats_counts(capsys):
    assert main(["stats", str(FULL), "--format", "json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["by_kind"]["Organization"] == 7 and st["by_kind"]["Person"] == 4 and st["by_kind"]["Task"] == 2
    assert st["by_org_kind"]["party_group"] == 1
    # a main list counts as a declared main responsibility beside r1
    assert st["by_responsibility_type"] == {
        "first_responsible": 1,
        "functional_regulatory": 1,
        "main": 2,
        "one_post_two_duties": 1,
        "supervisory": 1,
    }
    assert st["people_per_org"]["civil-group"] == 2 and st["people_per_org"]["city"] == 2
    assert main(["stats", str(FULL)]) == 0
    out = capsys.readouterr().out
    assert "示例市民政局党组 (civil-group)" in out and "主体责任" in out
    # Chinese labels only: node kinds, organization kinds, responsibility types
    assert "任务" in out and "党组" in out
    for english in ("Organization", "Task", "party_group", "main", "supervisory"):
        assert english not in out, english
    assert main(["stats", str(FULL), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Task" in out and "Party group" in out and "Main responsibility" in out


def test_help_is_bilingual(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "退出码 / exit codes" in out and "validate" in out


def test_unknown_command_exits_2(capsys):
    assert main(["frobnicate"]) == 2


def test_console_script_and_module_both_work():
    r = subprocess.run(
        [sys.executable, "-m", "respchain", "validate", str(FULL)], capture_output=True, text=True
    )
    assert r.returncode == 0 and "valid" in r.stdout
    exe = Path(sys.executable).with_name("respchain")
    r = subprocess.run([str(exe), "validate", str(FULL)], capture_output=True, text=True)
    assert r.returncode == 0 and "valid" in r.stdout


@pytest.mark.parametrize("how", ["module", "script"])
def test_a_process_that_built_a_graph_ends_with_all_its_output_and_its_code(tmp_path, how):
    """The command ends without taking its graph apart; what it printed and wrote is complete,
    its exit code is the command's, and the exit handlers ran."""
    exe = (
        [sys.executable, "-m", "respchain"]
        if how == "module"
        else [str(Path(sys.executable).with_name("respchain"))]
    )
    seed = str(ROOT / "data" / "seed")
    out = tmp_path / "gaps.json"
    r = subprocess.run([*exe, "gaps", seed, "-o", str(out)], capture_output=True, text=True)
    assert r.returncode == 0 and "gaps.json" in r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]
    # the printed report is the one main() prints when it returns normally
    args = ["gaps", seed, "--format", "csv", "--fail-on", "low"]
    r = subprocess.run([*exe, *args], capture_output=True)
    normal = subprocess.run(
        [sys.executable, "-c", f"import sys; from respchain.cli import main; sys.exit(main({args!r}))"],
        capture_output=True,
    )
    assert r.returncode == normal.returncode == 1
    assert r.stdout == normal.stdout and r.stdout.count(b"\n") > 5
    handler = "import atexit, sys; atexit.register(lambda: print('handlers ran', file=sys.stderr))"
    again = str(tmp_path / "again.json")
    code = f"{handler}; from respchain.cli import console; sys.argv[1:] = ['gaps', {seed!r}, '-o', {again!r}]; console()"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0 and "handlers ran" in r.stderr and Path(again).exists()


def test_demo_writes_outputs_for_every_example(tmp_path, capsys):
    assert main(["demo", "-o", str(tmp_path)]) == 0
    for name in ("seed",):
        G = read_graph(tmp_path / name / "graph.json")
        assert G.number_of_nodes() > 50
        assert (
            json.loads((tmp_path / name / "stats.json").read_text(encoding="utf-8"))["nodes"]
            == G.number_of_nodes()
        )


def test_an_output_that_cannot_be_written_is_one_clear_line(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["build", str(FULL), "-o", str(blocker / "g.json")]) == 2
    err = capsys.readouterr().err
    assert "cannot read or write" in err and "Traceback" not in err
