"""Korean particles after the words they follow, Hangul, digits and Latin names."""

from __future__ import annotations

import pytest

from assistant.core.lang import fix_particles, josa


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("매출", "은", "매출은"),
        ("목표", "으로", "목표로"),
        ("Zapier", "과", "Zapier와"),  # 재피어: a silent final r in a word
        ("HR", "과", "HR과"),  # 에이치알: an acronym is read by its letters
        ("CRM", "으로", "CRM으로"),
        ("KPI", "를", "KPI를"),
        ("Google", "과", "Google과"),  # 구글
        ("Slack", "으로", "Slack으로"),  # 슬랙
        ("HubSpot", "이", "HubSpot이"),  # 허브스팟
        ("Tableau", "와", "Tableau와"),
        ("Looker Studio", "를", "Looker Studio를"),
        ("LinkedIn", "은", "LinkedIn은"),
        ("Excel", "로", "Excel로"),  # 엑셀: ㄹ takes 로
        ("3", "을", "3을"),
    ],
)
def test_particle_follows_how_the_word_is_read(word: str, particle: str, expected: str) -> None:
    assert josa(word, particle) == expected


def test_fill_in_particles_after_latin_names() -> None:
    assert fix_particles("Zapier과(와) 연동") == "Zapier와 연동"
    assert fix_particles("Salesforce을(를) 대체") == "Salesforce를 대체"
