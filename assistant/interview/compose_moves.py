"""The strategy, sales strategy, tactics and training sections composed from the plan: each move
or step tied to the goals it serves, the channels or people that carry it, its funnel stage and
KPI, with the capacity the team needs computed; tactics checked against training. The user's
words are the table's cells, never the section."""

from __future__ import annotations

import re

from assistant.analysis.cadence import cadence_text
from assistant.analysis.lists import REFERRAL, team_roles
from assistant.analysis.plan_links import (
    STAGE_NAMES,
    Linker,
    PlanPage,
    clauses,
    fits,
    linker,
    stages_of,
)
from assistant.analysis.plan_review import METHODS
from assistant.analysis.text_words import words
from assistant.core.korean import as_heading
from assistant.core.lang import fix_particles
from assistant.core.plan import BudgetLine, Plan
from assistant.goals.numbers import format_amount
from assistant.interview.compose import _table, paying_lines
from assistant.interview.measure_names import measure_label
from assistant.interview.offer_words import TRIAL

_STAGE_KPI = {"awareness": "website_traffic", "consideration": "leads",
              "conversion": "marketing_conversion_rate", "retention": "churn_rate"}  # fmt: skip
_SALES_STAGES = [
    ("retention", ("Retention and expansion", "유지·확장"), r"churn|cancel|renew|upsell|cross-?sell|add-?on|해지|갱신|업셀|추가\s*판매|교차\s*판매|크로스\s*셀|간식", "churn_rate"),
    ("onboarding", ("Onboarding", "온보딩"), r"onboard|implement|go-?live|integrat|온보딩|연동|설치|도입 지원", "churn_rate"),
    ("prospecting", ("Prospecting", "발굴"), r"outbound|cold|prospect|sequence|inbound|referral|incentive|partner|추천|콜드|아웃바운드|발굴|인바운드|신청자|인센티브|대행사", "pipeline_coverage"),
    ("qualification", ("Qualification", "자격 검증"), r"medd?ic|bant|\bspin\b|qualif|discovery|자격|검증|니즈|만족도", "mql_to_sql_rate"),
    ("proposal", ("Demo and proposal", "시연·제안"), r"demo|calculator|\broi\b|business case|proposal|quote|scope|walk-?through|site visit|assessment|pilot|\bpoc\b|trial|데모|제안|견적|계산기|시연|체험|진단|실사", "win_rate"),
    ("closing", ("Closing", "계약 체결"), r"reference|case stud|testimonial|negotiat|discount|coupon|out-?clause|de-?risk|money-?back|guarantee|\bclos|레퍼런스|사례|협상|할인|쿠폰|계약|전환", "win_rate"),
]  # fmt: skip
_METHODS = METHODS


def _t(ko: bool, en: str, kr: str) -> str:
    return kr if ko else en


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].isalpha() else text


def _goal_list(numbers: list[int], ko: bool) -> str:
    if not numbers:
        return "-"
    return (f"목표 {', '.join(map(str, numbers))}" if ko
            else f"Goal{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}")  # fmt: skip


def _count_word(n: int) -> str:
    """A count that starts a sentence, spelt out ('Two moves …')."""
    return _WORDS_EN[n].capitalize() if 0 <= n < len(_WORDS_EN) else f"{n:,}"


def _served(page: PlanPage, move: str, link: Linker) -> list[int]:
    """Goals whose row picked this move, or that share a distinctive word with it."""
    out = [r.goal for r in page.rows if move in r.strategy]
    out += [r.goal for r in page.rows if r.goal not in out and link.shared(move, r.text) and fits(move, r.stages)]  # fmt: skip
    return sorted(out)


_SELF_SERVE = re.compile(
    r"self-?serve|app\s*store|marketplace|online\s*store|e-?commerce|자사몰|스토어|셀프", re.I
)


