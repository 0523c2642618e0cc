"""The market analysis as analysis: the market's size, growth and trends in a table (the user's
clauses in the cells), what they mean for the plan (the share of the market the revenue goal
is, the plan's growth against the market's and whom the share must come from), the SWOT and the
competitors. Nothing of the answer is pasted as a paragraph."""

from __future__ import annotations

import re

from assistant.analysis.company_intro import is_intro
from assistant.analysis.lists import SWOT_LABELS, competitor_list, labelled
from assistant.analysis.market_read import MarketFigures, clauses, market_figures, market_text
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.goals.numbers import about, format_amount
from assistant.interview.compose import _ASK, _table


def _pct(value: float) -> str:
    return f"{value:.1f}%" if value < 10 else f"{value:.0f}%"


def market_meaning(plan: Plan, m: MarketFigures | None = None) -> list[str]:
    """What the market's figures mean for the plan, in the plan's language."""
    m = m or market_figures(plan)
    ko, lang = plan.language == "ko", plan.language
    out: list[str] = []
    if m.plan_share is not None and m.size:
        share = ("0.1% 미만" if ko else "under 0.1%") if m.plan_share < 0.1 else _pct(m.plan_share)
        size = format_amount(m.size, m.currency, lang)
        if m.size_then and m.year and m.rate is not None:  # grown to the goal's year
            then = format_amount(about(m.size_then), m.currency, lang)
            rate = m.rate
            out.append(
                fix_particles(f"{size} 시장이 연 {rate:g}% 성장하면 {m.year}년 약 {then}이 되고, 매출 목표는 그 약 {share}입니다.")
                if ko
                else f"At {rate:g}% a year the {size} market reaches about {then} in {m.year}; the revenue goal is about {share} of it."
            )  # fmt: skip
        else:
            out.append(
                fix_particles(f"매출 목표는 {size} 시장의 약 {share}입니다.")
                if ko
                else f"The revenue goal is about {share} of this {size} market."
            )
    rates = [g for g, _ in m.growth]
    if m.plan_growth is not None and rates:
        market, fastest = rates[0], max(rates)
        also = ""
        if m.segment_only:  # the only growth stated is a part's: said as the segment's
            also = "(해당 세그먼트)" if ko else " (the segment)"
        elif fastest != market:
            also = (
                f"(가장 빠른 세그먼트 {fastest:g}%)"
                if ko
                else f" ({fastest:g}% for the fastest segment)"
            )
        rivals = ", ".join(
            re.sub(r"\s*\([^()]*\)", "", c).strip(" .") for c in competitor_list(plan)[:3]
        )
        if m.plan_growth > 1.5 * fastest:
            taken = m.plan_growth - market
            if ko:
                whom = f"경쟁사({rivals})의 고객" if rivals else "경쟁사의 고객"
                out.append(f"계획은 매출을 {m.plan_growth:.0f}% 늘리는데 시장은 연 {market:g}%{also} 성장합니다. 시장만큼 자라면(연 {market:g}%{_with_money(m, market, lang)}) 점유율을 지키는 데 그치므로, 나머지 약 {taken:.0f}%p{_of_base(m, taken, lang)}는 {whom}이나 아직 제품을 쓰지 않는 고객을 확보하거나 기존 고객을 확장해 채워야 합니다.")  # fmt: skip
            else:
                whom = (
                    f"customers of {rivals} and buyers with no product yet"
                    if rivals
                    else "competitors' customers and buyers with no product yet"
                )
                out.append(f"The plan grows revenue {m.plan_growth:.0f}% against a market growing {market:g}% a year{also}: growing with the market ({market:g}%{_with_money(m, market, lang)}) would only hold share, so the other {taken:.0f} points{_of_base(m, taken, lang)} must come from gaining share ({whom}) or from expanding existing customers.")  # fmt: skip
        elif m.plan_growth >= 0.8 * market:
            out.append(
                f"계획의 매출 성장({m.plan_growth:.0f}%)은 시장 성장(연 {market:g}%{also})과 비슷해 점유율을 지키는 수준입니다."
                if ko
                else f"The plan grows revenue {m.plan_growth:.0f}%, close to the market's {market:g}% a year{also}: it holds its share."
            )
        else:
            out.append(
                f"계획의 매출 성장({m.plan_growth:.0f}%)은 시장(연 {market:g}%{also})보다 느려 점유율이 줄어듭니다."
                if ko
                else f"The plan grows revenue {m.plan_growth:.0f}%, slower than the market's {market:g}% a year{also}: it loses share."
            )
    return out


