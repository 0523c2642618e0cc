"""Population shares as a stand-in for a territory's potential: only for regions the table
knows, the US split by Census regions, Korean regions by 주민등록인구."""

from __future__ import annotations

import pytest

from assistant.analysis.region_share import population_shares


def test_us_east_is_the_us_the_other_named_regions_leave() -> None:
    found = population_shares(["US East", "US West", "Canada"])
    assert found is not None
    shares, split = found
    assert split == "west"
    assert [round(s) for s in shares] == [68, 21, 11]
    assert sum(shares) == pytest.approx(100)


def test_korean_regions_add_their_provinces() -> None:
    found = population_shares(["수도권", "영남", "충청·호남"])
    assert found is not None
    # 2,601 / 1,257 / 1,052 (10,000 people)
    assert [round(s) for s in found[0]] == [53, 26, 21]
    assert population_shares(["서울", "부산·경남"]) is not None


@pytest.mark.parametrize(
    "names",
    [
        ["East Coast", "West Coast"],  # coasts are no Census regions: not guessed
        ["Texas", "Florida"],
        ["Seoul", "Busan"],
        ["US East", "US"],  # two 'rest of the US'
        ["Dallas"],
        ["수도권", "해외"],
    ],
)
def test_unknown_regions_give_no_stand_in(names: list[str]) -> None:
    assert population_shares(names) is None
