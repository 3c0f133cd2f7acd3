"""Teaching commands: the lesson page and the exercises."""

from __future__ import annotations

import json
from pathlib import Path

import click

from respchain.commands._options import format_option, lang_option, output_option
from respchain.graph.schema import Lang

__all__ = ["register"]


@click.command("lesson")
@output_option("输出的 HTML 文件 / the HTML file to write", default="lesson.html", show_default=True)
@lang_option("页面语言（中文优先）/ language of the page")
def lesson_cmd(output: Path, lang: Lang) -> int:
    """生成离线课堂页面 / Write the offline lesson page.

    五种责任的概念图、责任链逐步演示、种子文章的八个地方实践、每条缺口规则的示例和小测验；
    全部在生成时由模型、本体、种子登记簿和缺口引擎得出。

    The concept graph of the five responsibilities, the chain step by step, the
    seed article's eight local practices, an example of every gap rule and a
    quiz; all derived at build time from the model, the ontology, the seed
    register and the gap engine.
    """
    from respchain.teach.lesson import save_lesson

    path = save_lesson(output, lang)
    click.echo(f"已写入 / wrote {path} ({path.stat().st_size // 1024} KB)")
    return 0


@click.group("exercise")
def exercise_group() -> None:
    """练习：生成带缺口的登记簿并检查答案 / Exercises: registers with planted gaps, and answer checking."""


@exercise_group.command("new")
@click.option(
    "--level",
    type=click.Choice(["1", "2", "3", "obligations"], case_sensitive=False),
    default="1",
    show_default=True,
    help="难度：1 一种缺口约十个节点；2 小区县几种缺口；3 县域全部缺口；obligations 未落实的经常性义务"
    "（述责述廉、民主生活会、任前谈话……）/ difficulty 1-3, or obligations: the missed recurring duties",
)
@click.option("--seed", default="1", show_default=True, help="随机种子（相同级别和种子得到相同文件）/ seed")
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="输出目录（学生拿到的目录）/ output folder (the students' folder)",
)
@click.option(
    "--key",
    "key",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="标准答案另存于此文件（学生目录之外）/ write the teacher's key to this file, outside the students' folder",
)
def exercise_new_cmd(level: str, seed: str, outdir: Path, key: Path | None) -> int:
    """生成练习 / Make an exercise: register.yaml, answers.json (the key) and README.md.

    \b
    With --key the key goes to that file and the folder holds only what students get:
    respchain exercise new --level 2 -o 学生/练习1 --key 教师/练习1-答案.json
    respchain exercise new --level obligations -o 学生/练习2 --key 教师/练习2-答案.json
    """
    from respchain.teach.exercise import make_exercise, new_exercise, parse_level

    lv = parse_level(level)
    paths = new_exercise(lv, seed, outdir, key=key)
    ex = make_exercise(lv, seed)
    for p in paths:
        click.echo(f"  {p}")
    click.echo(
        f"练习已生成 / exercise written: 级别 / level {level}, 种子 / seed {seed}, "
        f"{len(ex.key)} 个缺口 / gaps, {len(ex.rules)} 种 / kinds"
    )
    return 0


@exercise_group.command("check")
@click.argument("exercise_dir", type=click.Path(path_type=Path, file_okay=False))
@click.argument("answers", type=click.Path(path_type=Path, dir_okay=False))
@format_option("text", "json")
@click.option(
    "--key",
    "key",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="标准答案文件（默认 <目录>/answers.json）/ the key (default: <folder>/answers.json)",
)
def exercise_check_cmd(exercise_dir: Path, answers: Path, fmt: str, key: Path | None) -> int:
    """检查答案并解释遗漏 / Score the answers and explain what was missed.

    ANSWERS 是 YAML、JSON 或 CSV 的 [规则, 对象] 列表。退出码 0（无论得分），输入有误为 2。

    ANSWERS is a YAML, JSON or CSV list of [rule, subject]. Exit 0 whatever the
    score; 2 for unreadable input.
    """
    from respchain.teach.exercise import check_answers, format_check

    result = check_answers(exercise_dir, answers, key=key)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_check(result))
    return 0


def register(group: click.Group) -> None:
    group.add_command(lesson_cmd)
    group.add_command(exercise_group)
