"""The marketing calendar as a plan: each dated activity with the goal it serves and the budget
line that pays for it, then the recurring content of the content plan (two webinars a month) so
the calendar carries the volume the goals count on, then the seasonal moments to consider."""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.analysis.budget import calendar_notes
from assistant.analysis.cadence import cadence_text, ko_counter, recurring_items
from assistant.analysis.linking import linker
from assistant.analysis.market import buyer_freeze_months, freeze_notes
from assistant.analysis.months import _MONTHS_EN, month_of
from assistant.analysis.plan_analysis import plan_year
from assistant.analysis.plan_links import before_deadline, fits, plan_page, stages_of
from assistant.core.lang import fix_particles
from assistant.core.plan import BudgetLine, CalendarEntry, Plan
from assistant.interview.activity_owner import activity_owner, proposed_role
from assistant.interview.compose import _table as table
from assistant.interview.compose import paying_lines
from assistant.interview.compose_content import GATED
from assistant.interview.compose_moves import _goal_list

_CONTENT_LINE = re.compile(r"content|콘텐츠", re.I)
_LABELS = (
    {"when": "When", "activity": "Activity", "calendar": "Calendar"},
    {"when": "시기", "activity": "활동", "calendar": "캘린더"},
)


def _money(value: float, currency: str, lang: str) -> str:
    from assistant.goals.numbers import format_amount

    return format_amount(value, currency, lang)


