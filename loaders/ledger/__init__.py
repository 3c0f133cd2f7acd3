"""Excel and CSV ledgers (台账) in and out.

Responsibility lists (责任清单) and their ledgers are kept in Excel almost
everywhere. This package reads them as offices keep them and writes them back:

* :func:`read_ledger` turns a ledger (``.xlsx``/``.xlsm``/``.csv``/``.tsv``) into
  one list record of the register format (``lists[i]`` of register.md). The
  header row is recognised by its Chinese column names, in any order and with
  the usual variants (:data:`HEADER_ALIASES`), wherever it sits below a title;
  merged cells give their value to every cell they cover; every visible sheet
  that has a header is read; dates may be Excel dates or text (``2025年12月底``);
  CSV may be UTF-8 (with or without BOM), GBK or GB18030. People and units are
  written as text and matched to the ids of a register. Every problem of every
  row is collected; if there is any, an :class:`~respchain.exceptions.InputError`
  lists them all and no list is returned.
* :func:`write_list` saves such a record as a register file (``respchain: 1``,
  ``lists: [...]``), atomically.
* :func:`write_ledger` writes one list of a register as a ledger people can
  use: Chinese headers, fitted column widths, a frozen header, real dates, and a
  缺口 column with the LIST-rule gaps of each task, coloured by severity.
* :func:`read_rectification_ledger` reads a rectification ledger (整改台账:
  problems found by 巡视, 巡察, 监督检查, and their measures) into ``problems``
  records (:mod:`.rectification`); :func:`write_problems` saves them.
* :func:`write_ledger_like` writes a list back into the office's own ledger it
  was imported from, keeping its headers and layout (:mod:`.like`).
* :func:`write_template` writes an empty ledger with drop-down lists of the
  register's units and people, and date validation.

Column meanings (ledger header -> task field)::

    序号 -> task id suffix     任务编号 -> task id       任务目标 -> goal
    具体措施 -> measure         责任人, 责任领导 -> responsible (people)
    牵头单位 -> lead            协助部门 -> assist         完成时限 -> due / due_note
    状态 -> status              完成情况 -> progress (and status when no 状态)
    责任类型 -> implements      备注 -> note               缺口 -> ignored (written on export)

Names are matched after NFKC (full width -> half width) with spaces removed:
by id, then by name, then (people) by post title (``区委书记``) or a part of
one, (units) by the name without 中共 or by a unique ending (``卫生健康局``);
``王某（p-wang）`` picks by id where a name is shared. Several names in one cell
are separated by 、，,;；/ or line breaks; in 牵头单位 the first leads and the
others join 协助部门.

The package follows the seams of the work: :mod:`.headers` (column names and
the header row), :mod:`.dates` (due dates in their written forms), :mod:`.names`
(names to register ids), :mod:`.sheets` (workbooks and CSV files as tables),
:mod:`.rows` (rows into tasks), :mod:`.read` (a whole ledger into a list),
:mod:`.lists` (list records written out) and :mod:`.excel` (ledgers and
templates written as Excel).
"""

from respchain.loaders.ledger.dates import parse_due
from respchain.loaders.ledger.excel import LEDGER_RULES, write_ledger, write_template
from respchain.loaders.ledger.headers import HEADER_ALIASES, LEDGER_COLUMNS, LEDGER_SUFFIXES
from respchain.loaders.ledger.like import write_ledger_like
from respchain.loaders.ledger.lists import list_changes, list_to_yaml, replace_list_in_file, write_list
from respchain.loaders.ledger.read import read_ledger
from respchain.loaders.ledger.rectification import (
    RECT_ALIASES,
    parse_origin,
    problems_to_yaml,
    read_rectification_ledger,
    write_problems,
)

__all__ = [
    "read_ledger",
    "read_rectification_ledger",
    "write_problems",
    "problems_to_yaml",
    "parse_origin",
    "RECT_ALIASES",
    "write_list",
    "list_changes",
    "replace_list_in_file",
    "list_to_yaml",
    "write_ledger",
    "write_ledger_like",
    "write_template",
    "parse_due",
    "HEADER_ALIASES",
    "LEDGER_COLUMNS",
    "LEDGER_SUFFIXES",
    "LEDGER_RULES",
]
