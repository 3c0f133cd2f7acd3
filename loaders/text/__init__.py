"""Reading Chinese articles into a register draft, every record with its provenance.

See :mod:`respchain.loaders.text.extract` for what is found and
:mod:`respchain.loaders.text.reader` for the text that offsets refer to.
"""

from respchain.loaders.text.evaluate import score_extraction
from respchain.loaders.text.extract import draft_from_articles, extract_article, extract_articles
from respchain.loaders.text.reader import Article, read_article

__all__ = [
    "Article",
    "read_article",
    "extract_article",
    "extract_articles",
    "draft_from_articles",
    "score_extraction",
]
