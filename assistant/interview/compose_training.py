"""Sales tactics and training as plans: each tactic with its sales stage, the KPI it moves and
the persona objection it answers; each training programme with its cadence, sessions a year, who
attends and what it builds; and the tactics no programme teaches this year, said once with where to teach them."""

from __future__ import annotations

import re

from assistant.analysis.cadence import recurring_items
from assistant.analysis.lists import FIRST_TOUCH, team_roles, with_count
from assistant.analysis.objection_kinds import sales_tactics
from assistant.analysis.text_words import words
from assistant.core.lang import fix_particles, low_first
from assistant.core.plan import Goal, Plan
from assistant.goals.kpi import kpi_label
from assistant.interview.compose_moves import (
    _METHODS,
    _SALES_STAGES,
    _cadence,
    _cap,
    _sales_stage,
    _t,
    _table,
    _who,
)
from assistant.interview.tactic_use import tactic_use
from assistant.interview.training_plan import ONBOARD, measured_by, run_by

# a team this large replaces people through the year (turnover), hires stated or not
_TURNOVER_TEAM = 30
# newcomers a programme trains who are not the company's hires
_NOT_STAFF = re.compile(
    r"franchisee|new\s+(?:partners?|dealers?|resellers?)\b|가맹점주|신규\s*(?:파트너|대리점|협력사)",
    re.I,
)


def tactics_markdown(plan: Plan) -> str:
    """Each tactic with its sales stage, the KPI it moves, and whether training covers it; then
    the buyers' objections no tactic answers, each with the tactic recommended for its kind."""
    table = _tactics_table(plan)
    notes = [n for n in (_goals_unserved(plan), _unanswered(plan)) if n] if table else []
    return "\n\n".join([table, *notes]) if table else ""


# a sales goal of each kind the close-rate tactics do not move -> (the KPIs a tactic serving it
# moves, the tactic recommended: English, Korean)
_FOR_GOAL = {
    "average_deal_size": (
        {"average_deal_size", "upsell_cross_sell_rate"},
        "a tiered proposal in every quote (core, core with add-ons, full), so the larger option is always on the table",
        "모든 제안서에 단계별 구성(기본, 추가 모듈 포함, 전체)을 넣어 큰 구성을 늘 보여 주는 제안"),
    "churn_rate": (
        {"churn_rate", "retention_rate", "net_revenue_retention"},
        "a business review with each account every quarter: usage, results and the next step",
        "분기마다 고객사별 사용 현황·성과·다음 단계를 점검하는 정기 리뷰"),
    "sales_cycle_length": (
        {"sales_cycle_length"},
        "a mutual action plan with dated steps in every deal",
        "거래마다 날짜가 있는 상호 실행 계획"),
}  # fmt: skip
# what each recommended tactic is called where the training plan teaches it (English, Korean)
_SHORT = {
    "average_deal_size": ("tiered proposals", "단계별 제안"),
    "churn_rate": ("quarterly business reviews", "분기 정기 리뷰"),
    "sales_cycle_length": ("mutual action plans", "상호 실행 계획"),
    "price": ("the value calculator", "효과 계산표"),
    "effort": ("written implementation plans", "도입 계획표"),
    "doubt": ("reference calls and pilots", "레퍼런스 콜과 파일럿"),
}  # fmt: skip
_SAME_KIND = {"retention_rate": "churn_rate", "net_revenue_retention": "churn_rate", "upsell_cross_sell_rate": "average_deal_size"}  # fmt: skip


def recommended_tactics(plan: Plan) -> list[str]:
    """The tactics the tactics section recommends (for the goals and objections no tactic serves),
    by their short names, for the training plan to teach."""
    kinds = _unserved_goal_kinds(plan) + list(_unanswered_kinds(plan))
    return list(dict.fromkeys(_SHORT[k][plan.language == "ko"] for k in kinds))


def _unserved_goal_kinds(plan: Plan) -> list[str]:
    return [kind for _, kind in _unserved_goals(plan)]