def calendar_markdown(plan: Plan) -> str:
    L = _LABELS[plan.language == "ko"]
    if not plan.calendar:
        return ""
    default_year = plan_year(plan)
    ko, lang = plan.language == "ko", plan.language

    def when(e: CalendarEntry) -> str:
        year = e.year or default_year
        if re.match(r"매월|매주|매달|매일|격주|every|each", e.when, re.I):
            return e.when  # a recurring activity ('매월 둘째 토요일') has no one date
        if ko:
            return f"{year}년 {e.when}"
        return f"{e.when}, {year}" if re.search(r"\d$", e.when) else f"{e.when} {year}"

    page = plan_page(plan)
    link = linker(plan, [e.activity for e in plan.calendar] + [r.text for r in page.rows])
    served = lambda key: [r.goal for r in page.rows if key in r.activities]  # noqa: E731
    pieces = [i for i in recurring_items(plan.user_text("mkt_content_strategy")) if i.period and not i.routine]  # fmt: skip
    names = [e.activity for e in plan.calendar] + [p.name for p in pieces]
    lines = paying_lines(plan, names) if plan.budget.lines else {}
    owners = any(e.owner for e in plan.calendar)
    # no owner stated: each activity is run by the owner of the goal it serves, as the plan on a
    # page names them (the marketing owner for next year's pipeline)
    derive = not owners and any(r.owner for r in page.rows)
    mkt_owner = next((r.owner for r in page.rows if r.section.startswith("mkt") and r.owner), "")

    def owner_of(goals: list[int]) -> str:
        return (
            next((r.owner for g in goals for r in page.rows if r.goal == g and r.owner), mkt_owner)
            or "-"
        )

    from assistant.analysis.months import event_shares

    # an events line's rest, split over its dated events: the same figures the budget by quarter
    # places in their quarters
    total = plan.number("marketing_budget") or plan.budget.total or 0.0
    proposed, placed_lines = event_shares(plan, total) if total else ({}, [])
    costs = any(e.cost is not None for e in plan.calendar) or bool(proposed)
    paid = any(lines.get(n) for n in names)
    header = (
        [L["when"], L["activity"]]
        + (["담당" if ko else "Owner"] if owners or derive else [])
        + (["비용" if ko else "Cost"] if costs else [])
        + (["예산 항목" if ko else "Paid from"] if paid else [])
        + ["지원 목표" if ko else "Serves"]
    )
    rows: list[list[str]] = []
    last_mkt = _last_marketing_deadline(plan)
    pipeline_only: list[CalendarEntry] = []
    plain: dict[int, list[int]] = {}  # row -> the goals its cell lists, when it lists only goals
    # in date order, whatever order the answer gave them in ('… November …, April …')
    entries = sorted(plan.calendar, key=lambda e: (e.year or default_year, month_of(e.when) or 13))
    for e in entries:
        row = [when(e), e.activity]
        if owners:
            row.append(e.owner or "-")
        if costs:
            share = proposed.get(id(e))
            row.append(
                _money(e.cost, plan.budget.currency, lang) if e.cost is not None
                else (_money(share, plan.budget.currency, lang) + ("(제안)" if ko else " (proposed)")) if share
                else _unpriced(_has_room(plan, lines.get(e.activity), lines, total), ko)
            )  # fmt: skip
        if paid:
            line = lines.get(e.activity)
            row.append(line.item if line else "-")
        # named on the plan on a page, else the goals it can serve by its deadline: the goal it
        # shares words with, or whose first stage it works at (a report brings traffic)
        goals_by = {g: plan.goals[r.goal - 1] for g, r in enumerate(page.rows)}
        open_rows = [r for g, r in enumerate(page.rows) if before_deadline(goals_by[g], e, default_year)]  # fmt: skip
        # an activity after the sales-cycle cutoff serves no customer goal this year
        later = page.next_year.get(f"{e.when}: {e.activity}", [])
        open_rows = [r for r in open_rows if r.goal not in later]
        goals = (
            served(f"{e.when}: {e.activity}")
            or [r.goal for r in open_rows if link.shared(e.activity, r.text) and fits(e.activity, r.stages)]
            or [r.goal for r in open_rows if stages_of(e.activity)[:1] and stages_of(e.activity)[0] in r.stages]
            # a report readers download is the lead goal's form fill, as the content plan says
            or [r.goal for r in open_rows if r.kpi == "leads" and GATED.search(e.activity)]
        )  # fmt: skip
        cell = _goal_list(goals, ko)
        if goals and not later:
            plain[len(rows)] = list(goals)
        if later:
            pipeline = "다음 해 파이프라인" if ko else "next year's pipeline"
            cell = f"{cell}, {pipeline}" if goals else pipeline[:1].upper() + pipeline[1:]
        elif not goals and last_mkt and (e.year or default_year) == last_mkt[0] and (month_of(e.when) or 0) > max(last_mkt[1], 9):  # fmt: skip
            # in the last quarter, after every marketing goal's deadline and tied to no goal: with
            # a sales cycle of weeks to months it builds next year's pipeline - proposed so, with
            # the note saying how to tie it to this year instead (earlier, it stays a question)
            cell = "다음 해 파이프라인(제안)" if ko else "Next year's pipeline (proposed)"
            pipeline_only.append(e)
        row.append(cell)
        if derive:
            row.insert(2, activity_owner(e.activity, owner_of(goals), ko))
        rows.append(row)
    dated_notes: list[str] = []
    from assistant.analysis.cadence import content_shortfalls

    shortfalls = content_shortfalls(plan)
    for p in pieces:  # the content plan's recurring pieces: the volume the goals count on
        key = f"{cadence_text(p.count, p.period, ko, name=p.name)}: {p.name}"
        # the calendar's dated issues of the piece ('spring benchmark report' of a quarterly
        # report) are said beside it, and how many of the year's issues still have no month
        # (a piece a few times a year: a dated webinar of a twice-monthly series is no issue)
        few = bool(p.per_year and p.per_year <= 4)
        issues = [e for e in plan.calendar if few and _issue_of(p.name, e.activity, ko)]
        months = ", ".join(dict.fromkeys(e.when for e in issues))
        row = [
            (
                _every_ko(p.count, p.period, p.name)
                if ko
                else "Ongoing, " + cadence_text(p.count, p.period, ko, name=p.name)
            )
            + ((f"(일정: {months})" if ko else f" (dated: {months})") if issues else ""),
            " ".join(p.name.split()),
        ]
        a_year = p.per_year
        if issues and a_year and len(issues) < a_year <= 12:
            left = a_year - len(issues)
            rest = _undated_months(issues, a_year)
            if rest:  # the owner's default: the same month of each period with no issue yet
                names = [f"{m}월" if ko else _MONTHS_EN[m - 1].capitalize() for m in rest]
                said = (
                    ", ".join(names)
                    if ko or len(names) < 2
                    else ", ".join(names[:-1]) + " and " + names[-1]
                )
                # a goal counting on more of the piece by its date comes first: the spacing
                # would leave it short (4 reports by June against 1 a quarter)
                short = next((x for x in shortfalls if x.piece.name == p.name), None)
                if short is not None:
                    due = f"{short.year}년 {short.month}월" if ko else f"{_MONTHS_EN[short.month - 1].capitalize()} {short.year}"  # fmt: skip
                    dated_notes.append(
                        f"{' '.join(p.name.split())}: 캘린더에 달이 정해진 것은 한 해 {a_year}회 중 {len(issues)}회입니다({months}). 목표 {short.goal}번은 {due}까지 {short.need}개를 전제로 하므로, 그때까지 나머지를 앞당겨 내거나 목표를 고칩니다(목표 섹션 참고)."
                        if ko
                        else f"{' '.join(p.name.split())}: the calendar dates {len(issues)} of the {a_year} a year ({months}). Goal {short.goal} counts on {short.need} by {due}: publish the others by then, or change the goal (see the goals)."
                    )
                else:
                    dated_notes.append(
                        f"{' '.join(p.name.split())}: 캘린더에 달이 정해진 것은 한 해 {a_year}회 중 {len(issues)}회입니다({months}). 나머지 {left}회는 같은 간격으로 {said}에 내는 것을 권합니다."
                        if ko
                        else f"{' '.join(p.name.split())}: the calendar dates {len(issues)} of the {a_year} a year ({months}). Recommended: the other {left} in {said}, at the same spacing."
                    )
            else:
                dated_notes.append(
                    f"{' '.join(p.name.split())}: 캘린더에 달이 정해진 것은 한 해 {a_year}회 중 {len(issues)}회입니다({months}). 나머지 {left}회의 달을 정합니다."
                    if ko
                    else f"{' '.join(p.name.split())}: the calendar dates {len(issues)} of the {a_year} a year ({months}); the other {left} still need a month."
                )
        # a piece of content no line names is paid by the content line, when there is one
        line = lines.get(p.name) or next((ln for ln in plan.budget.lines if _CONTENT_LINE.search(ln.item)), None)  # fmt: skip
        row += ["-"] * owners + [
            _unpriced(bool(paid) and _has_room(plan, line, lines, total), ko)
        ] * costs
        if paid:
            row.append(line.item if line else "-")
        # named by a goal, else the goals whose first stage the piece works at (blog posts bring
        # the traffic a traffic goal counts), as the plan on a page ties them
        goals = (
            served(key)
            or [r.goal for r in page.rows if link.shared(p.name, r.text) and fits(p.name, r.stages)]
            or [r.goal for r in page.rows if r.stages[:1] and stages_of(p.name)[:1] == r.stages[:1]]
        )
        # a dated issue of the piece ('back-to-school retail report' of a quarterly report) and
        # the piece itself serve the same goals: each row lists what either serves
        at = [i for i, e in enumerate(entries) if any(e is x for x in issues) and i in plain]
        goals = sorted({*goals, *(g for i in at for g in plain[i])})
        for i in at:
            rows[i][-1] = _goal_list(goals, ko)
        row.append(_goal_list(goals, ko))
        if derive:
            row.insert(2, activity_owner(p.name, owner_of(goals), ko))
        rows.append(row)
    roles_note = ""
    if derive and not owners:
        header, rows = _owners_once(header, rows, ko)
        roles = list(dict.fromkeys(r[2].removesuffix("(제안)").removesuffix(" (proposed)") for r in rows if proposed_role(r[2], ko)))  # fmt: skip
        if roles:
            # the roles the activities call for, not people the answers name: said once, by name
            # (an owner the answers give stays as it is and is not covered by this note)
            said = ", ".join(roles) if ko else (", ".join(roles[:-1]) + " and " + roles[-1] if len(roles) > 1 else roles[0])  # fmt: skip
            roles_note = (
                fix_particles(f"담당 중 {said}은(는) 정해진 담당자가 아니라 활동 종류에 맞춰 제안한 역할임. 시작 전에 역할마다 실제 담당자를 정함.")
                if ko
                else f"{said} {'are roles' if len(roles) > 1 else 'is a role'} proposed by the kind of activity, not named people; name a person for each before the plan starts."
            )  # fmt: skip
    dated = list(zip(entries, rows, strict=False))
    gaps = _gaps(plan, [e for e, r in dated if r[-1] == "-"], [e for e in entries if paid and not lines.get(e.activity)])  # fmt: skip
    if all(r[-1] == "-" for r in rows):  # a column of dashes says nothing
        header, rows, gaps = header[:-1], [r[:-1] for r in rows], gaps[1:]
    late = _after_cutoff(plan, page.next_year, default_year)
    # an activity in the buyers' freeze months is said once, with why and when to move it
    freeze = buyer_freeze_months(plan)
    frozen = freeze_notes(plan, default_year, pipeline=any(month_of(e.when) in freeze for e in pipeline_only))  # fmt: skip
    if frozen:
        pipeline_only = [e for e in pipeline_only if month_of(e.when) not in freeze]
    if pipeline_only and last_mkt:
        late.insert(0, _pipeline_note(plan, pipeline_only, last_mkt[1]))
    split = _split_note(plan, proposed, placed_lines, ko)
    notes = "\n".join(
        f"- {n}"
        for n in [
            *calendar_notes(plan),
            *(g for g in gaps if g),
            *late,
            *frozen,
            *dated_notes,
            split,
            roles_note,
        ]
        if n
    )
    return f"**{L['calendar']}**\n\n" + table(header, rows) + (f"\n\n{notes}" if notes else "")


