"""Normalisation of Arabic text for the model, keeping a map back to the original characters.

The model was trained on UD Arabic-PUD, which writes ASCII punctuation and digits and almost no
diacritics. Real articles use curly quotes, the Arabic comma/semicolon/question mark, tatweel and
sometimes diacritics. We map one character to one character where we can (lengths stay equal) and
delete only marks that never carry a token boundary, recording for every kept character the index of
its original, so that every token found in the normalised text maps back to exact original offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One-for-one substitutions (same length): punctuation and digits in the forms PUD uses.
CHAR_MAP: dict[str, str] = {
    **dict.fromkeys("“”„‟«»″〝〞＂", '"'),
    **dict.fromkeys("‘’‚‛′", "'"),
    "،": ",",  # Arabic comma
    "؛": ";",  # Arabic semicolon
    "؟": "?",  # Arabic question mark
    "۔": ".",  # Arabic full stop
    "٪": "%",  # Arabic percent sign
    "٫": ".",  # Arabic decimal separator
    "٬": ",",  # Arabic thousands separator
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended (Persian) digits
    "\u06cc": "\u064a",  # Persian yeh ی → ي (text copied from Persian sources)
    "\u06a9": "\u0643",  # Persian kaf ک → ك
    "\u06c0": "\u0629",  # heh with yeh above ۀ → ة
}
# Whitespace variants the tokenizer may not know: mapped to a plain space (one for one).
SPACE_CHARS = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u202f\u205f\u3000\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x1f\x85"
# Deleted for the model: tatweel, Arabic diacritics and Quranic marks, zero-width and bidi controls.
DELETE_CHARS = frozenset(
    ["\u0640", "\u0670", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u00ad", "\u061c"]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(c) for c in range(0x06D6, 0x06EE) if chr(c) != "\u06DD" and chr(c) != "\u06DE"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
_TRANSLATE = {ord(k): v for k, v in CHAR_MAP.items()} | {ord(c): " " for c in SPACE_CHARS} | {
    ord(c): None for c in DELETE_CHARS
}


@dataclass(frozen=True)
class Normalised:
    """A normalised string and, for each of its characters, the index of the original character."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalised [start, end) (end > start)."""
        return self.origin[start], self.origin[end - 1] + 1


def normalise_form(text: str) -> str:
    """The model's form of a string (substitutions and deletions, no offset map)."""
    return text.translate(_TRANSLATE)


def normalise(text: str) -> Normalised:
    """Normalise `text` for the model, keeping the origin of every kept character."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in DELETE_CHARS:
            continue
        chars.append(CHAR_MAP.get(ch, " " if ch in SPACE_CHARS else ch))
        origin.append(i)
    return Normalised("".join(chars), tuple(origin))


ELLIPSIS_RE = re.compile(r"(?:\.{2,}|…)(?=\s)")  # two dots or more, or "…", before a space


def ellipsis_ends(line: str) -> list[int]:
    """Offsets right after each ellipsis of a line that stands outside quotation marks: news sites join two
    headlines with one ("الحوثيون يعلنون استهداف سفن.. وواشنطن تردّ بضربات"), each a clause of its own; inside a
    quotation it is only the speaker's pause.

    >>> ellipsis_ends('قصف على المدينة.. وواشنطن تحذر')
    [17]
    >>> ellipsis_ends('قال: «نريد اتفاقا.. نريد سلاما»')
    []
    """
    return [m.end() for m in ELLIPSIS_RE.finditer(line) if not _inside_quotes(line[:m.start()])]


def _inside_quotes(before: str) -> bool:
    """Whether text that ends here left a quotation open (« or “ unclosed, or an odd number of ")."""
    return (before.count("«") > before.count("»") or before.count("“") > before.count("”")
            or before.count('"') % 2 == 1)