def _goals_unserved(plan: Plan) -> str:
    """The sales goals no tactic serves (deal size, churn, cycle: the tactics that move the close
    rate do not), each with the tactic recommended for its kind; a goal whose own words name its
    method ('분기별 고객 리뷰를 도입해') is served by that method."""
    ko = plan.language == "ko"
    lines = []
    for goal, kind in _unserved_goals(plan):
        kpi = goal.frame.kpi if goal.frame and goal.frame.kpi else kind
        n = plan.goal_number(goal)
        name = kpi_label(kpi, plan.language)
        what = _FOR_GOAL[kind][2 if ko else 1]
        lines.append(
            fix_particles(f"- 목표 {n}({name}): {what}을(를) 전술로 더하는 것을 권합니다.") if ko
            else f"- Goal {n} ({name[:1].lower() + name[1:] if name[1:2].islower() else name}): recommended, {what}."
        )  # fmt: skip
    if not lines:
        return ""
    head = "**지원 전술이 없는 목표**" if ko else "**Goals no tactic serves yet**"
    return head + "\n\n" + "\n".join(lines)


_FOR_KIND = {  # the tactic recommended for an objection of each kind no tactic answers
    "price": ("a value calculator filled in with the buyer's own numbers", "고객의 숫자를 넣은 효과 계산표"),
    "effort": ("a written implementation plan in every proposal: dates, who does what, and the data to move", "제안서마다 도입 계획표(일정, 담당, 옮길 데이터)"),
    "doubt": ("reference calls with similar customers, or a pilot with agreed success criteria", "비슷한 고객의 레퍼런스 콜이나 성공 기준을 합의한 파일럿"),
}  # fmt: skip


def _unserved_goals(plan: Plan) -> list[tuple[Goal, str]]:
    """(goal, its kind) for each sales goal of a kind no tactic moves."""
    from assistant.interview.compose_moves import _sales_stage

    moved = {stage[2] for t in sales_tactics(plan) if (stage := _sales_stage(t))}
    strategy = plan.user_text("sales_strategy").lower()
    out = []
    for goal in plan.goals:
        if goal.section != "sales_objectives" or goal.frame is None or not goal.frame.kpi:
            continue
        kpi = goal.frame.kpi
        kind = _SAME_KIND.get(kpi, kpi)
        if kind not in _FOR_GOAL or moved & _FOR_GOAL[kind][0]:
            continue
        if kind == "churn_rate" and re.search(
            r"review|qbr|리뷰|점검", f"{goal.text} {strategy}", re.I
        ):
            continue  # the goal's own method or the strategy already runs the reviews
        out.append((goal, kind))
    return out


def _unanswered_kinds(plan: Plan) -> dict[str, list[str]]:
    """{kind: the persona objections of that kind (price, effort, doubt) no tactic answers}."""
    from assistant.analysis.objection_kinds import KINDS, tactic_kind

    answered = {tactic_kind(t) for t in sales_tactics(plan)}
    open_by_kind: dict[str, list[str]] = {}
    for o in dict.fromkeys(o.objection for o in plan.messaging.objections):
        kinds = [k for k in ("price", "effort", "doubt") if KINDS[k].search(o)]
        # answered when a tactic meets any of its kinds ('the risk of changing': doubt, effort)
        if kinds and not answered & set(kinds):
            open_by_kind.setdefault(kinds[0], []).append(o)
    return open_by_kind


def _unanswered(plan: Plan) -> str:
    """The persona objections whose kind (price, effort, doubt) none of the tactics answers."""
    ko = plan.language == "ko"
    open_by_kind = _unanswered_kinds(plan)
    lines = []
    for kind in ("price", "effort", "doubt"):
        said = open_by_kind.get(kind, [])
        if said:
            what = _FOR_KIND[kind][ko]
            lines.append(
                f"- {', '.join(said)}: {what}을(를) 전술로 더하는 것을 권합니다." if ko
                else f"- {'; '.join(said)}: recommended, {what}."
            )  # fmt: skip
    if not lines:
        return ""
    head = (
        "**위 전술이 다루지 않는 반론**"
        if ko
        else "**Objections the tactics above do not cover yet**"
    )
    return (
        head + "\n\n" + fix_particles("\n".join(lines)) if ko else head + "\n\n" + "\n".join(lines)
    )


