"""The plan's wording made true to the plan's own shape, in one pass over composed text: the
user's own word for a term (`core.user_terms`), and for a chain that grows by opening outlets,
the year's landing said of outlets opening, not customers joining ('새 매장이 고르게 문을 열면')."""

from __future__ import annotations

from assistant.analysis.outlets import outlet_bridge, outlet_goal
from assistant.analysis.plan_analysis import analyse
from assistant.analysis.plan_goals import revenue_goal
from assistant.analysis.revenue_models import model_of
from assistant.core.plan import Plan
from assistant.core.user_terms import in_users_words

_OUTLET_WORDS: dict[str, list[tuple[str, str]]] = {
    "ko": [
        ("신규·이탈 고객을 모두 1년 치로", "새 매장의 매출을 1년 치로"),
        ("고객이 한 해 동안 고르게 들어오고 나간다면", "새 매장이 한 해 동안 고르게 문을 연다면"),
        ("고객이 한 해 동안 고르게 들어오면", "새 매장이 한 해 동안 고르게 문을 열면"),
        ("고객이 고르게 들어오면", "새 매장이 고르게 문을 열면"),
        ("신규 고객 매출은", "새 매장 매출은"),
        ("신규 고객을 연초에 앞당기거나 확장·가격으로", "새 매장을 연초에 앞당겨 열거나 기존 매장 매출로"),
        ("신규 고객을 연초에 앞당겨 확보하거나", "새 매장을 연초에 앞당겨 열거나"),
        ("을 확장·가격으로 메우는", "을 기존 매장 매출로 메우는"),
        ("상반기 신규 계약 수와 분기 매출", "상반기 새 매장 수와 분기 매출"),
        ("상반기에 계약을 앞당길 파이프라인을 만들거나", "상반기에 새 매장 오픈을 앞당기거나"),
    ],
    "en": [
        ("for every new and lost customer", "for every new outlet's sales"),
        ("with customers joining, leaving evenly through the year", "with outlets opening evenly through the year"),
        ("with customers joining evenly", "with outlets opening evenly"),
        ("If customers join evenly through the year", "If the new outlets open evenly through the year"),
        ("new customers bring", "new outlets bring"),
        ("win new customers early in the year or close the rest from expansion or price", "open new outlets early in the year or close the rest from existing outlets' growth"),
        ("the goal needs new customers won early in the year, or the", "the goal needs new outlets opened early in the year, or the"),
        (" from expansion or price;", " from existing outlets' growth;"),
        ("new contracts in the first half", "new outlets opened in the first half"),
        ("build pipeline that closes in the first half", "open new outlets earlier in the year"),
        ("Build pipeline that closes in the first half", "Open new outlets earlier in the year"),
    ],
}  # fmt: skip


# a Korean subscription business reads its run-rate as ARR ('연초 ARR', '연말 ARR'), not as a
# coined phrase; '매출' and 'ARR' both end in ㄹ, so the particles after them stay right
_ARR_WORDS = (
    ("연초 연환산 매출", "연초 ARR"),
    ("연말 기준 연간 매출", "연말 ARR"),
    ("연말 연간 매출 규모(연환산)", "연말 ARR"),
)


def in_plan_words(plan: Plan, text: str) -> str:
    """Composed text in the user's words, a Korean subscription plan's run-rate as ARR and, for
    a chain opening outlets, about outlets."""
    text = in_users_words(plan, text)
    if plan.language == "ko" and model_of(plan) == "subscription":
        for said, meant in _ARR_WORDS:
            text = text.replace(said, meant)
    if outlet_goal(plan) is None:  # the cheap check first: most plans open no outlets
        return text
    rev = revenue_goal(plan)
    if rev is not None and outlet_bridge(
        plan, rev[2], analyse(plan).revenue.new_business_from_goals
    ):
        for said, meant in _OUTLET_WORDS.get(plan.language, []):
            text = text.replace(said, meant)
    return text