def strategy_markdown(plan: Plan, page: PlanPage, choices: str = "") -> str:
    """Marketing strategy: its choices (`strategy_choices`, composed by the caller), then each move
    with its stage, the goals it serves, its channels and KPI."""
    moves = clauses(plan.user_text("mkt_strategy"))
    if not moves or plan.section("mkt_strategy").author == "llm":
        return ""
    ko = plan.language == "ko"
    link = linker(plan, moves + list(plan.channels) + [r.text for r in page.rows])
    sellers = next((str(r["role"]) for r in team_roles(plan) if r["quota_carrying"]), "")
    lines = paying_lines(plan, list(plan.channels))
    covered: set[int] = set()
    seen: list[str] = []
    found: list[tuple[str, list[str], list[int], list[str], list[str], bool]] = []
    for move in moves:
        stages = stages_of(move)
        served = _served(page, move, link)
        if not served and stages:  # a move named by no goal serves the goal of its last stage
            # ('introductions from partner firms' win the new customers the customer goal counts)
            same = [r for r in page.rows if r.stages[:1] == stages[-1:]]
            rank = (
                "new_customers",
                "revenue",
                "sales_conversion_rate",
                "marketing_conversion_rate",
            )
            pick = min(same, key=lambda r: rank.index(r.kpi) if r.kpi in rank else len(rank), default=None)  # fmt: skip
            served = [pick.goal] if pick is not None else []
        covered.update(served)
        seen += [s for s in stages if s not in seen]
        # a channel named by the move, or by the budget line that pays for it ('direct mail' is
        # paid by 'direct mail + free health check offer': the free-health-check move's channel)
        channels = [c for c in plan.channels if link.shared(move, c) or ((ln := lines.get(c)) is not None and link.shared(move, ln.item))]  # fmt: skip
        by_sellers = (
            not channels
            and stages[-1:] == ["conversion"]
            and bool(sellers)
            and not _SELF_SERVE.search(move)
        )
        if by_sellers:
            # a trial, demo or proposal is worked by the sellers, not by whichever channel sits
            # at the conversion stage (an app store, partner agencies)
            channels = [_t(ko, f"{sellers} (direct sales)", f"{sellers}(직접 영업)")]
        channels = channels or [
            c for c in plan.channels if stages and set(stages_of(c)) & set(stages)
        ]
        kpis = [r.kpi for r in page.rows if r.goal in served and r.kpi] or [
            _STAGE_KPI[s] for s in stages[:1]
        ]
        found.append((move, stages, served, channels, kpis, by_sellers))
    # a channel no move names joins the move that works its stage (LinkedIn and a trade show
    # feed the leads move); one that fits none is said under the table
    orphans = []
    joined: set[str] = set()  # channels placed by their stage, not named by the move
    # a channel the sales answers give a job ('Shopify App Store as a self-serve channel') is the
    # sales plan's, not a marketing move's
    sales_said = " ".join(plan.user_text(x) for x in ("sales_territories_channels", "sales_strategy")).lower()  # fmt: skip
    for c in plan.channels:
        if any(c in f[3] for f in found) or c.strip(" .").lower() in sales_said:
            continue
        own = stages_of(c)
        home = next((f for f in found if not f[5] and set(own) & set(f[1])), None)
        # partners refer buyers the sellers then close: a referral channel joins the sellers' move
        if home is None and REFERRAL.search(c):
            home = next((f for f in found if f[5]), None)
        if home is not None:
            home[3].append(c)
            joined.add(c) if not home[5] else None
        else:
            orphans.append(c)
    with_budget = any(lines.values())
    rows = []
    money_of: list[tuple[str, list[str], float]] = []  # each move with its own lines' money
    counted: dict[int, int] = {}  # a line is counted once, under the first move that uses it
    for n, (move, stages, served, channels, kpis, by_sellers) in enumerate(found, 1):
        paid = list(dict.fromkeys(id(ln) for c in channels if (ln := lines.get(c)) is not None))
        before = sorted({counted[i] for i in paid if i in counted})
        new = [i for i in paid if i not in counted]
        counted.update(dict.fromkeys(new, n))
        amount = sum(ln.amount or 0 for ln in plan.budget.lines if id(ln) in new)
        money_of.append((move, stages, float(amount)))
        share = sum(ln.share or 0 for ln in plan.budget.lines if id(ln) in new)
        if amount and plan.budget.total:  # from the amounts, not rounded shares added up
            share = round(amount / plan.budget.total * 100, 1)
        money = (f"{format_amount(amount, plan.budget.currency, plan.language)} ({share:g}%)" if amount
                 else f"{share:g}%" if share else "")  # fmt: skip
        parts = [ln for ln in plan.budget.lines if id(ln) in new]
        if len(parts) > 1 and amount:  # the lump said line by line: where the move's money goes
            money += ": " + ", ".join(f"{ln.item} {format_amount(ln.amount or 0, plan.budget.currency, plan.language)}" for ln in parts)  # fmt: skip
        if before:  # lines an earlier move already counts are named, not added again
            also = ", ".join(str(b) for b in before)
            money += (" + " if money else "") + _t(ko, f"lines of move {also}", f"{also}번 실행 방향의 항목")  # fmt: skip
        # a move the sellers carry is paid from the sales team's cost, not a marketing line
        money = money or (_t(ko, "sales team cost", "영업팀 비용") if by_sellers else "-")
        rows.append([
            as_heading(move) if ko else _cap(move), " → ".join(STAGE_NAMES[s][ko] for s in stages) or "-",
            _goal_list(served, ko), _channel_cell(channels[:8], joined, ko) or "-",
            *([money] if with_budget else []),
            ", ".join(dict.fromkeys(
                # a move that converts with a trial is measured by the trial's conversion first
                (["체험→고객 전환율" if ko else "Trial-to-customer rate"] if TRIAL.search(move) and "conversion" in stages else [])
                + [measure_label(plan, k) for k in kpis]
            )) or "-",
        ])  # fmt: skip
    head = (["실행 방향", "퍼널 단계", "지원 목표", "채널", "KPI"] if ko
            else ["Move", "Funnel stage", "Serves", "Channels", "KPI"])  # fmt: skip
    if with_budget:
        head.insert(4, "예산(채널 항목)" if ko else "Budget (channel lines)")
    order = [s for s in STAGE_NAMES if s in seen]
    lead = _t(
        ko,
        f"{_count_word(len(moves))} moves take buyers from {STAGE_NAMES[order[0]][0].lower()} to {STAGE_NAMES[order[-1]][0].lower()}."
        if order else f"The strategy has {_count_word(len(moves)).lower()} moves.",
        f"실행 방향 {len(moves)}가지가 {STAGE_NAMES[order[0]][1]} 단계부터 {STAGE_NAMES[order[-1]][1]} 단계까지 이어집니다."
        if order else f"실행 방향은 {len(moves)}가지입니다.",
    )  # fmt: skip
    from assistant.analysis.lists import first_segment

    # with the choices shown (where to win, why buyers choose us) the table speaks for itself: a
    # count of moves and the stages they span above it read as filler to directors
    if choices:
        lead = ""
    # the segment the target market starts with is where the moves start too (said once: in the
    # choices when they are shown)
    first = first_segment(plan.user_text("sales_target_market"), ko)
    if first and first not in choices:
        lead = (
            lead
            + (
                f" {first}부터 공략합니다."
                if ko
                else f" {'They' if lead else 'The moves'} start with {first}."
            )
        ).strip()
    # a goal that states its own means ('분기별 고객 리뷰를 도입해') says how it is reached
    own_means = {plan.goal_number(g) for g in plan.goals if g.frame is not None and g.frame.means}
    loose = ""
    if orphans:
        names = ", ".join(c.strip(" .") for c in orphans)
        loose = _t(ko, f"Channels no move uses: {names}. Say which move each serves, or drop it.",
                   fix_particles(f"어느 실행 방향에도 쓰이지 않는 채널: {names}. 각 채널이 어느 실행 방향을 돕는지 정하거나 빼야 합니다."))  # fmt: skip
    shared, taken = _shared_lines(plan, page, found, lines, ko) if with_budget else ("", {})
    # a move's money is what its lines leave after the activities they pay for other goals
    money_of = [(move, stages, max(0.0, money - taken.get(move, 0.0))) for move, stages, money in money_of]  # fmt: skip
    from assistant.interview.offer_volume import offer_volume_note

    volume = offer_volume_note(plan, "mkt_strategy")  # a free offer is work to staff
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.move_targets import move_targets

    deliver = move_targets(plan, analyse(plan), money_of)  # each move's numbers to hit
    return "\n\n".join(p for p in (lead, choices, _table(head, rows), shared, deliver, volume, loose, _coverage(page, covered | own_means, ko)) if p)  # fmt: skip


