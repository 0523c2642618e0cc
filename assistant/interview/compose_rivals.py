"""The competitors as a comparison: each named competitor with the plan's own claim that answers
the kind it looks like from its own words (a suite's module, a small app, a free tool), proposed
for the sellers to test in deals; how to learn where each really wins."""

from __future__ import annotations

import re

from assistant.core.lang import fix_particles
from assistant.core.plan import Plan

# (kind, cue in the competitor's name, claims that answer that kind, best first)
_KINDS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "suite",
        re.compile(
            r"bundl|built-?in|suite|all-in-one|\bmodules?\b|\berp\b|그룹웨어|번들|모듈|통합\s*솔루션|내장|기본\s*제공",
            re.I,
        ),  # fmt: skip
        (
            r"specific|ready-?made|out of the box|industry|expert|특화|전용|검수|맞춤|업종",
            r"setup|set-up|day|week|도입|하루|주",
        ),  # fmt: skip
    ),
    (
        "app",
        re.compile(r"\bapps?\b|plug-?ins?|extensions?|앱|플러그인|확장\s*프로그램", re.I),
        (
            r"store-level|chain|scale|multi|every|all|매장별|전사|여러|통합",
            r"specific|ready-?made|out of the box|특화|전용",
        ),  # fmt: skip
    ),
    (
        "free",
        re.compile(
            r"\bfree\b|spreadsheet|excel|manual|\bon price\b|무료|엑셀|수기|저가|가격\s*경쟁|cheap|low-?cost",
            re.I,
        ),
        (
            r"hour|time|without|automat|alert|guarantee|respon|dispatch|24/7|warrant|시간|자동|경고|알림|보장|응대",
            r"setup|day|도입|하루",
        ),
    ),
)
_DEFAULT = (
    r"setup|set-up|\bday\b|week|go live|도입|하루|\d+\s*주",
    r"specific|ready-?made|특화|전용",
)


def rivals_markdown(plan: Plan, rivals: list[str], claims: list[str]) -> str:
    """A row per competitor: the claim to lead with against it (kinds from the name's own words);
    without claims, the plain list."""
    ko = plan.language == "ko"
    names = [r.strip(" .") for r in rivals[:8] if r.strip(" .")]
    if not names:
        return ""
    title = f"**{'경쟁 현황' if ko else 'Competitors'}**"
    if not claims:
        return title + "\n\n" + "\n".join(f"- {n}" for n in names)
    used: list[str] = []
    kinds = {n: next((k for k, cue, _ in _KINDS if cue.search(n)), "") for n in names}
    picked: dict[str, str] = {}
    # a competitor whose name shows its kind takes the claim that answers that kind first
    for name in sorted(names, key=lambda n: kinds[n] == ""):
        prefer = next((p for k, _, p in _KINDS if k == kinds[name]), _DEFAULT)
        picked[name] = _pick(claims, prefer, used)
        used.append(picked[name])
    rows = [f"| {n} | {picked[n][:1].upper() + picked[n][1:]} |" for n in names]
    # the market's threats of a competing kind (a bundle, a free plan) are rivals too: each gets
    # the claim that answers its kind, so the threat the SWOT names is met in the same table
    for threat, claim in _rival_threats(plan):
        label = f"{threat}(위협)" if ko else f"{threat[:1].upper() + threat[1:]} (threat)"
        rows.append(f"| {label} | {claim[:1].upper() + claim[1:]} |")
    head = (
        "| 경쟁사 | 앞세울 강점(거래에서 검증) |"
        if ko
        else "| Competitor | Lead with (to test in deals) |"
    )
    note = (
        "경쟁사와 붙은 거래는 이기든 지든 사유를 CRM에 남기고 분기마다 이 표를 고치세요. 경쟁사별 가격과 주력 고객층도 그때 채웁니다."
        if ko
        else "Record the reason on every deal won or lost against each competitor and revise this table each quarter, adding each one's price and the buyers it wins."
    )
    return "\n\n".join([title, "\n".join([head, "|---|---|", *rows]), fix_particles(note) if ko else note])  # fmt: skip


def _pick(claims: list[str], prefer: tuple[str, ...], used: list[str]) -> str:
    """A claim not used yet that matches the kind's preferences (best first), else any claim not
    used yet, else the best match: two competitors get two claims when the plan has them. Claims
    that say the same ('One-day setup', '1-day setup') count as one."""
    from assistant.analysis.text_words import words

    def same(a: str, b: str) -> bool:  # one says no more than the other ('1-day setup')
        wa, wb = words(a), words(b)
        return bool(wa and wb) and (wa <= wb or wb <= wa)

    fresh = [c for c in claims if not any(same(c, u) for u in used)]
    for pool in (fresh, claims):
        for pattern in prefer:
            hits = [c for c in pool if re.search(pattern, c, re.I)]
            if hits:
                return hits[0]
        if pool is fresh and fresh:
            return fresh[0]
    return claims[0]


def _rival_threats(plan: Plan) -> list[tuple[str, str]]:
    """(threat, strength to lead with) for the market analysis's threats that name a competing
    kind ('bundled analytics from commerce platforms', '대형 경쟁사의 무료 요금제'), as written;
    the strength is the one the risk register meets the same threat with."""
    from assistant.analysis.plan_risks import threat_leads

    return [
        (t.strip(" ."), lead.strip(" ."))
        for t, lead in threat_leads(plan)
        if lead and any(cue.search(t) for _, cue, _ in _KINDS)
    ]
