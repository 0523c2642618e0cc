"""A stand-in for a territory's potential when the plan states none: its share of the people of
the territories together (official population estimates, 2023; US regions as the Census Bureau
draws them, Korean regions from 주민등록인구). Used only when every territory is one this table
knows, and always said as a stand-in, to replace with the count of target accounts."""

from __future__ import annotations

import re

# millions of people (2023 estimates)
_US = 334.9
_US_REGIONS = {"west": 78.9, "midwest": 68.9, "south": 130.1, "northeast": 57.0}
_COUNTRIES = {"canada": 40.1, "mexico": 128.5, "united kingdom": 68.3, "uk": 68.3,
              "ireland": 5.3, "germany": 84.5, "france": 68.2, "japan": 124.5, "australia": 26.6,
              "new zealand": 5.2}  # fmt: skip
# Korea, 10,000 people (주민등록인구, 2023)
_KO = {"서울": 938, "경기": 1363, "인천": 300, "부산": 330, "대구": 237, "울산": 110, "경북": 255,
       "경남": 325, "대전": 144, "세종": 39, "충북": 159, "충남": 213, "광주": 142, "전북": 175,
       "전남": 180, "강원": 153, "제주": 68}  # fmt: skip
_KO_GROUPS = {
    "수도": ("서울", "경기", "인천"),
    "영남": ("부산", "대구", "울산", "경북", "경남"),
    "충청": ("대전", "세종", "충북", "충남"),
    "호남": ("광주", "전북", "전남"),
    "동남": ("부산", "울산", "경남"),
    "대경": ("대구", "경북"),
}
_US_NAMES = [
    (re.compile(r"\b(?:us|u\.s\.|united states)?\s*west(?:ern)?(?! coast)(?: us)?\b", re.I), "west"),
    (re.compile(r"\b(?:us\s*)?(?:midwest|central)\b", re.I), "midwest"),
    (re.compile(r"\b(?:us\s*)?south(?:ern)?\b", re.I), "south"),
    (re.compile(r"\bcoast\b", re.I), ""),  # a coast is no Census region: not guessed
    (re.compile(r"\b(?:us\s*)?north\s*east\b", re.I), "northeast"),
    (re.compile(r"\b(?:us|u\.s\.|united states)?\s*east(?:ern)?(?! coast)(?: us)?\b", re.I), "east"),
    (re.compile(r"^(?:the\s+)?(?:us|u\.s\.|usa|united states)$", re.I), "us"),
]  # fmt: skip


def _korean(name: str) -> float | None:
    """'수도권' -> 2,601; '충청·호남' -> the two together; '부산·경남' -> the two provinces."""
    total = 0.0
    for part in re.split(r"\s*[·/,&+]\s*|\s+및\s+|\s+", name.strip()):
        key = re.sub(r"(?:권|지역|지방|광역시|특별시|도)$", "", part)
        key = {"경상남": "경남", "경상북": "경북", "충청남": "충남", "충청북": "충북", "전라남": "전남", "전라북": "전북"}.get(key, key)  # fmt: skip
        if key in _KO_GROUPS:
            total += sum(_KO[k] for k in _KO_GROUPS[key])
        elif key in _KO:
            total += _KO[key]
        else:
            return None
    return total or None


def population_shares(names: list[str]) -> tuple[list[float], str] | None:
    """Each territory's share (%) of the people of all of them, and how the US was split when it
    was ('US East' is the US outside the other US regions named); None when any is unknown."""
    if len(names) < 2:
        return None
    if all(re.search(r"[가-힣]", n) for n in names):
        found = [_korean(n) for n in names]
        if any(v is None for v in found):
            return None
        people = [float(v or 0) for v in found]
        return [100 * p / sum(people) for p in people], ""
    kinds: list[str] = []
    for name in names:
        low = name.strip().lower()
        kind = next((k for rx, k in _US_NAMES if rx.search(low)), None)
        if kind == "":
            return None
        if kind is None and low in _COUNTRIES:
            kind = low
        if kind is None:
            return None
        kinds.append(kind)
    if len(set(kinds)) < len(kinds):
        return None
    named_us = sum(_US_REGIONS[k] for k in kinds if k in _US_REGIONS)
    rest = _US - named_us  # 'US East' or 'US' is the US the other named regions leave
    people = [_US_REGIONS[k] if k in _US_REGIONS else _COUNTRIES.get(k, rest) for k in kinds]
    if sum(1 for k in kinds if k in ("east", "us")) > 1 or min(people) <= 0:
        return None
    note = "west" if "west" in kinds and "east" in kinds else ""
    return [100 * p / sum(people) for p in people], note