def _split_note(plan: Plan, proposed: dict[int, float], lines: list[str], ko: bool) -> str:
    """How an events line's rest became the proposed costs, when it is split over two events or
    more: by each event's scale, said in plain words (the owner replaces them with quotes)."""
    if len(proposed) < 2 or not lines:
        return ""
    rest = _money(sum(proposed.values()), plan.budget.currency, plan.language)
    if ko:
        return fix_particles(f"제안 비용은 견적 전의 출발점입니다: '{lines[0]}' 예산 중 비용이 정해지지 않은 {rest}을(를) 행사 규모에 맞춰 나눴습니다(컨퍼런스·박람회에 많이, 설명회·세미나에 적게, 공동 개최는 절반). 행사별 견적이 나오면 그 금액으로 바꿉니다.")  # fmt: skip
    return f"The proposed costs are a starting point until each event is quoted: the {rest} of '{lines[0]}' with no stated cost, shared by each event's scale (more for a conference or show, less for a seminar or workshop, half when a partner co-hosts). Replace them with each event's quote."


def _owners_once(
    header: list[str], rows: list[list[str]], ko: bool
) -> tuple[list[str], list[list[str]]]:
    """When every owner, or two in three or more, is a proposed role, the header says so once
    ('Owner (proposed)', '담당(제안)') instead of a label on every row. Owners the answer states
    are never proposed, so a column with labels holds only the plan's own assignments."""
    mark = "(제안)" if ko else " (proposed)"
    proposed = [r[2].endswith(mark) for r in rows]
    # most proposed: the header says so once
    if not rows or sum(proposed) * 3 < len(rows) * 2:
        return header, rows
    # (an unmarked owner here is the plan's too: taken from the team's roles, not the answer's)
    return (
        header[:2] + [header[2] + mark] + header[3:],
        [r[:2] + [r[2].removesuffix(mark)] + r[3:] for r in rows],
    )