def market_headline(plan: Plan) -> str:
    """The market in one sentence for the summary: the goal's share of a market growing so fast,
    and how much of the plan's growth must come from share or expansion (the section's bullets
    say each part at length; the summary never repeats them word for word)."""
    m = market_figures(plan)
    ko, lang = plan.language == "ko", plan.language
    rates = [g for g, _ in m.growth]
    market = m.rate if m.rate is not None else (rates[0] if rates and not m.segment_only else None)
    parts: list[str] = []
    if m.plan_share is not None and m.size:
        share = ("0.1% 미만" if ko else "under 0.1%") if m.plan_share < 0.1 else _pct(m.plan_share)
        size = format_amount(m.size, m.currency, lang)
        if (
            m.size_then and m.year and m.rate is not None
        ):  # the share is of the goal's year's market
            then = format_amount(about(m.size_then), m.currency, lang)
            parts.append(
                f"매출 목표는 {m.year}년 약 {then} 규모가 될 시장(현재 {size}, 연 {m.rate:g}% 성장)의 약 {share}"
                if ko
                else f"the revenue goal is about {share} of a market worth about {then} in {m.year} ({size} today, growing {m.rate:g}% a year)"
            )  # fmt: skip
        elif ko:
            parts.append(f"매출 목표는 {f'연 {market:g}% 성장하는 ' if market is not None else ''}{size} 시장의 약 {share}")  # fmt: skip
        else:
            parts.append(f"the revenue goal is about {share} of a {size} market{f' growing {market:g}% a year' if market is not None else ''}")  # fmt: skip
    else:  # no share to state: the section's own reading of the market
        return " ".join(market_meaning(plan, m))
    if m.plan_growth is not None and market is not None and rates:
        fastest = max(rates)
        if m.plan_growth > 1.5 * fastest:
            taken = m.plan_growth - market
            parts.append(
                f"목표 성장 {m.plan_growth:.0f}% 중 약 {taken:.0f}%p는 점유율 확대나 기존 고객 확장으로 채워야 합니다"
                if ko
                else f"about {taken:.0f} of the plan's {m.plan_growth:.0f} points of growth must come from share gains or expansion"
            )
        elif m.plan_growth < 0.8 * market:
            parts.append(f"목표 성장 {m.plan_growth:.0f}%는 시장보다 느려 점유율이 줄어듭니다" if ko else f"the plan's {m.plan_growth:.0f}% growth trails the market, so share falls")  # fmt: skip
    if not parts:
        return " ".join(market_meaning(plan, m))
    if ko:
        first = parts[0] if parts[0].endswith("다") else parts[0] + "입니다"
        text = first if len(parts) == 1 else (parts[0] + "이고, " + parts[1] if not parts[0].endswith("다") else parts[0] + ". " + parts[1])  # fmt: skip
        return fix_particles(text.rstrip(".") + ".")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


_FILLER = re.compile(
    r"\d[\d.,]*\s*%?|\b(?:the|a|an|of|about|around|roughly|nearly|over|some|is|are|was|grows?|growing|"
    r"growth|rate|year|yearly|annual(?:ly)?|per|at|segment|market|its|it|by|and|cagr)\b|"
    r"연|약|매년|성장(?:하고|하며|합니다|하고\s*있습니다|률|세)?|있습니다|시장|규모|정도|씩|으로|로|은|는|이|가",
    re.I,
)


_COUNTED = re.compile(
    r"\d[\d,.]*\s*(?:만\s*)?(?:곳|개사|개\s*(?:업체|기업|매장|점포)|(?:[a-z-]+\s+){0,2}(?:companies|businesses|firms|accounts|stores|chains|shops|caf[eé]s|clinics|practices|restaurants|merchants|brands|buildings|schools|hospitals|outlets|locations|venues|sites|retailers|dealers|dealerships|franchises|franchisees|salons|gyms|pharmacies|hotels|offices|agencies|plants|factories|farms|households|homes)\b|가맹점|점포|매장|업체|기업|병원|의원|학교)",
    re.I,
)


