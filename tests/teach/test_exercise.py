"""Exercises: reproducible from their seed, solvable with the engine, explained when answers miss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from respchain.loaders import load_graph
from respchain.queries import CATALOG, find_gaps
from respchain.queries.catalog import TIME_RULES
from respchain.queries.obligations import default_obligations

from respchain.cli import main
from respchain.exceptions import InputError
from respchain.teach import check_answers, format_check, make_exercise, new_exercise, read_answers


def _files(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


@pytest.mark.parametrize("level", [1, 2, 3])
def test_same_level_and_seed_give_identical_files(tmp_path, level):
    a = new_exercise(level, "s42", tmp_path / "a")
    new_exercise(level, "s42", tmp_path / "b")
    assert [p.name for p in a] == ["register.yaml", "answers.json", "README.md"]
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    other = new_exercise(level, "s43", tmp_path / "c")
    assert _files(tmp_path / "c")["register.yaml"] != _files(tmp_path / "a")["register.yaml"]
    assert other[0].name == "register.yaml"


@pytest.mark.parametrize("level", [1, 2, 3, "obligations"])
@pytest.mark.parametrize("seed", ["1", "7", "class-3b"])
def test_solving_with_the_engine_scores_100(tmp_path, level, seed):
    d = tmp_path / "ex"
    new_exercise(level, seed, d)
    # The learner's answers are what the engine finds in the register they were given,
    # with the shipped obligations as `respchain gaps` checks them.
    findings = find_gaps(load_graph(d / "register.yaml"), obligations=default_obligations())
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        yaml.safe_dump([[f.rule, f.subject] for f in findings], allow_unicode=True), encoding="utf-8"
    )
    res = check_answers(d, answers)
    assert res.percent == 100
    assert res.missed == () and res.wrong == ()
    assert len(res.found) == len(json.loads((d / "answers.json").read_text(encoding="utf-8"))) > 0


def test_levels_grow_from_one_kind_to_every_kind():
    one = [make_exercise(1, s) for s in range(6)]
    assert all(len(ex.rules) == 1 for ex in one)
    # about ten nodes: organizations and people
    assert all(9 <= len(ex.register["organizations"]) + len(ex.register["people"]) <= 13 for ex in one)
    two = make_exercise(2, 3)
    assert len(two.rules) == 3
    three = make_exercise(3, 3)
    # every rule of who bears what, CHAIN-001 included (the rules of work done over
    # time have their own cases and examples)
    assert three.rules == [r for r in CATALOG if r not in TIME_RULES]
    assert (
        len(three.register["organizations"])
        > len(two.register["organizations"])
        > len(one[0].register["organizations"])
    )


def test_a_wrong_answer_gets_the_right_explanation_of_what_was_missed(tmp_path):
    d = tmp_path / "ex"
    new_exercise(2, "explain", d)
    key = [tuple(k) for k in json.loads((d / "answers.json").read_text(encoding="utf-8"))]
    missed_rule, missed_subject = key[0]
    # Everything but the first gap, and one gap that is not there.
    answers = tmp_path / "answers.csv"
    lines = ["rule,subject", *(f"{r},{s}" for r, s in key[1:]), "MAIN-001,county-cdi"]
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = check_answers(d, answers)
    assert res.missed == ((missed_rule, missed_subject),)
    assert res.wrong == (("MAIN-001", "county-cdi"),)
    assert res.percent == round(100 * (len(key) - 1) / (len(key) + 1))
    finding = next(f for f in find_gaps(load_graph(d / "register.yaml")) if f.key() == key[0])
    rule = CATALOG[missed_rule]
    (e,) = res.explanations
    assert e["message_zh"] == finding.message_zh and e["message_en"] == finding.message_en
    assert e["why_zh"] == rule.definition_zh and e["fix_zh"] == rule.fix_zh and e["fix_en"] == rule.fix_en
    assert e["basis"] == [str(b) for b in rule.basis]
    text = format_check(res)
    assert finding.message_zh in text and rule.fix_zh in text and "遗漏 / missed: 1" in text
    # The wrong answer says what the subject really is (a commission has no main duty to declare).
    assert "county-cdi" in res.wrong_notes[0]["note_zh"]


def test_subjects_may_be_given_by_name_and_answers_in_json_or_yaml(tmp_path):
    d = tmp_path / "ex"
    new_exercise(1, "names", d)
    G = load_graph(d / "register.yaml")
    key = json.loads((d / "answers.json").read_text(encoding="utf-8"))
    by_name = [{"rule": r.lower(), "subject": G.nodes[s]["name"]} for r, s in key]
    p = tmp_path / "a.json"
    p.write_text(json.dumps(by_name, ensure_ascii=False), encoding="utf-8")
    assert check_answers(d, p).percent == 100


def test_unreadable_answers_name_every_bad_entry(tmp_path):
    p = tmp_path / "a.yaml"
    p.write_text("- [MAIN-001, x]\n- just-a-string\n- [1, 2, 3]\n", encoding="utf-8")
    with pytest.raises(InputError) as ei:
        read_answers(p)
    assert [pr.path for pr in ei.value.problems] == ["[1]", "[2]"]
    c = tmp_path / "a.csv"
    c.write_text("rule,subject\nMAIN-001,x\nonly-one-cell\n", encoding="utf-8")
    with pytest.raises(InputError) as ei:
        read_answers(c)
    assert ei.value.problems[0].line == 3


def test_cli_new_and_check(tmp_path, capsys):
    d = tmp_path / "ex"
    assert main(["exercise", "new", "--level", "1", "--seed", "9", "-o", str(d)]) == 0
    assert (d / "README.md").read_text(encoding="utf-8").startswith("# 练习")
    key = json.loads((d / "answers.json").read_text(encoding="utf-8"))
    a = tmp_path / "a.yaml"
    a.write_text(yaml.safe_dump(key[:-1] or [["MAIN-001", "county"]], allow_unicode=True), encoding="utf-8")
    capsys.readouterr()
    assert main(["exercise", "check", str(d), str(a)]) == 0  # exit 0 whatever the score
    out = capsys.readouterr().out
    assert "遗漏 / missed:" in out and "如何修正 / fix:" in out
    assert main(["exercise", "check", str(d), str(a), "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["missed"] == [key[-1]] or got["wrong"]
    assert main(["exercise", "check", str(tmp_path / "nowhere"), str(a)]) == 2
    assert main(["exercise", "new", "--level", "4", "-o", str(d)]) == 2


def test_the_key_can_be_kept_apart_from_the_students_folder(tmp_path, capsys):
    students, key = tmp_path / "students" / "ex1", tmp_path / "teacher" / "ex1-key.json"
    argv = ["exercise", "new", "--level", "2", "--seed", "4", "-o", str(students), "--key", str(key)]
    assert main(argv) == 0
    assert sorted(p.name for p in students.iterdir()) == ["README.md", "register.yaml"]
    assert key.is_file() and "answers.json" not in (students / "README.md").read_text(encoding="utf-8")
    answers = tmp_path / "mine.json"
    answers.write_text(key.read_text(encoding="utf-8"), encoding="utf-8")
    capsys.readouterr()
    assert main(["exercise", "check", str(students), str(answers), "--key", str(key)]) == 0
    assert "100%" in capsys.readouterr().out
    # without the key the check says what is missing; a key inside the folder is refused
    assert main(["exercise", "check", str(students), str(answers)]) == 2
    assert main([*argv[:-1], str(students / "key.json")]) == 2


def test_feedback_on_a_wrong_answer_points_at_the_register(tmp_path):
    new_exercise(2, 5, tmp_path)
    key = [tuple(k) for k in json.loads((tmp_path / "answers.json").read_text(encoding="utf-8"))]
    rule, subject = key[0]
    wrong_rule = next(r for r in CATALOG if r != rule and (r, subject) not in key)
    res = check_answers(tmp_path, [[wrong_rule, subject]])
    (note,) = res.wrong_notes
    # it names the gap the subject does have, in the engine's words, and the register lines behind it
    assert rule in note["note_zh"] and "：" in note["note_zh"]
    assert note["records"] and any("行" in r for r in note["records"])
    text = format_check(res)
    assert "登记簿中 / in the register" in text
    assert any("登记簿中" in line for line in text.splitlines() if "✗" not in line)


def test_readme_titles_do_not_repeat_themselves(tmp_path):
    new_exercise(2, 3, tmp_path)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "责任体系的责任体系" not in readme
    assert (
        "responsibility system of" not in readme
        or "责任体系" not in readme.split("responsibility system of")[1][:30]
    )


def test_the_obligations_level_plants_only_missed_recurring_duties(tmp_path, capsys):
    ids = [o.id for o in default_obligations()]
    keys = [make_exercise("obligations", s).key for s in range(5)]
    assert all(keys) and all(r in ids for k in keys for r, _ in k)
    # every shipped duty is missed somewhere, and the seed decides which subjects
    assert {r for k in keys for r, _ in k} == set(ids)
    assert len(set(keys)) == len(keys)
    # The CLI: the students' folder without the key, `gaps` on it finds exactly the key.
    students, key = tmp_path / "students", tmp_path / "teacher" / "key.json"
    argv = [
        "exercise",
        "new",
        "--level",
        "obligations",
        "--seed",
        "2",
        "-o",
        str(students),
        "--key",
        str(key),
    ]
    assert main(argv) == 0
    assert sorted(p.name for p in students.iterdir()) == ["README.md", "register.yaml"]
    readme = (students / "README.md").read_text(encoding="utf-8")
    assert "述责述廉" in readme and "OB-SZSL" in readme
    capsys.readouterr()
    out = tmp_path / "gaps.json"
    main(["gaps", str(students / "register.yaml"), "--format", "json", "-o", str(out)])
    got = json.loads(out.read_text(encoding="utf-8"))
    rows = got["findings"] if isinstance(got, dict) else got
    assert sorted([f["rule"], f["subject"]] for f in rows) == json.loads(key.read_text(encoding="utf-8"))
    # and none of these duties is missed at the other levels, whatever they plant
    for level in (1, 2, 3):
        assert not [r for r, _ in make_exercise(level, 5).key if r in ids]


def _miss_one_of_each(d, key):
    """Answers with the first gap of every obligation left out."""
    left = {}
    for r, s in key:
        left.setdefault(r, s)
    return [k for k in key if left.get(k[0]) != k[1]], {(r, s) for r, s in left.items()}


@pytest.mark.parametrize("seed", ["1", "3", "8"])
def test_obligation_feedback_says_what_in_the_register_makes_the_gap(tmp_path, seed):
    d = tmp_path / "ex"
    new_exercise("obligations", seed, d)
    key = [tuple(k) for k in json.loads((d / "answers.json").read_text(encoding="utf-8"))]
    answers, missed = _miss_one_of_each(d, key)
    res = check_answers(d, answers)
    assert set(res.missed) == missed and res.wrong == ()
    obs = {o.id: o for o in default_obligations()}
    G = load_graph(d / "register.yaml")
    findings = {f.key(): f for f in find_gaps(G, obligations=list(obs.values()))}
    reg = yaml.safe_load((d / "register.yaml").read_text(encoding="utf-8"))
    events = {e["id"]: e for e in reg["events"]}
    for e in res.explanations:
        ob, f = obs[e["rule"]], findings[(e["rule"], e["subject"])]
        assert e["message_zh"] == f.message_zh and "2025" in e["message_zh"]
        assert e["title_zh"] == ob.name_zh and e["fix_zh"] == ob.fix("zh") and e["basis"] == [ob.basis_text()]
        # the subject's own line, and what comes close to the duty with the reason it does not count
        assert any(f"（{e['subject']}，第 " in r for r in e["records"])
        assert len(e["records"]) >= 2
        near = [eid for eid in events if any(f"（{eid}，第 " in r for r in e["records"])]
        for eid in near:
            ev = events[eid]
            r = next(r for r in e["records"] if f"（{eid}，第 " in r)
            if not ev["date"].startswith("2025") and e["rule"] != "OB-RQTH":
                assert "不在2025年内" in r
            elif e["rule"] == "OB-SZSL":
                assert e["subject"] not in ev["participants"] and "未列入" in r
        if e["rule"] == "OB-SZSL":
            assert near  # the team's meeting that leaves them out
        if e["rule"] == "OB-SJTH":
            assert "上级党组织的一把手" in "".join(e["records"])
    text = format_check(res)
    assert "登记簿中 / in the register:" in text and "OB-" in text


def test_a_wrong_obligation_answer_names_the_events_that_fulfil_it(tmp_path):
    d = tmp_path / "ex"
    new_exercise("obligations", "w", d)
    key = {tuple(k) for k in json.loads((d / "answers.json").read_text(encoding="utf-8"))}
    reg = yaml.safe_load((d / "register.yaml").read_text(encoding="utf-8"))
    meeting = next(e for e in reg["events"] if e.get("meeting") == "述责述廉")
    who = next(p for p in meeting["participants"] if ("OB-SZSL", p) not in key)
    res = check_answers(d, [["OB-SZSL", who]])
    (note,) = res.wrong_notes
    assert f"（{meeting['id']}，第 " in note["note_zh"] and any(meeting["id"] in r for r in note["records"])
