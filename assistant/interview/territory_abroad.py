"""A territory in another country than the plan's home market ('Canada' in a US plan, '일본' in a
Korean one): what to settle before its first deal, from the guide's part on territories abroad,
said under the territory table with the currency that country prices in."""

from __future__ import annotations

import re

from assistant.core.plan import Plan

# (market code, its currency, in Korean, the names a territory is written with)
_ABROAD: list[tuple[str, str, str, re.Pattern[str]]] = [
    ("CA", "CAD", "캐나다 달러", re.compile(r"\bcanad|british\s+columbia|\bontario|\bquebec|\balberta|\btoronto|\bvancouver|\bmontr[eé]al|캐나다", re.I)),
    ("MX", "MXN", "멕시코 페소", re.compile(r"\bmexic|멕시코", re.I)),
    ("GB", "GBP", "파운드", re.compile(r"\bu\.?k\.?\b|united\s+kingdom|\bbritain|영국", re.I)),
    ("EU", "EUR", "유로", re.compile(r"\beurope|\beu\b|\bgerman|\bfrance|\bspain|\bital|\bdach\b|\bbenelux|\bnordic|유럽|독일|프랑스", re.I)),
    ("JP", "JPY", "엔", re.compile(r"\bjapan|일본", re.I)),
    ("CN", "CNY", "위안", re.compile(r"\bchina|중국", re.I)),
    ("TW", "TWD", "대만 달러", re.compile(r"\btaiwan|대만", re.I)),
    ("AU", "AUD", "호주 달러", re.compile(r"\baustralia|호주", re.I)),
    ("SEA", "", "", re.compile(r"south\s*-?east\s+asia|\bvietnam|\bsingapore|\bindonesia|\bthailand|동남아|베트남|싱가포르|인도네시아|태국", re.I)),
    ("KR", "KRW", "원", re.compile(r"\bkorea|한국|국내", re.I)),
    ("US", "USD", "달러", re.compile(r"\bunited\s+states|\bu\.?s\.?a?\b|미국|북미", re.I)),
]  # fmt: skip
# a home market's currency: the two homes no territory is abroad from, then every other's own
_HOME_CURRENCY = {
    "US": ("USD", "달러"),
    "KR": ("KRW", "원"),
    **{code: (cur, ko) for code, cur, ko, _ in _ABROAD},
}
_PART = {"en": "Territories in another country", "ko": "다른 나라의 지역"}


def _home(plan: Plan) -> str:
    from assistant.analysis.market import infer_market

    return infer_market(plan).country or ("KR" if plan.language == "ko" else "US")


def abroad(plan: Plan, names: list[str]) -> list[tuple[str, str, str]]:
    """The territories in another country than the plan's home market: (name, currency, Korean
    currency); a region of the home country ('US East', '수도권') is none."""
    from assistant.analysis.market import COUNTRIES

    home = _home(plan)
    at_home = next((rx for c, rx in COUNTRIES if c == home), None)
    out = []
    for name in names:
        found = next(((c, cur, ko, rx) for c, cur, ko, rx in _ABROAD if rx.search(name)), None)
        # the market reader counts the UK with Europe: a UK plan's home is either
        if found is None or found[0] == home or home == "EU" and found[0] in ("GB", "EU"):
            continue
        # 'New Mexico' is a home state: the other country's name inside a home place's name
        m = found[3].search(name)
        if at_home is not None and m and any(h.start() <= m.start() and m.end() <= h.end() and h.end() - h.start() > m.end() - m.start() for h in at_home.finditer(name)):  # fmt: skip
            continue
        # 'Texas & cross-border Mexico' is a home region that serves the border: what the name
        # says besides the other country is at home
        if at_home is not None and at_home.search(found[3].sub(" ", name)):
            continue
        out.append((name, found[1], found[2]))
    return out


def abroad_note(plan: Plan, names: list[str]) -> list[str]:
    """'Canada is another country than the plan's home market: before its first deal, settle …'
    with the currencies to choose between; [] when every territory is at home or the guide's
    part is missing."""
    from assistant.analysis.guide_part import guide_part
    from assistant.core.lang import fix_particles
    from assistant.core.settings import get_settings

    found = abroad(plan, names)
    part = guide_part(str(get_settings().knowledge_dir), plan.language, "sections/sales_territories_channels.md", _PART)  # fmt: skip
    if not found or part is None or not part[0].strip():
        return []
    ko = plan.language == "ko"
    home_cur = _HOME_CURRENCY.get(_home(plan), ("", ""))
    own = [c[2] if ko else c[1] for c in found if (c[2] if ko else c[1])]
    choices = list(dict.fromkeys([*own, home_cur[1] if ko else home_cur[0]]))
    choices = [c for c in choices if c]
    which = names_said([c[0] for c in found], ko)
    several = len(found) > 1
    if ko:
        cur = (
            f"가격 통화({'·'.join(choices[:-1])} 또는 {choices[-1]})"
            if len(choices) > 1
            else "가격 통화"
        )
        return [fix_particles(f"{which}은(는) 국내와 다른 나라 시장임: 첫 거래 전에 {'지역마다 ' if several else ''}{cur}, 현지 세금 등록, 계약서와 지원 언어, 고객 데이터 보관 위치, 현지 업무 시간에 맞춘 담당자를 정하고, 현지 레퍼런스가 생길 때까지 첫해 목표는 몫보다 낮게 잡음(해외 지역 운영의 일반적인 관행).")]  # fmt: skip
    cur = f"its price currency ({', '.join(choices[:-1])} or {choices[-1]})" if len(choices) > 1 else "its price currency"  # fmt: skip
    verb = "are outside the home country of" if several else "is outside the home country of"
    first = "the first deal in each" if several else "its first deal"
    return [f"{which} {verb} the plan's other territories: before {first}, settle {cur}, sales tax registration there, the language of contracts and support, where its customers' data is stored and which seller covers its working hours; give it a lower first-year target than its share until it has local references (usual practice for a territory abroad)."]  # fmt: skip


def names_said(names: list[str], ko: bool) -> str:
    if ko or len(names) < 2:
        return "·".join(names) if ko else names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]