def _restates(detail: str) -> bool:
    """A detail that says nothing but the growth figure beside it."""
    return len(re.sub(r"[\W_]", "", _FILLER.sub(" ", detail))) < 6


def _bare(clause: str) -> str:
    """A clause without the connective that tied it to the next ('약 2조 원이고' -> '약 2조 원')."""
    return re.sub(r"(?:(?<=원)이고|(?<=원)이며|(?<=규모)(?:로|이며|이고))$", "", clause)


def _rivals_sentence(sentence: str, rivals: list[str]) -> bool:
    low = sentence.lower()
    return sum(1 for r in rivals if r.strip(" .").lower()[:12] in low) >= 2 or bool(
        re.match(r"(?:competitors?|key competitors|경쟁사|경쟁\s*업체)", sentence.strip(), re.I)
    )


def swot_grid(plan: Plan) -> tuple[list[str], list[list[str]]] | None:
    """The SWOT as a 2x2 (header, rows) in the answer's words, a part not given asked for; None
    when no part is given. The deck shows it; the section only when its table does not hold
    every item."""
    parts, _ = labelled(plan.section("mkt_market_analysis").content, SWOT_LABELS)
    if not any(k in parts for k in "swot"):
        return None
    ko = plan.language == "ko"
    ask = _ASK["ko" if ko else "en"]
    head = ["", "긍정적 요인" if ko else "Helpful", "부정적 요인" if ko else "Harmful"]
    return head, [
        ["내부" if ko else "Internal", f"{'강점' if ko else 'Strengths'}: {parts.get('s', ask)}", f"{'약점' if ko else 'Weaknesses'}: {parts.get('w', ask)}"],
        ["외부" if ko else "External", f"{'기회' if ko else 'Opportunities'}: {parts.get('o', ask)}", f"{'위협' if ko else 'Threats'}: {parts.get('t', ask)}"],
    ]  # fmt: skip


