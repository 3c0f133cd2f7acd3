"""Registers written as YAML: the one writer of register files (drafts from articles, lists from ledgers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from respchain._files import write_text_atomic

__all__ = ["register_yaml", "write_draft"]


def register_yaml(data: Any, *, width: int = 1000) -> str:
    """Register data as YAML text: Chinese as written, keys in their order, long lines kept whole.

    >>> print(register_yaml({"id": "o1", "name": "示例区委"}), end="")
    id: o1
    name: 示例区委
    """
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=width)


_DRAFT_HEADER = """\
# 登记册草稿，由 respchain extract 从文章抽取，须经人工审核 / register draft extracted from articles by
# `respchain extract`, for a person to review before loading.
# 每条记录的 quote 是其所在句子，span 是该句在文章“规范化文本”中的字符位置（Python 下标，止点不含）/
# Each record's `quote` is its sentence and `span` the sentence's offsets in the article's normalized
# text: the file decoded (UTF-8 or GB18030, BOM dropped, line ends as \\n) or, for HTML, the article
# body as text (see respchain.loaders.text.reader); text[span[0]:span[1]] == quote.
# 数字事实中 “其中” 的子集以 metric 后缀表示（accountability.persons.heads 属于 accountability.persons）/
# a figure introduced by 其中 is a subset of the one before it: its metric extends the other's.
"""


def write_draft(data: dict[str, Any], path: Path) -> Path:
    """Write a draft as YAML atomically (a temporary file renamed into place)."""
    write_text_atomic(path, _DRAFT_HEADER + register_yaml(data, width=200))
    return path
