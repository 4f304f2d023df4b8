"""Explicit dates in the constructions of real articles (more kinds: tests/extract/test_dates.py)."""

from __future__ import annotations

import pytest

from akhbar.dates import find_dates


@pytest.mark.parametrize(("text", "article_date", "expected"), [
    ("منذ 19 نوفمبر/تشرين الثاني 2023، عندما هاجم الحوثيون السفينة", None, "2023-11-19"),
    ("في أوائل فبراير 2026 زعمت إيران", None, "2026-02"),
    ("وفي 26 أكتوبر/تشرين الاول الماضي، أكد الجيش", "2024-11-10", "2024-10-26"),
    ("وفي 26 ديسمبر الماضي قصفت", "2025-01-05", "2024-12-26"),
    ("وفي 26 أكتوبر الماضي قصفت", None, None),
    ("قتل 4 مدنيين وإصابة 25 آخرين", "2025-01-05", None),
])
def test_event_date(text: str, article_date: str | None, expected: str | None) -> None:
    found = find_dates(text, article_date)
    assert (found[0].value if found else None) == expected