def _shared_lines(plan: Plan, page: PlanPage, found: list[tuple[str, list[str], list[int], list[str], list[str], bool]], lines: dict[str, BudgetLine | None], ko: bool) -> tuple[str, dict[str, float]]:  # fmt: skip
    """A move's line that also pays a dated activity serving none of the move's goals (the events
    line's customer conference keeps customers; it brings no leads): said, with the money the move
    keeps when the activity's cost is stated or proposed (the calendar's figure), so the move's
    money is not read as all its own. Returns the note and each move's money taken."""
    from assistant.analysis.months import event_shares

    pays = paying_lines(plan, [e.activity for e in plan.calendar])
    total = plan.number("marketing_budget") or plan.budget.total or 0.0
    proposed = event_shares(plan, total)[0] if total else {}
    cur, lang = plan.budget.currency, plan.language
    out: list[str] = []
    taken: dict[str, float] = {}
    for move, _stages, served, channels, _kpis, _by in found:
        items = {ln.item for c in channels if (ln := lines.get(c)) is not None}
        own = sum(ln.amount or 0.0 for ln in plan.budget.lines if ln.item in items)
        for e in plan.calendar:
            line = pays.get(e.activity)
            goals = [r.goal for r in page.rows if f"{e.when}: {e.activity}" in r.activities]
            if line is None or line.item not in items or not goals or set(goals) & set(served):
                continue
            g = ", ".join(map(str, goals))
            cost = e.cost if e.cost is not None else proposed.get(id(e))
            if cost and own > cost:
                taken[move] = taken.get(move, 0.0) + cost
                said = format_amount(cost, cur, lang) + ("" if e.cost is not None else ("(제안)" if ko else " (proposed)"))  # fmt: skip
                left = format_amount(own - taken[move], cur, lang)
                out.append(
                    fix_particles(
                        f"'{line.item}' 예산 중 {said}은 목표 {g}번을 돕는 {e.when} {e.activity}에 쓰이므로, '{as_heading(move)}'에 쓸 수 있는 예산은 {left}입니다."
                    )  # fmt: skip
                    if ko
                    else f"{said[:1].upper() + said[1:]} of the '{line.item}' line pays for {e.activity} ({e.when}), which serves goal {g}, so '{_cap(move)}' has {left} to spend."  # fmt: skip
                )
                continue
            out.append(
                fix_particles(
                    f"'{line.item}' 예산은 목표 {g}번을 돕는 {e.when} {e.activity}에도 쓰이므로, '{as_heading(move)}'에 쓸 수 있는 금액은 그만큼 줄어듭니다."
                )  # fmt: skip
                if ko
                else f"The '{line.item}' line also pays for {e.activity} ({e.when}), which serves goal {g}, so '{_cap(move)}' has that much less of it."  # fmt: skip
            )
    return " ".join(dict.fromkeys(out)), taken


