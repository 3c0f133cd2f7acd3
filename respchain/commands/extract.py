"""Commands that read articles: ``extract`` and ``eval-extract``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from respchain._files import all_or_none, write_text_atomic
from respchain._inert import visible
from respchain.commands._options import format_option, output_option
from respchain.loaders.writer import write_draft

__all__ = ["register", "write_draft"]

_ARTICLE_SUFFIXES = (".txt", ".htm", ".html")


@click.command("extract")
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("草稿登记册 .yaml / the draft register to write", required=True)
@click.option(
    "--text-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="同时写出各文章的规范化文本（span 所指）/ also write each article's normalized text here",
)
@click.option(
    "--merge",
    is_flag=True,
    help="合并各文章中的同一组织、同一机制（名称、类型、地区相同）/ merge the same organization (name, kind, "
    "region) and mechanism across articles",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    default=None,
    help="汇编报告 .md：按地区、按机制的做法，数据及来源（含 --merge）/ a corpus report (Markdown): practices by "
    "region and by mechanism, figures with their sources (implies --merge)",
)
def extract_cmd(
    articles: tuple[Path, ...], output: Path, text_dir: Path | None, merge: bool, report_path: Path | None
) -> int:
    """从文章抽取登记册草稿 / Extract a register draft from articles (UTF-8/GB18030 text or HTML).

    A folder stands for its ``.txt``, ``.htm`` and ``.html`` files, in name order.
    With --merge, an organization or mechanism named in several articles is one
    record (with the provenance of its first mention; --report lists every article).
    The draft is validated with the register loader before it is written; nothing
    is written when any article cannot be read.
    """
    from respchain.exceptions import InputError, Problem
    from respchain.loaders.register import register_from_data
    from respchain.loaders.text import draft_from_articles, read_article

    problems = []
    read = []
    from respchain.progress import stage, track

    files = [
        f
        for a in articles
        for f in (
            sorted(p for p in a.iterdir() if p.suffix.lower() in _ARTICLE_SUFFIXES and p.is_file())
            if a.is_dir()
            else [a]
        )
    ]
    if not files:
        raise InputError(
            [
                Problem(
                    str(a), 0, "", "文件夹中没有文章（.txt、.html）/ no articles (.txt, .html) in the folder"
                )
                for a in articles
            ]
        )
    for a in track(files, "读取文章 / reading the articles"):
        try:
            read.append(read_article(a))
        except InputError as e:
            problems.extend(e.problems)
    if problems:
        raise InputError(problems)
    warnings: list[str] = []
    with stage("抽取 / extracting"):
        draft = draft_from_articles(read, warnings)
    merged = None
    if merge or report_path is not None:
        from respchain.loaders.text.corpus import merge_draft

        draft, merged = merge_draft(draft)
    register_from_data([(str(output), json.loads(json.dumps(draft, ensure_ascii=False)), None)])
    with all_or_none():  # the draft and its texts, all or none
        write_draft(draft, output)
        if text_dir is not None:
            for art, src in zip(read, draft["sources"], strict=True):
                write_text_atomic(text_dir / f"{src['id']}.txt", art.text)
        if report_path is not None:
            from respchain.loaders.text.corpus import corpus_report

            write_text_atomic(report_path, corpus_report(draft, merged))
    counts = ", ".join(
        f"{k} {len(draft.get(k) or [])}"
        for k in ("organizations", "people", "responsibilities", "mechanisms", "facts")
    )
    click.echo(f"已写入草稿 / wrote draft {output}: {len(read)} 篇文章 / article(s); {counts}")
    if merged is not None:
        click.echo(
            f"合并 / merged: {merged['organizations']} 个组织 / organizations, {merged['mechanisms']} 项机制 / "
            "mechanisms"
        )
    if report_path is not None:
        click.echo(f"已写入报告 / wrote report {report_path}")
    for w in warnings:
        click.echo(f"注意 / note: {visible(w)}", err=True)
    return 0


@click.command("eval-extract")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("pred", type=click.Path(path_type=Path), required=False)
@format_option("table", "json")
def eval_extract_cmd(gold: Path, pred: Path | None, fmt: str) -> int:
    """按类别评估抽取结果 / Score extraction: precision, recall and F1 per category.

    GOLD PRED scores a draft against one gold file. GOLD alone, a folder with one
    sub-folder per set (dev/, test/) of articles and their *.gold.yaml, extracts
    every article and prints the strict scores of each set.
    """
    from respchain.exceptions import InputError, Problem
    from respchain.loaders.text.evaluate import evaluate_sets, format_scores, score_extraction

    if pred is None:
        if not gold.is_dir():
            raise InputError(
                Problem(
                    str(gold), 0, "", "须为金标准目录，或同时给出草稿 / a folder of sets, or give a draft too"
                )
            )
        results = evaluate_sets(gold)
        if not results:
            raise InputError(Problem(str(gold), 0, "", "没有 */*.gold.yaml / no */*.gold.yaml here"))
    else:
        results = {f"{gold.name} ↔ {pred.name}": score_extraction(gold, pred)}
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    name: {
                        k: {
                            "gold": s.gold,
                            "predicted": s.predicted,
                            "matched": s.matched,
                            "precision": round(s.precision, 4),
                            "recall": round(s.recall, 4),
                            "f1": round(s.f1, 4),
                        }
                        for k, s in scores.items()
                    }
                    for name, scores in results.items()
                }
                if pred is None
                else {
                    k: {
                        "gold": s.gold,
                        "predicted": s.predicted,
                        "matched": s.matched,
                        "precision": round(s.precision, 4),
                        "recall": round(s.recall, 4),
                        "f1": round(s.f1, 4),
                    }
                    for k, s in next(iter(results.values())).items()
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        click.echo("\n\n".join(format_scores(s, name) for name, s in results.items()))
    return 0


def register(group: click.Group) -> None:
    for cmd in (extract_cmd, eval_extract_cmd):
        group.add_command(cmd)
