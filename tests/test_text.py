"""Reading and decoding article files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from akhbar.text import InputError, decode, iter_input_files, read_article

ARABIC = "حذرت الولايات المتحدة العراق.\nسطر ثان"


def test_utf8_article_keeps_text_and_identity(tmp_path: Path) -> None:
    path = tmp_path / "a1.txt"
    path.write_text(ARABIC, encoding="utf-8")
    article = read_article(path)
    assert article.identifier == "a1"
    assert article.text == ARABIC
    assert article.title == "حذرت الولايات المتحدة العراق."
    assert article.source == str(path)


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF8 + ARABIC.encode(), codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"),
     ARABIC.replace("\n", "\r\n").encode()],
    ids=["utf8-bom", "utf16-bom", "crlf"],
)
def test_bom_and_crlf_are_normalised(data: bytes) -> None:
    assert decode(data) == ARABIC


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty"), (b" \n\t ", "empty"), (b"abc \xc3\x28 \xfa", "not valid"),
     (b"\xff\xfe\x01\x00\x02\x00ab", "binary"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not valid")],
)
def test_bad_bytes_are_refused_with_the_file_named(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "x.txt")
    assert str(info.value).startswith("x.txt: ")
    assert problem in str(info.value)


def test_folders_expand_to_sorted_txt_files_and_report_missing(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt", "notes.md"):
        (tmp_path / name).write_text("نص", encoding="utf-8")
    items = list(iter_input_files([tmp_path, tmp_path / "missing.txt"]))
    paths = [i for i in items if isinstance(i, Path)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["a.txt", "b.txt", "sub/c.txt"]
    assert len(errors) == 1 and "no such file" in str(errors[0])


def test_symlink_loop_is_reported_not_followed_forever(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    items = list(iter_input_files([tmp_path]))
    assert [i.name for i in items if isinstance(i, Path)] == ["a.txt"]
    assert any("loop" in str(i) for i in items if isinstance(i, InputError))


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"<!DOCTYPE html><html><body><p>\xd9\x86\xd8\xb5</p></body></html>", "HTML"),
     (b"The United States warned Iraq on Tuesday.", "no Arabic"),
     (b"12345 67 -- !!", "no Arabic")],
)
def test_pages_and_non_arabic_text_are_refused(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        decode(data, "x.txt")


def test_a_mostly_arabic_article_with_latin_names_is_read() -> None:
    text = "قال موقع Axios إن واشنطن حذرت بغداد من هجوم عبر أجوائها."
    assert decode(text.encode()) == text


def test_oversized_files_are_refused_before_reading(tmp_path: Path) -> None:
    from akhbar.text import MAX_ARTICLE_BYTES

    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_ARTICLE_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_article(path)