def _coverage(page: PlanPage, covered: set[int], ko: bool) -> str:
    open_goals = [r.goal for r in page.rows if r.goal not in covered and not r.strategy]
    if not page.rows:
        return ""
    if not open_goals:  # nothing to report: the table shows each goal's moves
        return ""
    nums = ", ".join(map(str, open_goals))
    return _t(ko, f"No move serves goal {nums} yet: add how it will be reached.",
              f"목표 {nums}번을 지원하는 실행 방향이 아직 없습니다. 어떻게 달성할지 적어야 합니다.")  # fmt: skip


def _who(step: str, roles: list[dict[str, object]]) -> list[dict[str, object]]:
    """Team roles a step names: by a shared word or by initials ('AEs' for account executives).
    The step's own words before a qualifier ('… including 1 week on the carrier-sales floor',
    '… with field technicians') name whom it trains, when they name anyone."""
    head = re.split(r"\s+(?:including|incl\.?|with|w/|on\s+the|at\s+the)\s+", step, maxsplit=1, flags=re.I)[0]  # fmt: skip
    if head != step and (found := _named(head, roles)):
        return found
    return _named(step, roles)


def _named(step: str, roles: list[dict[str, object]]) -> list[dict[str, object]]:
    out = []
    for r in roles:
        name = str(r["role"])
        letters = re.findall(r"[A-Za-z]+", name)
        initials = "".join(w[0] for w in letters).lower().rstrip("s")
        by_initials = len(initials) >= 2 and re.search(rf"\b{initials}s?\b", step, re.I)
        # 'shipper account executives' are AEs too: the last two words' initials, as an acronym
        # is written ('AEs', never the 'am' of '9 am')
        tail = "".join(w[0] for w in letters[-2:]).upper() if len(letters) > 2 else ""
        by_tail = bool(tail) and re.search(rf"\b{tail}s?\b", step)
        shared = (words(step) & words(name)) - {
            "sales",
            "manag",
            "accou",  # 'account executives' are not 'account managers'
            "team",
            "영업",
            "담당자",
            "팀",
            "매니저",
            "담당",
            "팀장",
        }
        # a short name or acronym is found as written: 'AE가', 'CSM은', 'SDRs'
        stem = name if len(name) <= 5 else name.rstrip("s")
        as_written = re.search(rf"(?<![A-Za-z]){re.escape(stem)}s?(?![A-Za-z])", step, re.I)
        if by_initials or by_tail or shared or as_written:
            out.append(r)
    return out


