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
            r"alert|warn|guarantee|warrant|compliance|경고|알림|보장|검수|준수",
            r"hour|time|without|automat|respon|dispatch|24/7|시간|자동|응대",
            r"setup|day|도입|하루",
        ),
    ),
)
# what a threat of each kind is to the buyer's choice: a bundle or an app is a substitute, a free
# plan or a low price is pressure on price (a threat is not a competitor by name)
_THREAT_KIND = {"suite": ("substitute", "대체재"), "app": ("substitute", "대체재"), "free": ("price pressure", "가격 압박")}  # fmt: skip
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
    merged, unknown = rival_pairings(plan, names, claims)
    rows = [f"| {label} | {claim[:1].upper() + claim[1:]} | {reason} |" for label, claim, reason in merged]  # fmt: skip
    # a substitute or a free plan is what a buyer weighs us against, not a competitor
    others = any(
        re.search(r"\((?:대체재|가격 압박|substitute|price pressure)\)", e[0]) for e in merged
    )
    head = (
        f"| {'경쟁사·대안' if others else '경쟁사'} | 우리가 내세울 강점(제안) | 근거 |"
        if ko
        else f"| {'Competitor or alternative' if others else 'Competitor'} | Lead with (proposed) | Why |"
    )
    # what is not known about a competitor is said once, under the table, not in every row
    first = ""
    if unknown:
        last = unknown[-1]
        who = (
            (
                f"{', '.join(unknown[:-1])}와(과) {last}"
                if ko
                else f"{', '.join(unknown[:-1])} and {last}"
            )
            if len(unknown) > 1
            else last
        )
        from assistant.analysis.plan_goals import plan_year

        year = plan_year(plan)
        # a company with last year's revenue has deals against them already: their reasons are
        # in the CRM now, not waited for in the first deals of the plan year
        known = plan.fact("revenue_base") is not None
        deals_ko = (
            "지난 1년 경쟁 거래의 수주·실주 사유(CRM)" if known else "첫 경쟁 거래의 수주·실주 사유"
        )
        deals_en = "last year's deals against" if known else "the first deals against"
        # what is missing is a research task with an owner and a date, not an admission
        first = (
            fix_particles(
                f"{year}년 1분기 말까지 알아낼 것(담당: 마케팅팀): {who}이(가) 어떤 고객에게 어디서 이기는지와 가격. {deals_ko}, 공개된 가격표, 경쟁사를 쓰는 고객 인터뷰 2건씩으로 확인하고, 위 조합을 그에 맞춰 확정하거나 바꿉니다. "
            )
            if ko
            else f"To learn by the end of Q1 {year} (owner: the marketing team): where {who} win, with which buyers and at what price, from the win and loss reasons of {deals_en} {'them' if len(unknown) > 1 else 'it'}, {'their' if len(unknown) > 1 else 'its'} public pricing and two interviews each with buyers who use {'them' if len(unknown) > 1 else 'it'}; then confirm or change the pairings above. "
        )
    note = first + (
        "경쟁사와 붙은 거래는 수주·실주와 관계없이 사유를 CRM에 남기고 분기마다 이 표를 고칩니다."
        + ("" if first else " 경쟁사별 가격과 주력 고객층도 그때 채웁니다.")
        if ko
        else "Record the reason on every deal won or lost against each competitor and revise this table each quarter"
        + ("." if first else ", adding each one's price and the buyers it wins.")
    )
    return "\n\n".join([title, "\n".join([head, "|---|---|---|", *rows]), fix_particles(note) if ko else note])  # fmt: skip