def market_markdown(plan: Plan) -> str:
    text = plan.section("mkt_market_analysis").content
    parts, _ = labelled(text, SWOT_LABELS)
    ko = plan.language == "ko"
    from assistant.interview.misplaced import reads_as_budget

    if reads_as_budget(text):  # a budget typed here: not read as the market's trend
        return (
            "_이 답은 예산(총액과 항목별 비중)으로 보여 시장 분석으로 읽지 않았습니다. 예산은 '이동 예산'으로 예산 질문에 입력하고, 여기에는 시장 규모, 성장, 경쟁사와 SWOT를 적어 주세요._"
            if ko
            else "_This answer reads as a budget (a total and its split), so it is not read as the market analysis. Give the budget at the budget question ('goto budget') and the market's size, growth, competitors and SWOT here._"
        )
    m = market_figures(plan)
    rivals = competitor_list(plan)
    rows: list[list[str]] = []
    if m.size_clause:
        rows.append(["시장 규모" if ko else "Size", format_amount(m.size or 0, m.currency, plan.language), _bare(m.size_clause)])  # fmt: skip
    # a figure the user corrected says so beside the words it replaced
    fixed = {fid: f for fid in ("market_size", "market_growth") if (f := plan.fact(fid)) is not None and f.corrected}  # fmt: skip
    if rows and "market_size" in fixed:
        rows[-1][2] = (
            f"수정함(답변: {rows[-1][2]})" if ko else f"corrected (the answer said: {rows[-1][2]})"
        )
    first_growth = m.growth[0][1] if m.growth else ""
    for rate, clause in m.growth:
        if clause == first_growth and "market_growth" in fixed:
            shown = f"{'연 ' if ko else ''}{rate:g}%{'' if ko else ' a year'}"
            rows.append(["성장" if ko else "Growth", shown, f"수정함(답변: {_bare(clause)})" if ko else f"corrected (the answer said: {_bare(clause)})"])  # fmt: skip
            continue
        if clause == m.size_clause:
            rows[-1][0] = "규모·성장" if ko else "Size and growth"
            rows[-1][1] += f", {'연 ' if ko else ''}{rate:g}%{'' if ko else ' a year'}"
            continue
        rows.append(["성장" if ko else "Growth", f"{'연 ' if ko else ''}{rate:g}%{'' if ko else ' a year'}", _bare(clause)])  # fmt: skip
    used = set(m.used)
    for sentence in re.split(r"(?<=[.!?。])\s+|\n+", market_text(plan)):
        sentence = sentence.strip(" .")
        if (
            not sentence
            or all(c in used for c in clauses(sentence))
            or is_intro(sentence, plan.company or "")
        ):
            continue  # 'We are Brightloom Analytics, a …' names the company, not a market trend
        if _rivals_sentence(sentence, rivals):
            if not rivals:  # the competitors in a sentence no list reads: the sentence is the row
                rows.append(["경쟁" if ko else "Competition", "-", sentence])
            continue
        pieces = clauses(sentence)
        kept = [c for c in pieces if c not in used]
        # a sentence nothing else took is its own row: its clauses rejoined with ';' would leave
        # a Korean connective dangling ('늘지만; 중국산 …')
        rest = sentence if len(kept) == len(pieces) else "; ".join(kept)
        if rest:
            rows.append(["동향" if ko else "Trend", "-", rest])
    # a growth row whose detail only restates its figure ('the segment grows about 11% a year')
    # takes the first trend as what drives it, instead of a row of '-' and a row of restatement
    trend = "동향" if ko else "Trend"
    for row in rows:
        if row[0] in ("성장", "Growth") and _restates(row[2]):
            driver = next((r for r in rows if r[0] == trend), None)
            if driver is not None:
                row[2] = driver[2]
                rows.remove(driver)
            break
    unsized = (
        m.size is None and market_text(plan).strip() and not _COUNTED.search(market_text(plan))
    )
    if unsized and (sized := _size_to_count(plan)) is not None:  # how to get it, at the deal
        rows.insert(0, sized)
    out = []
    if rows:
        head = ["항목", "수치", "내용"] if ko else ["", "Figure", "Detail"]
        if all(r[1] == "-" for r in rows):
            head, rows = [head[0], head[2]], [[r[0], r[2]] for r in rows]
        out.append(f"**{'시장' if ko else 'Market'}**\n\n" + _table(head, rows))
    meaning = market_meaning(plan, m)
    # a true gap, with what would close it; a count of the businesses in the market ('약 9,000곳',
    # '12,000 clinics') is a size in accounts, so no gap
    if m.size is None and market_text(plan).strip() and not _COUNTED.search(market_text(plan)):
        from assistant.analysis.plan_goals import plan_year

        # the owner's task with its date: the count every share, territory and quota rests on
        year = plan_year(plan)
        from assistant.analysis.plan_goals import quota_sellers

        if quota_sellers(plan):  # one task, one owner, one date: the target market's count
            meaning.append(
                "시장 규모가 없어 목표가 시장의 얼마인지 판단할 수 없습니다. 목표 시장의 '대상 기업 수 집계'(1월 말까지)로 센 기업 수에서 점유율, 지역별 목표와 할당량을 정하는 것을 권합니다."
                if ko
                else "No market size is stated, so the goal's share of the market cannot be judged. Recommended: set the share, territories and quotas from the target market's account count (its 'Accounts to count' task, due by the end of January)."
            )
        else:
            meaning.append(
                f"시장 규모가 없어 목표가 시장의 얼마인지 판단할 수 없습니다. {year}년 1분기 말까지 목표 시장에 맞는 기업 수를 기업 DB나 업계 명부로 세어(마케팅팀), 점유율과 지역별 목표를 그 수로 정하는 것을 권합니다."
                if ko
                else f"No market size is stated, so the goal's share of the market cannot be judged. Recommended: by the end of Q1 {year}, the marketing team counts the accounts that fit the target market (from a list vendor or industry directory), and the share, territories and quotas are set from that count."
            )
    if meaning:
        out.append(f"**{'시사점' if ko else 'What it means for the plan'}**\n\n" + "\n".join(f"- {x}" for x in meaning))  # fmt: skip
    if (grid := swot_grid(plan)) is not None:
        from assistant.interview.compose_swot import swot_covered, swot_markdown

        whole = swot_covered(plan)  # the table holds every item: no 2x2 repeating the answer
        if not whole:
            out.append("**SWOT**\n\n" + _table(*grid))
        put_to_work = swot_markdown(plan, whole)
        if put_to_work:
            out.append(put_to_work)
    elif rivals:
        out.append(
            "_SWOT(강점, 약점, 기회, 위협)는 아직 없습니다. 경쟁사 대비 강점과 약점을 한 줄씩 적어야 합니다._"
            if ko
            else "_No SWOT yet: add one line each for strengths, weaknesses, opportunities and threats against these competitors._"
        )
    if rivals:  # each competitor with the plan's claim that answers its kind
        from assistant.interview.compose_rivals import rivals_markdown
        from assistant.interview.message_house import differentiators

        out.append(rivals_markdown(plan, rivals, differentiators(plan)))
    if not rows and not any(k in parts for k in "swot"):
        return ""
    return "\n\n".join(out)