def states_money(text: str) -> bool:
    """An amount of money outside brackets: the text states a figure (a budget, a price, last
    year's sales, expected expansion), which the analysis shows; it is no step or element."""
    from assistant.goals.numbers import read_quantities

    outside = re.sub(r"\([^)]*\)", " ", text)
    return any(
        q.unit in ("USD", "EUR", "GBP", "JPY", "KRW")
        or q.is_money_in("KRW")  # '28억' in a sentence: an amount of won
        for q in read_quantities(outside)
    )


# a rate, a cycle or a sum the analysis shows: 'Gross margin 42%', '영업 주기 45일', '36 - 6 + 12 = 48억'
_FIGURE = re.compile(
    r"(?:gross\s+margin|margin|sales\s+cycle|cycle\s+length|win\s+rate|churn|conversion|funnel|"
    r"매출총이익률|마진|영업\s*주기|전환율|해지율|이탈률|퍼널)[^.]{0,20}?\d"
    r"|\d\s*(?:[-+x×*/]\s*\d[\d.,]*\s*)+=\s*\d",
    re.I,
)


def states_figure(text: str) -> bool:
    """A money amount, a rate or cycle, or a sum: a figure the analysis shows, not a step."""
    return states_money(text) or bool(_FIGURE.search(text))


def _as_step(clause: str) -> str:
    """A Korean step ends as the plan's bullets do (개조식): '14일 체험을 진행합니다' -> '14일 체험을
    진행함', '리드는 AE가 바로 맡습니다' -> '… 맡음', a clause closed as '… 진단을 잡기' -> '… 잡음'
    (a native reader found '맡기' and a bare '교차 판매' beside each other stilted and cut off)."""
    from assistant.core.korean import bullet_form, noun_form, re_hangul, tokens

    if not re_hangul(clause):
        return clause
    text = clause.strip(" .")
    toks = [t for t in tokens(text) if t.form.strip()]
    if len(toks) > 1 and toks[-1].tag == "ETN" and toks[-1].form == "기" and toks[-2].tag.split("-")[0] in ("VV", "XSV"):  # fmt: skip
        stem = toks[-2].form
        irregular = toks[-2].tag.endswith("-I")
        if irregular and not (stem[-1:] and (ord(stem[-1]) - 0xAC00) % 28 == 17):
            return text  # a ㄷ/ㅅ/르 irregular ('듣기') stays as it is: no '듣음'
        return text[: toks[-2].start] + noun_form(stem, irregular)
    return bullet_form(text) or clause


# a demo, trial or ROI calculator wins the deal (win rate); one that sells a bigger package moves
# the deal's size
_BIGGER = re.compile(
    r"bundle|package|tier|premium|upgrade|multi-?year|번들|패키지|상위\s*요금|업그레이드|다년", re.I
)


def _sales_stage(text: str) -> tuple[str, str, str] | None:
    for key, names, cue, kpi in _SALES_STAGES:
        if re.search(cue, text, re.I):
            if key == "proposal" and _BIGGER.search(text):
                kpi = "average_deal_size"
            if key == "qualification" and re.search(r"medd?p?i?cc?|opportunit|기회", text, re.I):
                # MEDDICC qualifies opportunities: a deal it lets through is one the seller can
                # commit, so it moves the forecast's accuracy first (and the close rate after)
                kpi = "forecast_accuracy"
            return key, names[0], kpi
    return None


def per_period(count: int, period: str, ko: bool) -> str:
    """'one a quarter', '주 3회'."""
    kr = {"week": "주", "month": "월", "quarter": "분기", "half": "반기", "year": "연"}.get(
        period, ""
    )
    en = _WORDS_EN[count] if count < len(_WORDS_EN) else str(count)
    if period == "fortnight":
        return _t(ko, f"{en} every two weeks", f"격주 {count}회")
    return _t(
        ko, f"{en} every six months" if period == "half" else f"{en} a {period}", f"{kr} {count}회"
    )


_WORDS_EN = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]


_cadence = cadence_text


def _channel_cell(channels: list[str], joined: set[str], ko: bool) -> str:
    """The move's own channels, then the ones placed with it by their funnel stage, said as such
    ('webinars, plus LinkedIn and NRF trade show at the same stages'): a trade show is not a search move's channel."""
    named = [c for c in channels if c not in joined]
    placed = [c for c in channels if c in joined]
    if not named or not placed:
        return ", ".join(channels)
    if ko:
        return ", ".join(named) + " · 같은 단계에서 함께 쓰는 채널: " + ", ".join(placed)
    others = ", ".join(placed[:-1]) + " and " + placed[-1] if len(placed) > 1 else placed[0]
    return f"{', '.join(named)}, plus {others} at the same stages"
