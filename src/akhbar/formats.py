"""Articles as they arrive: plain text files, JSON Lines / JSON records with metadata, saved HTML pages.

Each input is decoded once into the text every offset indexes (`Article.text`, stored as nif:isString):

- `.txt`: the file's text (akhbar.text.decode); the identifier is the file stem;
- `.jsonl` (and `-`, standard input) and `.json` (one record or a list of them): one article per record with
  `text` and optional `id`, `title`, `url`, `date` or `published`, `outlet` or `source`, `language`; the
  record's id names the article (else the file stem and the line or item number: `feed-3`); a bad record
  gets one line naming the file and line, and the good records go on;
- `.html`/`.htm`: a saved page; its main text and metadata (title, date, url, site name) are extracted with
  trafilatura (dates by htmldate), never a hand-written scraper; a page with no article text is refused.

The publication date is the metadata's, else a full date in the first lines of the text (a dateline), else the
one given for the whole build (`akhbar build --date`), else none; `Article.date_from` says which.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from akhbar.dates import dateline_date
from akhbar.records import Article
from akhbar.text import InputError, check_text, read_article, read_bytes

TEXT_SUFFIXES = (".txt",)
RECORD_SUFFIXES = (".jsonl", ".json")
PAGE_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + RECORD_SUFFIXES + PAGE_SUFFIXES
STDIN = "-"
MAX_PAGE_BYTES = 10 * 1024 * 1024  # a saved page carries scripts and styles besides the article
MIN_PAGE_WORDS = 10  # less is a menu or a caption trafilatura kept, not an article
MAX_RECORDS_BYTES = 512 * 1024 * 1024  # a JSON Lines file holds many articles
RECORD_FIELDS = {"text", "id", "title", "url", "date", "published", "outlet", "source", "language"}


def read_articles(path: Path | str, default_date: str | None = None) -> Iterator[Article | InputError]:
    """The articles of one input (a file, or `-` for JSON Lines on standard input), each with its publication
    date; a problem with one record is yielded as an InputError and the others go on.

    >>> import tempfile, pathlib
    >>> feed = pathlib.Path(tempfile.mkdtemp()) / "feed.jsonl"
    >>> _ = feed.write_text('{"id": "a1", "text": "حذرت واشنطن طهران أمس.", "date": "2024-10-16"}\\n{"text": 3}\\n',
    ...                     encoding="utf-8")
    >>> [(a.identifier, a.date, a.date_from) if isinstance(a, Article) else str(a).split(": ", 1)[1]
    ...  for a in read_articles(feed)]
    [('a1', '2024-10-16', 'metadata'), 'line 2: "text" must be a string (the article text)']
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if str(path) == STDIN:
        items: Iterator[Article | InputError] = _jsonl(STDIN, sys.stdin.buffer.read())
    elif suffix in RECORD_SUFFIXES:
        try:
            data = read_bytes(path, MAX_RECORDS_BYTES)
        except InputError as err:
            yield err
            return
        items = _jsonl(path, data) if suffix == ".jsonl" else _json(path, data)
    elif suffix in PAGE_SUFFIXES:
        items = iter([_page(path)])
    else:
        items = iter([_text(path)])
    for item in items:
        yield item if isinstance(item, InputError) else dated(item, default_date)


def dated(article: Article, default_date: str | None = None) -> Article:
    """The article with its publication date: the metadata's, else a dateline's, else `default_date`."""
    if article.date:
        return replace(article, date_from="metadata")
    found = dateline_date(article.text)
    if found:
        return replace(article, date=found, date_from="dateline")
    if default_date:
        return replace(article, date=default_date, date_from="--date")
    return article


def iso_day(value: object, where: str) -> str:
    """An ISO day (YYYY-MM-DD) from a metadata date (a date, or a date and time: 2024-10-16T08:00:00Z)."""
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise InputError(where, f"date {text!r} is not an ISO date (YYYY-MM-DD)") from None


def _text(path: Path) -> Article | InputError:
    try:
        return read_article(path)
    except InputError as err:
        return err


def _jsonl(path: Path | str, data: bytes) -> Iterator[Article | InputError]:
    stem = "stdin" if str(path) == STDIN else Path(path).stem
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as err:
        yield InputError(path, f"not valid UTF-8 (bad byte at offset {err.start}); save the records as UTF-8")
        return
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}: line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(where, f"not valid JSON ({err.msg} at column {err.colno})")
            continue
        yield _record(record, where, f"{stem}-{number}", f"{path}:{number}")


def _json(path: Path, data: bytes) -> Iterator[Article | InputError]:
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        yield InputError(path, f"not valid UTF-8 (bad byte at offset {err.start}); save the records as UTF-8")
        return
    except json.JSONDecodeError as err:
        yield InputError(path, f"not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})")
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    for number, record in enumerate(records, 1):
        where = f"{path}: item {number}" if isinstance(parsed, list) else str(path)
        yield _record(record, where, f"{path.stem}-{number}" if isinstance(parsed, list) else path.stem,
                      f"{path}:{number}" if isinstance(parsed, list) else str(path))


def _record(record: Any, where: str, fallback_id: str, source: str) -> Article | InputError:
    """One JSON record as an article, or the one-line problem with it."""
    try:
        if not isinstance(record, dict):
            raise InputError(where, "not a JSON object; write one {\"text\": …} object per line")
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(where, '"text" must be a string (the article text)')
        text = check_text(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), where)
        identifier = record.get("id")
        if identifier is not None and (not isinstance(identifier, str | int) or not str(identifier).strip()):
            raise InputError(where, '"id" must be a non-empty string or a number')
        raw_date = record.get("date", record.get("published"))
        strings = {}
        for key in ("title", "url", "outlet", "source", "language"):
            value = record.get(key)
            if value is not None and not isinstance(value, str):
                raise InputError(where, f'"{key}" must be a string')
            strings[key] = value.strip() if isinstance(value, str) and value.strip() else None
        return Article(
            identifier=str(identifier).strip() if identifier is not None else fallback_id, source=source, text=text,
            date=iso_day(raw_date, where) if raw_date not in (None, "") else None, headline=strings["title"],
            url=strings["url"], outlet=strings["outlet"] or strings["source"], language=strings["language"])
    except InputError as err:
        return err


def _page(path: Path) -> Article | InputError:
    """A saved HTML page: trafilatura's main text and metadata (htmldate for the date)."""
    import trafilatura

    try:
        data = read_bytes(path, MAX_PAGE_BYTES)
        found = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
        if found is None or len((found.text or "").split()) < MIN_PAGE_WORDS:
            raise InputError(path, "no article text found in the page (trafilatura found only navigation or "
                                   "boilerplate); save the article's own page, or its text as .txt")
        text = check_text(found.text.replace("\r\n", "\n"), str(path))
        published = iso_day(found.date, str(path)) if found.date else None
        return Article(identifier=path.stem, source=str(path), text=text, date=published,
                       headline=found.title or None, url=found.url or None, outlet=found.sitename or None,
                       language=found.language or None)
    except InputError as err:
        return err