def _has_room(
    plan: Plan, line: BudgetLine | None, lines: Mapping[str, BudgetLine | None], total: float
) -> bool:
    """Whether a line has money left for an activity with no cost of its own: its amount less
    the stated costs of the calendar's activities it pays (a line its events already spend is
    no line to be 'within')."""
    if line is None:
        return False
    if line.amount is None and not total:
        return True  # a share of an unstated total: no way to say it is spent
    amount = line.amount if line.amount is not None else (line.share or 0) / 100 * total if line.share else None  # fmt: skip
    if amount is None:
        return True  # a line of unknown size: the activity is paid from it, its size to set
    spent = sum(e.cost or 0 for e in plan.calendar if lines.get(e.activity) is line)
    return spent < amount


def _unpriced(in_line: bool, ko: bool) -> str:
    """The cost cell of an activity that states none: inside the line that pays it, or to set
    (a column of dashes read as costs nobody thought of)."""
    if in_line:
        return "항목 예산 내" if ko else "within its line"
    return "미정" if ko else "to set"


def _undated_months(issues: list[CalendarEntry], a_year: int) -> list[int]:
    """The months for a piece's undated issues: its year cut into `a_year` even periods, each
    period with no dated issue given the same month within it as the first dated one (a quarterly
    report dated March and September: June and December); [] when the year does not divide."""
    if a_year not in (2, 3, 4, 6, 12):
        return []
    span = 12 // a_year
    dated = sorted({m for e in issues if (m := month_of(e.when)) is not None})
    if not dated:
        return []
    offset = (dated[0] - 1) % span
    taken = {(m - 1) // span for m in dated}
    return [k * span + offset + 1 for k in range(a_year) if k not in taken]


_EVERY_KO = {
    "week": "매주",
    "month": "매월",
    "quarter": "분기마다",
    "half": "반기마다",
    "year": "매년",
}


def _every_ko(count: int, period: str | None, name: str = "") -> str:
    """A recurring piece's rhythm in calendar Korean: '매주 2회', '분기마다 2건', '격주'."""
    if period in _EVERY_KO:
        return f"{_EVERY_KO[period]} {count}{ko_counter(name) if name else '회'}"
    return cadence_text(count, period, True, name=name)


def _issue_of(piece: str, activity: str, ko: bool) -> bool:
    """True when a dated activity is an issue of a recurring piece: it names the piece's head
    noun ('spring benchmark report' of 'Benchmark report', '상반기 급여 실태 보고서' of
    '중소기업 급여 실태 보고서'): a seasonal 'back-to-school retail report' of a quarterly
    report is one of its issues."""
    name = re.sub(r"['\"‘’“”]", "", piece).strip()
    head = name.split()[-1] if name.split() else ""
    if not head:
        return False
    if ko:
        if head not in activity:
            return False
    elif not re.search(rf"\b{re.escape(head.rstrip('s'))}s?\b", activity, re.I):
        return False
    return True


def _last_marketing_deadline(plan: Plan) -> tuple[int, int] | None:
    """(year, month) of the latest marketing goal's deadline."""
    found = [
        (int(g.frame.deadline[:4]), int(g.frame.deadline[5:7])) for g in plan.goals
        if g.section == "mkt_objectives" and g.frame and g.frame.deadline and g.frame.deadline[:7].replace("-", "").isdigit()
    ]  # fmt: skip
    return max(found, default=None)


def _pipeline_note(plan: Plan, entries: list[CalendarEntry], last: int) -> str:
    """The activities after every marketing goal's deadline, proposed as next year's pipeline."""
    from assistant.analysis.months import _MONTHS_EN

    ko = plan.language == "ko"
    year = plan_year(plan)
    one = lambda e: f"{e.activity}({e.when})" if ko else f"{e.activity} ({e.when})"  # noqa: E731
    names = ", ".join(one(e) for e in entries)
    names = names[:1].upper() + names[1:]
    if ko:
        return fix_particles(
            f"{names}은(는) 마지막 마케팅 목표의 기한({last}월) 뒤에 있어 다음 해 파이프라인을 채우는 활동으로 잡았습니다. {year}년 목표의 거래를 가져오게 하려면 그 목표에 연결하고 날짜를 앞당겨야 합니다."
        )
    plural = len(entries) > 1
    return (
        f"{names} {'come' if plural else 'comes'} after the last marketing goal's deadline ({_MONTHS_EN[last - 1].capitalize()}), "
        f"so {'they are' if plural else 'it is'} counted as building next year's pipeline; to bring {year} deals instead, tie {'them' if plural else 'it'} to a {year} goal and move {'them' if plural else 'it'} earlier."
    )


def _gaps(plan: Plan, unserved: list[CalendarEntry], unpaid: list[CalendarEntry]) -> list[str]:
    """[activities no goal is tied to, activities no budget line pays for], each with its fix;
    an activity after every marketing goal's deadline is said to be so."""
    from assistant.analysis.months import month_of

    ko = plan.language == "ko"

    def named(entries: list[CalendarEntry]) -> str:
        def one(e: CalendarEntry) -> str:  # 'x (y)' + 'March' -> 'x (y, March)'
            if e.activity.endswith(")"):
                return f"{e.activity[:-1]}, {e.when})"
            return f"{e.activity}({e.when})" if ko else f"{e.activity} ({e.when})"

        shown = ", ".join(one(e) for e in entries[:3])
        more = len(entries) - 3
        if more > 0:  # a long list is a count and the first few, not a wall of names
            shown += f" 외 {more}건" if ko else f" and {more} more"
        return shown

    out = ["", ""]
    if unserved:
        found = _last_marketing_deadline(plan)
        last = found[1] if found else None
        late = last is not None and all((month_of(e.when) or 0) > last for e in unserved)
        if ko:
            why = f" 모두 마지막 마케팅 목표의 기한({last}월) 뒤에 있습니다." if late else ""
            out[0] = f"어느 목표에도 연결되지 않은 활동: {named(unserved)}.{why} 각 활동이 돕는 목표(다음 해 파이프라인, 영업 목표 등)를 정하거나 빼야 합니다."  # fmt: skip
        else:
            from assistant.analysis.months import _MONTHS_EN

            why = f" {'They come' if len(unserved) > 1 else 'It comes'} after the last marketing goal's deadline ({_MONTHS_EN[last - 1].capitalize()})." if late and last else ""  # fmt: skip
            out[0] = f"Not tied to any goal: {named(unserved)}.{why} Say which goal each serves (the sales goals, next year's pipeline) or drop it."  # fmt: skip
    if unpaid:
        # a campaign or two is paid like the plan's other campaigns; a long list is the
        # reader's to place, line by line
        campaigns = len(unpaid) <= 2 and all(_CAMPAIGN.search(e.activity) for e in unpaid)
        line = _paying_line(plan) if campaigns else ""
        if line:  # a decision, not a question: the largest paid-media line, or another named
            out[1] = fix_particles(
                f"예산 항목이 정해지지 않은 활동: {named(unpaid)}. 가장 큰 광고 항목인 '{line}'에서 쓰는 것을 권합니다."
            ) if ko else f"No budget line pays for: {named(unpaid)}. Recommended: pay {'them' if len(unpaid) > 1 else 'it'} from '{line}', the largest paid-media line."  # fmt: skip
        else:
            out[1] = (
                f"예산 항목이 정해지지 않은 활동: {named(unpaid)}. 어느 항목에서 비용을 쓰는지 정해야 합니다."
                if ko
                else f"No budget line pays for: {named(unpaid)}. Name the line that pays for each."
            )
    return out


_CAMPAIGN = re.compile(r"campaign|promo|push|캠페인|프로모션|이벤트", re.I)
_PAID_MEDIA = re.compile(r"\bads?\b|advertis|paid|media|campaign|광고|캠페인|매체", re.I)


def _paying_line(plan: Plan) -> str:
    """The budget's largest paid-media line (ads, campaigns): what an unfunded campaign is paid
    from unless the plan names another; '' when the budget has none."""
    lines = [ln for ln in plan.budget.lines if ln.share and _PAID_MEDIA.search(ln.item)]
    return max(lines, key=lambda ln: ln.share or 0).item if lines else ""


def _after_cutoff(plan: Plan, next_year: dict[str, list[int]], year: int) -> list[str]:
    """A dated activity tied to a customer or revenue goal that falls after the last day a lead
    can still close in the plan's year (the year's end less the stated sales cycle): it feeds
    next year's pipeline, not this year's goal (the plan on a page has moved it)."""
    from assistant.analysis.sales_cutoff import cutoff

    got = cutoff(plan, year)
    if got is None:
        return []
    last, cycle = got
    ko = plan.language == "ko"
    out = []
    for e in plan.calendar:
        goals = next_year.get(f"{e.when}: {e.activity}", [])
        if not goals:
            continue
        names = ", ".join(str(g) for g in sorted(goals))
        out.append(
            f"{e.activity}({e.when}): 영업 주기 {cycle:g}일이면 {year}년 안에 수주할 거래는 {last.month}월 {last.day}일까지 영업 기회가 되어야 하므로, 이 활동은 목표 {names}번이 아니라 다음 해 파이프라인을 채웁니다."
            if ko
            else f"{e.activity} ({e.when}): with a {cycle:g}-day sales cycle a deal must be in the pipeline by {last:%B} {last.day} to close in {year}, so this feeds next year's pipeline rather than goal {names}."
        )
    return out