def rival_pairings(
    plan: Plan, names: list[str], claims: list[str]
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(label, the claim to lead with, why) for each competitor or competing threat, rows with
    one claim for one reason merged; and the rivals of no known kind (they share one row)."""
    ko = plan.language == "ko"
    used: list[str] = []
    kinds = {n: next((k for k, cue, _ in _KINDS if cue.search(n)), "") for n in names}
    picked: dict[str, str] = {}
    matched: dict[str, int] = {}
    # a competitor whose name shows its kind takes the claim that answers that kind first
    for name in sorted(names, key=lambda n: kinds[n] == ""):
        prefer = next((p for k, _, p in _KINDS if k == kinds[name]), _DEFAULT)
        picked[name], matched[name] = _pick_why(claims, prefer, used)
        used.append(picked[name])

    # each pairing says why: the kind the name shows, or that nothing about it is stated yet
    def why(kind: str, n: int) -> str:  # a kind's reason only when its own preference matched
        if not kind or n < 0:  # nothing known of it: why this claim is the one to test first
            return _WHY.get(("", n) if not kind else "", _WHY[""])[ko]
        return _WHY[(kind, n)][ko]

    # rivals of no known kind share one row: a claim handed to each in turn would pretend to a
    # pairing nothing supports; the most checkable claim meets them all until the research below
    unknown = [n for n in names if not (kinds[n] and matched[n] >= 0)]
    entries = [(n, picked[n], why(kinds[n], matched[n])) for n in names if n not in unknown]
    if unknown:
        claim, n = _pick_why(claims, _DEFAULT, [])
        direct = "직접 경쟁사" if ko else "direct rivals" if len(unknown) > 1 else "direct rival"
        group = ", ".join(unknown) + (f"({direct})" if ko else f" ({direct})")
        entries.insert(0, (group, claim, _GROUP_WHY.get(n, _GROUP_WHY[-1])[ko]))
    # what the buyers do today (spreadsheets, work by hand) is the alternative a deal is most
    # often lost to: a row of its own when the answers describe it and no named rival is that kind
    quo = _status_quo(plan) if "free" not in kinds.values() else None
    if quo is not None:
        prefer = next(p for k, _, p in _KINDS if k == "free")
        claim, n = _pick_why(claims, prefer, [])
        label = "엑셀 수작업(현재 방식)" if ko else "manual spreadsheets (status quo)"
        reason = _WHY[("free", n)][ko] if n >= 0 else _WHY[""][ko]
        said = f"고객이 지금 일하는 방식('{quo}')임. {reason}" if ko else f"the buyers' own way today ('{quo}'); {reason}"  # fmt: skip
        entries.append((label, claim, said))
    # the market's threats of a competing kind (a bundle, a free plan) are met in the same table,
    # named for what they are to the buyer's choice (a substitute, pressure on price)
    for threat, claim in _rival_threats(plan):
        kind, prefer = next(((k, p) for k, cue, p in _KINDS if cue.search(threat)), ("", _DEFAULT))
        what = _THREAT_KIND.get(kind, ("threat", "위협"))[ko]
        label = f"{threat}({what})" if ko else f"{threat[:1].upper() + threat[1:]} ({what})"
        n = next((i for i, pattern in enumerate(prefer) if re.search(pattern, claim, re.I)), -1)
        reason = why(kind, n)
        if kind == "free" and (n < 0 or any(reason in e[2] for e in entries)):
            # the status quo's row already says it, or no preference matched: a free plan is
            # pressure on price, met by moving the comparison off price (never the same sentence
            # twice in one table)
            reason = ("가격으로 겨루지 않고, 비교 기준을 왼쪽의 강점으로 옮김" if ko
                      else "no contest on price: the comparison moves to the strength beside it")  # fmt: skip
        entries.append((label, claim, reason))
    # rows with the same claim for the same reason are one row (no 'same reason as' pointers)
    merged: list[tuple[str, str, str]] = []
    for label, claim, reason in entries:
        at = next((i for i, e in enumerate(merged) if e[1] == claim and e[2] == reason), None)
        if at is None:
            merged.append((label, claim, reason))
        else:
            merged[at] = (f"{merged[at][0]}, {label}", claim, reason)
    return merged, unknown


_GROUP_WHY: dict[int, tuple[str, str]] = {  # the claim all rivals of unknown strength meet
    0: ("buyers can check it before signing by asking reference customers how long they took to go live; it holds against each of them until the research below the table says what to claim against each", "계약 전에 레퍼런스 고객에게 도입 기간을 물어 확인할 수 있는 주장이라, 표 아래 조사로 경쟁사별 주장을 정하기 전까지 어느 경쟁사에도 씀"),
    1: ("buyers see it in the first demo, whichever of them they compare; it holds until the research below the table says what to claim against each", "첫 시연에서 고객이 바로 확인하는 점이라, 표 아래 조사로 경쟁사별 주장을 정하기 전까지 어느 경쟁사에도 씀"),
    -1: ("our strongest claim, tested in the first deals against them; it holds until the research below the table says what to claim against each", "가장 강한 주장으로, 첫 경쟁 거래에서 통하는지 확인함. 표 아래 조사로 경쟁사별 주장을 정하기 전까지 어느 경쟁사에도 씀"),
}  # fmt: skip


_WHY: dict[tuple[str, int] | str, tuple[str, str]] = {  # (kind, preference matched) -> reason
    ("suite", 0): ("a module of a larger suite is not built for this job: lead with what is built for this buyer", "큰 제품군에 딸린 모듈은 이 업무에 맞춰 만든 것이 아니므로, 이 고객을 위해 만든 점을 앞세웁니다"),
    ("suite", 1): ("a suite's module takes a project to set up: lead with going live quickly", "제품군의 모듈은 도입이 큰일이므로, 빨리 쓰기 시작하는 점을 앞세웁니다"),
    ("app", 0): ("a small app covers one job: lead with covering the whole operation", "작은 앱은 한 가지 일만 하므로, 업무 전체를 다루는 점을 앞세웁니다"),
    ("app", 1): ("a small app is made for small shops: lead with what is built for a buyer of this size", "작은 앱은 작은 사업장에 맞춰져 있으므로, 이 규모의 고객을 위해 만든 점을 앞세웁니다"),
    ("free", 0): ("a free tool or manual work catches no mistake before it costs the buyer: lead with the risk it prevents", "무료 도구나 수작업은 위반·오류를 미리 알려 주지 않으므로, 막아 주는 위험을 앞세웁니다"),
    ("free", 1): ("a free tool or manual work costs the buyer time: lead with the time saved", "무료 도구나 수작업에는 담당자의 시간이 들므로, 줄어드는 시간을 앞세웁니다"),
    ("free", 2): ("a free option still takes effort to start: lead with how little it takes", "무료 방식도 시작에 품이 들므로, 시작이 쉬운 점을 앞세웁니다"),
    # nothing about the competitor is stated: the claim is chosen for how soon a buyer can check it
    ("", 0): ("the buyer can check it with reference customers before signing (the time to go live), so it holds until the rival's strengths are known", "계약 전에 레퍼런스 고객에게 물어 확인할 수 있는 점(도입 기간). 경쟁사의 강점을 알기 전까지 쓸 수 있음"),
    ("", 1): ("the buyer sees it in the first demo, so it holds until the rival's strengths are known", "첫 시연에서 고객이 바로 확인하는 점. 경쟁사의 강점을 알기 전까지 쓸 수 있음"),
    "": ("our strongest claim until the rival's strengths are known: tested in the first deals against it", "경쟁사의 강점을 알기 전까지 내세울 강점. 첫 경쟁 거래에서 통하는지 확인"),
}  # fmt: skip


def _pick(claims: list[str], prefer: tuple[str, ...], used: list[str]) -> str:
    """A claim not used yet that matches the kind's preferences (best first), else any claim not
    used yet, else the best match: two competitors get two claims when the plan has them. Claims
    that say the same ('One-day setup', '1-day setup') count as one."""
    return _pick_why(claims, prefer, used)[0]


def _pick_why(claims: list[str], prefer: tuple[str, ...], used: list[str]) -> tuple[str, int]:
    """(the claim, the index of the kind's preference it matched; -1 when none did)."""
    from assistant.analysis.text_words import words

    def same(a: str, b: str) -> bool:
        wa, wb = words(a), words(b)
        return bool(wa and wb) and (wa <= wb or wb <= wa)

    fresh = [c for c in claims if not any(same(c, u) for u in used)]
    for pool in (fresh, claims):
        for n, pattern in enumerate(prefer):
            hits = [c for c in pool if re.search(pattern, c, re.I)]
            if hits:
                return hits[0], n
        if pool is fresh and fresh:
            return fresh[0], -1
    return claims[0], -1


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


_BY_HAND = re.compile(
    r"\bspreadsheets?\b|\bexcel\b(?!l)|\bby hand\b|\bmanually\b|\bpen and paper\b|엑셀|수기로|수작업|손으로|종이\s*결재",
    re.I,
)


def _status_quo(plan: Plan) -> str | None:
    """The clause of the market or buyer answers that says how the buyers work today when it is
    spreadsheets or work by hand ('built by hand in Excel'), clipped; None when none says so."""
    from assistant.core.lang import clip_words

    for sid in ("mkt_audience_personas", "mkt_market_analysis", "sales_target_market"):
        for clause in re.split(r"(?<=[.!?;。])\s+|\n+|,\s+(?:and\s+)?|;\s*", plan.user_text(sid)):
            clause = clause.strip(" .")
            if _BY_HAND.search(clause) and len(clause) > 8:
                # from the verb phrase on ('Pains: reports … are built by hand in Excel')
                clause = re.sub(r"^[^:]{1,30}:\s*", "", clause)
                said = clip_words(clause, 70)
                # a Korean clause cut at its connective ('걸리고') is quoted as going on
                # a clause cut at its connective ending (EC: '걸리고'), not a noun ending in 고
                # ends as the persona card says the pain ('… 3일이 걸림'), never cut off
                from assistant.core.korean import bullet_form, tokens

                toks = tokens(said) if re.search(r"[가-힣]$", said) else []
                if toks and toks[-1].tag == "EC":
                    closed = bullet_form(said)
                    return closed if closed != said else said + " …"
                return said
    return None