def _tactics_table(plan: Plan) -> str:
    text = plan.user_text("sales_tactics")
    if not text.strip() or plan.section("sales_tactics").author == "llm":
        return ""
    ko = plan.language == "ko"
    items = sales_tactics(plan)
    training = plan.user_text("sales_training")
    programs = [i.name for i in recurring_items(training)]
    rows = []
    roles = team_roles(plan)
    for tactic in items:
        stage = _sales_stage(tactic)
        stage_name = next((n[1] if ko else n[0] for k, n, _, _ in _SALES_STAGES if stage and k == stage[0]), "-")  # fmt: skip
        kpi = kpi_label(stage[2], plan.language) if stage else "-"
        taught = _taught(tactic, programs) if programs else None
        cell = taught or (_t(ko, "not yet", "아직 없음") if programs else _t(ko, "no training plan yet", "교육 계획 없음"))  # fmt: skip
        # a qualification that moves the close rate (MEDDICC) is the sellers' own, not the SDRs'
        owner = _owner(tactic, "proposal" if stage and stage[2] in ("win_rate", "forecast_accuracy") else (stage[0] if stage else ""), roles, ko)  # fmt: skip
        rows.append([_cap(tactic), stage_name, owner, kpi, _objection_met(plan, tactic), cell, tactic_use(tactic, ko, stage[2] if stage else "") or "-"])  # fmt: skip
    head = (["전술", "영업 단계", "담당", "개선 KPI", "대응하는 반론", "교육", "운영 방식(제안)"] if ko
            else ["Tactic", "Sales stage", "Who uses it", "KPI it moves", "Answers the objection", "Taught in", "How it is run (proposed)"])  # fmt: skip
    # a column that says the same in every row says it once, in the training section; the owner
    # column only when the team is stated
    drop = [i for i in (3, 4, 5) if len(rows) > 1 and len({r[i] for r in rows}) == 1 and (i != 4 or rows[0][i] == "-")]  # fmt: skip
    if all(r[2] == "-" for r in rows):
        drop.append(2)
    if all(r[6] == "-" for r in rows):  # no tactic of a kind with a known rule
        drop.append(6)
    same_kpi = rows[0][3] if 3 in drop and rows[0][3] != "-" else ""
    win = kpi_label("win_rate", plan.language)
    moves_win = any(r[3] == win for r in rows)
    head = [h for i, h in enumerate(head) if i not in drop]
    rows = [[c for i, c in enumerate(r) if i not in drop] for r in rows]
    if not same_kpi and moves_win and (target := _rate_target(plan, win)):
        # the tactics that move the close rate, with the level it must reach
        return _table(head, rows) + "\n\n" + _t(ko, f"The tactics that move the win rate carry the gap: it{target.replace(', which', '')}.", fix_particles(f"{win}을(를) 높이는 전술이 격차를 메워야 합니다{target}."))  # fmt: skip
    if same_kpi:  # said once, under the table, with the level it must reach when one is short
        name = same_kpi.lower() if same_kpi[1:2].islower() else same_kpi
        target = _rate_target(plan, same_kpi)
        return _table(head, rows) + "\n\n" + _t(ko, f"All of them move one KPI: {name}{target}.", fix_particles(f"모두 {same_kpi}을(를) 높이는 전술입니다{target}."))  # fmt: skip
    return _table(head, rows)


_AFTER_SALE = re.compile(
    r"success|account\s*manag|\bcsms?\b|\bams?\b|고객\s*성공|CSM|어카운트\s*매니저|관리\s*담당",
    re.I,
)


def _owner(tactic: str, stage: str, roles: list[dict[str, object]], ko: bool = False) -> str:
    """Who uses a tactic: the role it names; else by its sales stage - the first-touch team
    (SDRs) qualifies and prospects, customer success works the accounts after the sale, and the
    quota-carrying sellers run demos, proposals and closing (and the rest when no other role
    is stated). '-' when the team is not stated."""
    # a role the tactic names ('AE가 …'), unless the match is a word like '고객' that puts a
    # closing tactic ('고객 레퍼런스 콜') on customer success
    named = [
        r for r in _who(tactic, roles)
        if not (_AFTER_SALE.search(str(r["role"])) and stage not in ("retention", "onboarding"))
    ]  # fmt: skip
    if not named:
        sellers = [r for r in roles if r.get("quota_carrying")]
        first = [r for r in roles if FIRST_TOUCH.search(str(r["role"])) and not r.get("quota_carrying")]  # fmt: skip
        after = [r for r in roles if _AFTER_SALE.search(str(r["role"])) and not r.get("quota_carrying")]  # fmt: skip
        if stage in ("prospecting", "qualification"):
            named = first or sellers
        elif stage in ("retention", "onboarding"):
            named = after or sellers
        else:
            named = sellers
    return ", ".join(with_count(r, ko) for r in named) or "-"


