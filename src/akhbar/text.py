"""Reading articles: finding input files, decoding bytes to text, and rejecting what is not an article.

The text every offset indexes is the *decoded* article: a leading byte-order mark is dropped and
CRLF/CR line endings become LF. Nothing else is changed, so `Article.text[start:end]` is exactly
what a reader sees in the file (normalisation for the model happens in the analyser, which keeps
its own map back to these characters).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from akhbar.records import Article

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".json", ".html", ".htm")  # (what akhbar.formats reads)
MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # a news article is far smaller; larger files are refused, not truncated
MIN_ARABIC_SHARE = 0.2  # of the letters; below it the file is not an Arabic article
_HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body|<\?xml)", re.I)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")  # control characters other than whitespace
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(Exception):
    """A file that cannot be read as an article; str() is the one-line message for the user."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    """Decode article bytes (UTF-8, or UTF-8/UTF-16 with a BOM) and normalise line endings."""
    if not data.strip():
        raise InputError(path, "empty file (no text to read)")
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(path, f"not valid {encoding.upper()} text (bad byte at offset {err.start}); "
                               "save the article as UTF-8") from None
    text = text.lstrip("\ufeff")
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > len(text) // 100:
        raise InputError(path, "binary file (control characters), not a text article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _HTML_START.match(text):
        raise InputError(path, "an HTML/XML page, not article text; save it as .html (akhbar extracts its text) "
                               "or extract the article's text first")
    return check_text(text, path)


def check_text(text: str, where: Path | str = "<text>") -> str:
    """The decoded text of an article, refused when it is empty or not Arabic (one line naming `where`)."""
    if not text.strip():
        raise InputError(where, "empty text (only whitespace)" if text else "empty text")
    letters = sum(map(str.isalpha, text))
    arabic = len(_ARABIC_LETTER.findall(text))
    if arabic == 0 or arabic < MIN_ARABIC_SHARE * letters:
        raise InputError(where, "no Arabic article text (akhbar reads Arabic news)")
    return text


def read_bytes(path: Path | str, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of one input file, refused (one line) when it is too large or cannot be read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(path, f"file too large ({size} bytes > {limit}); split it")
        return path.read_bytes()
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(path, "is a folder, not an article file") from None
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror or err})") from None


def read_article(path: Path | str) -> Article:
    """Read one plain-text article file; its identifier is the file stem, its source the path (other formats:
    akhbar.formats.read_articles)."""
    path = Path(path)
    return Article(identifier=path.stem, source=str(path), text=decode(read_bytes(path), path))


def iter_input_files(paths: list[Path]) -> Iterator[Path | InputError]:
    """Expand files and folders (recursively: *.txt, *.jsonl, *.json, *.html, *.htm; sorted) into input paths;
    `-` (standard input) passes through.

    Problems with the inputs themselves (missing path, symlink loop, something that is not a regular file:
    a FIFO, a socket, a device) are yielded as InputError so the caller can report them and go on with the
    rest; nothing but a regular file is ever opened. A path named twice (`x` and `./x`, or a file inside a
    folder also given) is read once.
    """
    seen: set[Path] = set()
    files: set[Path] = set()
    for root in paths:
        if str(root) == "-":
            yield root  # (JSON Lines on standard input)
            continue
        if not root.exists():
            yield InputError(root, "no such file or folder")
            continue
        if root.is_dir():
            yield from _walk(root, seen, files)
            continue
        yield from _file(root, files)


def _file(path: Path, files: set[Path]) -> Iterator[Path | InputError]:
    """A regular file once (by its real path); anything else is reported, never opened."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        yield InputError(path, "broken or looping symbolic link")
        return
    if real in files:
        return  # (the same file named twice)
    if not real.is_file():
        yield InputError(path, "not a regular file (a FIFO, socket or device); skipped")
        return
    files.add(real)
    yield path


def _walk(folder: Path, seen: set[Path], files: set[Path]) -> Iterator[Path | InputError]:
    """Depth-first walk that follows links once and reports loops instead of hanging."""
    try:
        real = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        yield InputError(folder, "broken or looping symbolic link")
        return
    if real in seen:
        if not any(part == real for part in folder.absolute().parents):
            return  # (the same folder named twice, as x and ./x: read once, not a loop)
        yield InputError(folder, "symbolic link loop (folder already visited)")
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir())
    except OSError as err:
        yield InputError(folder, f"cannot list folder ({err.strerror or err})")
        return
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry, seen, files)
        elif entry.suffix.lower() in ARTICLE_SUFFIXES:
            yield from _file(entry, files)
