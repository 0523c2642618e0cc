"""The kinds of buyer objection the plan answers: price, the effort of switching, and doubt that
it works (shared by the message house and the sales tactics that answer them), and the sales
tactics of each kind (a value calculator answers price; reference calls, doubt)."""

from __future__ import annotations

import re

from assistant.core.plan import Plan

PRICE = re.compile(r"price|cost|expensive|budget|afford|가격|비싸|비용|예산", re.I)
EFFORT = re.compile(
    r"set\s*up|setup|integrat|effort|switch|migrat|connect|도입|연결|연동|설치|번거|바꾸", re.I
)
DOUBT = re.compile(r"work|doubt|quality|trust|proof|risk|효과|의심|품질|신뢰|위험|걱정", re.I)

KINDS = {"price": PRICE, "doubt": DOUBT, "effort": EFFORT}
TACTIC_ANSWERS = (  # a tactic's cue -> the kind of objection it answers
    (r"calculator|\broi\b|business case|hours saved|payback|계산기|절감|투자\s*대비", "price"),
    (
        r"reference|case stud|testimonial|pilot|\bpoc\b|trial|guarantee|assessment|health check|audit|out-?clause|de-?risk|money-?back|레퍼런스|사례|후기|체험|파일럿|보장|환불|진단",
        "doubt",
    ),
    (r"onboard|implement|migrat|set-?up|integrat|온보딩|이관|연동|도입\s*지원", "effort"),
)


def tactic_kind(tactic: str) -> str | None:
    """The kind of objection a sales tactic answers ('value calculator' -> 'price')."""
    return next((kind for cue, kind in TACTIC_ANSWERS if re.search(cue, tactic, re.I)), None)


def sales_tactics(plan: Plan) -> list[str]:
    """The sales tactics as items ('MEDDICC qualification', 'value calculator showing hours saved')."""
    from assistant.analysis.cadence import recurring_items
    from assistant.analysis.plan_links import clauses

    text = plan.user_text("sales_tactics")
    items = ([i.name for i in recurring_items(text)] or clauses(text)) if text.strip() else []
    # the list's last item carries the sentence's verb: '… 레퍼런스 통화를 활용' is the calls
    return [_USE.sub("", i).strip() or i for i in items]


_USE = re.compile(
    r"\s*(?:을|를)\s*(?:적극\s*)?(?:활용|사용|씀|씁니다|쓴다|써서|도입)(?:합니다|한다|하기|해)?\s*$"
)


def tactics_for(plan: Plan, kind: str) -> list[str]:
    """The plan's tactics that answer one kind of objection."""
    return [t for t in sales_tactics(plan) if tactic_kind(t) == kind]


def free_rivals(plan: Plan) -> tuple[bool, bool]:
    """(free, bundled): whether the market answer's SWOT threat names free or bundled rivals
    ('대형 경쟁사의 무료 요금제와 그룹웨어 번들', 'bundled analytics from commerce platforms')."""
    from assistant.analysis.lists import SWOT_LABELS, labelled

    threat = labelled(plan.section("mkt_market_analysis").content, SWOT_LABELS)[0].get("t", "")
    free = bool(re.search(r"\bfree\b|freemium|무료", threat, re.I))
    bundle = bool(re.search(r"bundl|번들|끼워", threat, re.I))
    return free, bundle