def _rate_target(plan: Plan, kpi: str) -> str:
    """', from 25% to about 29%, the rate the sellers' opportunities need' when the tactics all
    move the close rate and the funnel feeds the sellers too few deals."""
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.pipeline_feed import rate_target

    if kpi != kpi_label("win_rate", plan.language):
        return ""
    found = rate_target(plan, analyse(plan))
    if found is None:
        return ""
    from assistant.interview.pipeline_feed import rate_name

    rate, needed = found[0], found[1]
    if needed > 60:  # no team closes that: the pipeline decision carries it, not the tactics
        return ""
    from assistant.interview.pipeline_feed import own_close_rate

    own = own_close_rate(plan)
    if plan.language == "ko":
        uses = f"{rate:g}%" if own else rate_name(plan, rate)
        return fix_particles(f". 퍼널만으로 담당자별 거래를 채우려면 약 {needed:.0f}%가 필요합니다(계획은 {uses}을(를) 적용합니다). 그렇지 않으면 영업 요약의 결정대로 퍼널 밖 기회가 나머지를 채워야 합니다")  # fmt: skip
    uses = f"{rate:g}%" if own else rate_name(plan, rate)
    return f", which must reach about {needed:.0f}% (the plan uses {uses}) for the funnel alone to make the sellers' deals; otherwise the opportunities from outside the funnel in the sales summary's decision carry the rest"


def _objection_met(plan: Plan, tactic: str) -> str:
    """The persona objection a tactic answers ('value calculator' -> the price objection)."""
    from assistant.analysis.objection_kinds import KINDS, tactic_kind

    kind = tactic_kind(tactic)
    if kind is None:
        return "-"
    said = next((o.objection for o in plan.messaging.objections if KINDS[kind].search(o.objection)), "")  # fmt: skip
    return said or "-"


def untaught_tactics(plan: Plan, programs: list[str] | None = None) -> list[str]:
    """The tactics no training programme teaches (methodologies named by their own name);
    `programs` are the ones that run this year (all the answer names when not given)."""
    text = plan.user_text("sales_tactics")
    named = [i.name for i in recurring_items(plan.user_text("sales_training"))]
    if programs is None:
        programs = named
    # no training answer: nothing to say; programmes none of which runs this year teach nothing
    if not text.strip() or not named:
        return []
    items = sales_tactics(plan)
    # a customer asset (reference calls, case studies, a report) is prepared, not taught
    return [_cap(t) for t in items if not _taught(t, programs) and not _ASSET.search(t)]


# the steps the sellers run to convert, as the strategy names them: a timed trial or pilot
# ('14-day guided trial', '14일 무료 체험') and a free first step ('free payroll diagnosis')
_TRIAL_NAME = re.compile(
    r"\b\d{1,3}[- ]day\s+(?:[a-z-]+\s+){0,2}?(?:trial|pilot)\b|\d{1,3}\s*일\s*(?:간\s*)?(?:무료\s*)?(?:체험|파일럿|시범\s*운영)",
    re.I,
)