def _with_money(m: MarketFigures, points: float, lang: str) -> str:
    """', 약 3억 원' / ', about $600,000': a growth rate's money of the base, after the rate."""
    said = _of_base(m, points, lang).strip(" ()")
    return (f", 약 {said}" if lang == "ko" else f", about {said}") if said else ""


def _of_base(m: MarketFigures, points: float, lang: str) -> str:
    """Points of growth said as money of the base too ('15%p(6억 3,000만 원)'): the two parts add
    up to the goal's growth, which points of different bases would not show."""
    if not m.plan_base:
        return ""
    amount = format_amount(about(m.plan_base * points / 100), m.currency, lang)
    return f"({amount})" if lang == "ko" else f" ({amount})"


def _size_to_count(plan: Plan) -> list[str] | None:
    """The market size row when none is stated: the accounts that fit the target market times
    today's deal is the yearly revenue the plan sells into, with what each 1,000 accounts are
    worth and the share of them the customer goal is ('each 1,000 chains that fit: $14,000,000
    a year; the 70 new customers are 7% of them'). None without a deal size."""
    from assistant.analysis.plan_goals import customer_goal, deal_base, deal_size
    from assistant.analysis.revenue_models import model_of

    size = deal_size(plan)
    # a yearly deal is a subscription's; a project or an order is no revenue a year per customer
    if size is None or size[0] <= 0 or model_of(plan) != "subscription":
        return None
    from assistant.interview.compose import sells_to_consumers

    noun = "명" if sells_to_consumers(plan) else "곳"
    ko, lang = plan.language == "ko", plan.language
    # today's deal, not a deal-size goal's target ($14,000, not the $17,000 aimed at)
    per, cur = (
        (deal_base(plan, size[0], size[1]) if size[2] == "goal" else None) or size[0],
        size[1],
    )
    won = customer_goal(plan)
    # the unit counted: a power of ten at least ten times the customer goal (1,000 for 70 new
    # customers, 1,000,000 for 12,100 new subscribers), so the goal is a small share of it
    unit = 1000
    while won is not None and won[1] * 10 > unit:
        unit *= 10
    worth = per * unit
    per_unit = ("" if about(worth) == worth else ("약 " if ko else "about ")) + format_amount(
        about(worth), cur, lang
    )
    deal = format_amount(per, cur, lang)
    share = ""
    n_ko = format_amount(unit, "", lang) if ko else ""
    n_ko += " " if n_ko[-1:] in ("만", "억") else ""  # '1만 곳', '1,000곳'
    if won is not None and won[1] > 0:
        pct = f"{won[1] / unit * 100:.1f}".rstrip("0").rstrip(".")
        share = (
            f" 신규 고객 목표 {won[1]:,.0f}{noun}은 그 {pct}%입니다."
            if ko
            else f", and the {won[1]:,.0f} new customers a year would be {pct}% of them"
        )
    if ko:
        return ["시장 규모", "집계 전", f"목표 시장에 맞는 고객 수 × 현재 고객당 연 매출 {deal}. 규모 감각: 맞는 고객 {n_ko}{noun}마다 연 {per_unit}입니다.{share}"]  # fmt: skip
    return ["Size", "not stated", f"Customers that fit the target market × today's {deal} a customer a year. For scale: each {unit:,} that fit are {per_unit} a year{share}."]  # fmt: skip