def _sentence_at(text: str, at: int) -> str:
    """The sentence of `text` that holds position `at`."""
    start = max(text.rfind(".", 0, at), text.rfind(";", 0, at)) + 1
    ends = [i for i in (text.find(".", at), text.find(";", at)) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def untaught_steps(plan: Plan, programs: list[str]) -> list[str]:
    """The strategy's conversion steps the sellers run (its free first step, then its timed
    trial, in the funnel's order) that no running programme teaches and no tactic already names:
    'Running the free payroll diagnosis', '14일 무료 체험 진행'. A self-serve trial nobody from
    sales runs is no seller's skill."""
    from assistant.interview.offer_volume import free_offer
    from assistant.interview.workload_check import _SELF_SERVE, trial_days

    if not recurring_items(plan.user_text("sales_training")):
        return []
    ko = plan.language == "ko"
    said = " ".join(plan.user_text(s) for s in ("mkt_strategy", "sales_strategy"))
    # the trial the sellers run (the one `trial_days` reads), not a self-serve one beside it
    found = trial_days(plan)
    trial = next(
        (m for m in _TRIAL_NAME.finditer(said)
         if found and str(found[0]) in m.group(0) and not _SELF_SERVE.search(_sentence_at(said, m.start()))),
        None,
    )  # fmt: skip
    steps: list[str] = []
    # a free step that is the trial itself ('무료 체험과 도입 컨설팅') is the trial, said once
    if (offer := free_offer(said)) and not re.search(r"trial|pilot|체험|파일럿", offer, re.I):
        steps.append(offer)
    if trial is not None:
        steps.append(" ".join(trial.group(0).split()))
    listed = untaught_tactics(plan, programs)
    out = []
    for step in dict.fromkeys(steps):
        own = _terms(step) - {"free", "무료"}
        if _taught(step, programs) or any(own <= _terms(t) or len(own & _terms(t)) >= 2 for t in listed):  # fmt: skip
            continue  # taught already, or an untaught tactic names it ('free storeroom audits')
        out.append(fix_particles(f"{step} 진행") if ko else f"Running the {step}")
    return out


_ASSET = re.compile(
    r"reference|case stud|testimonial|\breport\b|white\s*paper|레퍼런스|고객\s*사례|후기|보고서|백서",
    re.I,
)


def _taught(tactic: str, programs: list[str]) -> str | None:
    """The programme that teaches a tactic: it names the tactic's methodology or shares a
    distinctive word with it ('Kit selling …' and 'Kit-selling role-play certification')."""
    method = _METHODS.search(tactic)
    for p in programs:
        if method and re.search(re.escape(method.group(0)), p, re.I):
            return p
    for p in programs:
        if not method and _terms(tactic) & _terms(p):
            return p
    return None


_GENERIC = {"the", "and", "for", "with", "our", "all", "new", "sales", "selli", "train", "call",
            "calls", "three", "weekl", "month", "quart", "from", "into", "their", "your", "them",
            "each", "every", "than", "that", "this", "over", "per", "영업", "교육", "상담", "통화"}  # fmt: skip


def _terms(text: str) -> set[str]:
    """Words that name a skill ('kit', 'demo', '레퍼런스'), short ones included."""
    low = text.lower().replace("-", " ")
    out = {w[:5] for w in re.findall(r"[a-z]{3,}", low)} | set(words(text))
    return out - _GENERIC


def _where(first: str, coach: str, one: bool, noun: bool) -> tuple[str, str]:
    """Where tactics are taught, (English, Korean): a session for the current team at the start
    of the year, a module in the newcomer programme `first` (for those who join later) when
    people join it, practised in the `coach` programme. `noun`: the list form ('a session
    each …, practised in …'), else an instruction ('give each a session … and practise it …')."""
    low = lambda x: x.lower() if x[1:2].islower() else x  # noqa: E731
    later = " for those who join later"
    if noun:
        each = "" if one else " each"
        en = [f"a session{each} for the current team at the start of the year"]
        en += [f"a module{each} in the {low(first)}{later}"] if first else []
        en_said = ", ".join(en) + (f", practised in the {low(coach)}" if coach else "")  # fmt: skip
    else:
        each = "it" if one else "each"
        said = ["a session for the current team at the start of the year"]
        said += [f"a module in the {low(first)}{later}"] if first else []
        if coach and len(said) > 1:  # three parts: a list with its last 'and'
            en_said = f"give {each} " + ", ".join(said) + f", and practise it in the {low(coach)}"
        else:
            en_said = f"give {each} " + " and ".join(said) + (f" and practise it in the {low(coach)}" if coach else "")  # fmt: skip
    each_ko = "" if one else "각각 "
    ko = [f"연초에 기존 팀원을 대상으로 {each_ko}교육 시간을 잡"]
    if first:
        ko.append(f"뒤에 합류하는 인원을 위해 {first}에도 넣")
    if coach:
        ko.append(f"{coach}에서 연습")
    sep = "고, " if len(ko) > 2 else "고 "  # three steps read apart
    joined = sep.join(ko[:-1]) + (sep if len(ko) > 1 else "") + ko[-1]
    if coach:
        ko_said = joined + ("함." if noun else "합니다.")
    else:
        ko_said = joined + ("음." if noun else "습니다.")
    return en_said, ko_said


def training_markdown(plan: Plan) -> str:
    """Each programme with its cadence, sessions a year, who attends and what it builds; then the
    tactics it should teach."""
    text = plan.user_text("sales_training")
    if not text.strip() or plan.section("sales_training").author == "llm":
        return ""
    ko = plan.language == "ko"
    items = recurring_items(text)
    if not items:
        return ""
    roles = team_roles(plan)
    # each programme is run by whoever can teach it (proposed): the manager of the people it
    # trains, the product team, an invited expert; and measured by what it should change
    sellers = next((r for r in roles if r["quota_carrying"]), None)
    lead = str(sellers["reports_to"]) if sellers and sellers["reports_to"] else ""
    rows = []
    from assistant.interview.hires import hires_stated

    hires = hires_stated(plan)
    # a large team replaces people through the year: its newcomer programme keeps running
    turnover = sum(int(str(r["count"] or 0)) for r in roles) >= _TURNOVER_TEAM
    running: list[str] = []
    for item in items:
        # a programme with its own cadence ('quarterly MEDDICC bootcamp') is no newcomer course
        newcomers = ONBOARD.search(item.name) and item.period is None
        trained = _who(item.name, roles)
        # a newcomer programme trains the new ones, not the whole headcount ('new consultants')
        who = [(f"{r['role']}(신규)" if ko else f"new {r['role']}") if newcomers and not _NOT_STAFF.search(item.name) else with_count(r, ko) for r in trained]  # fmt: skip
        attendees = ", ".join(who) or (
            _t(ko, "new hires", "신규 입사자") if newcomers else _t(ko, "whole team", "팀 전체")
        )
        cadence = _cadence(item.count, item.period, ko, bool(newcomers))
        if newcomers and item.period is None and _NOT_STAFF.search(item.name):
            cadence = _t(ko, "once per newcomer", "합류 시 1회")  # a franchisee is no hire
        # a programme for new hires runs when they join: with no hires stated, none is planned;
        # one for newcomers who are no hires (franchisees, partners) runs as they join
        joining = (
            _t(ko, "as they join", "합류 시기에 맞춰") if _NOT_STAFF.search(item.name)
            else _t(ko, "as hires join", "입사 시기에 맞춰") if hires
            else _t(ko, "as replacements join", "결원을 채울 때마다") if turnover
            else _t(ko, "none planned (no hires stated); kept ready for a replacement hire", "채용 계획 미정(결원 충원 시 운영)")
        )  # fmt: skip
        if not newcomers or hires or turnover or _NOT_STAFF.search(item.name):
            running.append(item.name)  # a newcomer programme nobody joins teaches nothing
        per_year = str(item.per_year) if item.per_year else (joining if newcomers else "-")
        measure = measured_by(item.name, roles, ko)
        runner = run_by(item.name, trained, roles, lead, ko) if roles else "-"
        rows.append([_cap(item.name), cadence, per_year, attendees, measure, runner])
    head = (["프로그램", "주기", "연간 횟수", "대상", "효과를 재는 지표", "진행(제안)"] if ko
            else ["Programme", "Cadence", "Sessions a year", "Who", "Measured by", "Run by (proposed)"])  # fmt: skip
    if all(r[5] == "-" for r in rows):  # no team stated: no runner to propose
        head, rows = head[:5], [r[:5] for r in rows]
    parts = [_table(head, rows)]
    # the tactics no programme teaches, said once, here where the programme is planned
    steps = untaught_steps(plan, running)
    untaught = untaught_tactics(plan, running) + steps
    # the current team learns new tactics in a session at the start of the year; a newcomer
    # programme also teaches them when people join it (hires, or a large team's replacements)
    first = next((_cap(i.name) for i in items if (hires or turnover) and ONBOARD.search(i.name) and i.period is None and not _NOT_STAFF.search(i.name)), "")  # fmt: skip
    coach = next((_cap(i.name) for i in items if re.search(r"call review|role-?play|coach|녹취|통화|코칭|롤플레이", i.name, re.I)), "")  # fmt: skip
    if untaught:
        # a list inside a sentence: 'MEDDICC qualification, value calculator …' (a name that
        # starts with capitals keeps them)
        names = ", ".join(
            untaught if ko else [n if i == 0 else low_first(n) for i, n in enumerate(untaught)]
        )
        where_en, where_ko = _where(first, coach, len(untaught) == 1, noun=False)
        parts.append(_t(
            ko, f"**{'Tactics and conversion steps' if steps else 'Tactics'} no programme teaches this year:** {names}: {where_en}, so the sellers use what the plan counts on.",
            f"**올해 교육 프로그램에서 다루지 않는 전술{'과 전환 단계' if steps else ''}:** {names}. {where_ko}",
        ))  # fmt: skip
    # the tactics the tactics section recommends are taught where the untaught ones are
    if plan.user_text("sales_tactics").strip() and (recommended := recommended_tactics(plan)):
        where_en, where_ko = _where(first, coach, len(recommended) == 1, noun=True)
        parts.append(_t(
            ko, f"**Also to teach, from the tactics recommended above:** {', '.join(recommended)}: {where_en}.",
            f"**추가로 가르칠 전술(영업 전술에서 권고한 것):** {', '.join(recommended)}. {where_ko}",
        ))  # fmt: skip
    return "\n\n".join(parts)
