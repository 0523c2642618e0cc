"""What a list answer gave the plan, read back after it like the facts are: the personas' fields,
the target market's criteria, the channels, the calendar's dated activities and the recurring
content or training. A misreading (a pain filed as a channel, a month lost) is seen at once, and
the answer given again to correct it."""

from __future__ import annotations

from assistant.analysis.cadence import Recurring, recurring_items
from assistant.core.plan import CalendarEntry, Persona, Plan
from assistant.goals.numbers import format_amount
from assistant.interview.compose_target import market_criteria

_MAX = 8  # items of one list shown; the rest counted
_EVERY = {"week": ("a week", "주", "매주"), "fortnight": ("every two weeks", "격주", "격주로"),
          "month": ("a month", "월", "매월"), "quarter": ("a quarter", "분기", "분기마다"),
          "half": ("every six months", "반기", "반기마다"), "year": ("a year", "연", "매년")}  # fmt: skip
_RECURRING = ("mkt_content_strategy", "sales_training")


def _some(items: list[str], ko: bool) -> str:
    shown = ", ".join(items[:_MAX])
    rest = len(items) - _MAX
    if rest > 0:
        shown += f" 외 {rest}개" if ko else f" and {rest} more"
    return shown


def _persona(card: Persona, ko: bool, several: bool) -> list[str]:
    """A card's stated fields; the ones filled as typical for the role are not the answer's."""
    said = [
        f for f in ("role", "demographics", "goals", "pains", "channels") if f not in card.typical
    ]
    who = card.role if "role" in said and card.role else card.name
    if "demographics" in said and card.demographics and card.demographics not in who:
        who += f", {card.demographics}"
    items = [("페르소나: " if ko else "persona: ") + who]
    prefix = f"{card.name} " if several else ""
    for field, en, kr in (("goals", "goals", "목표"), ("pains", "pains", "불편한 점"),
                          ("channels", "where they look", "정보 채널")):  # fmt: skip
        values = getattr(card, field)
        if field in said and values:
            items.append(f"{prefix}{kr if ko else en}: " + "; ".join(values[:_MAX]))
    return items


def _entry(entry: CalendarEntry, plan: Plan, ko: bool) -> str:
    text = f"{entry.when} {entry.activity}".strip()
    if entry.cost is not None:
        cost = format_amount(
            entry.cost, plan.budget.currency or ("KRW" if ko else ""), "ko" if ko else "en"
        )
        text += f"({cost})" if ko else f" ({cost})"
    return text


def _recurring(item: Recurring, ko: bool) -> str:
    # 'Two-week onboarding bootcamp' -> 'two-week …'; 'NRF' keeps its capitals
    name = (
        item.name[:1].lower() + item.name[1:] if not ko and item.name[1:2].islower() else item.name
    )
    if item.period is None:
        return name
    en, short, adverb = _EVERY[item.period]
    if ko:
        return f"{name}({short} {item.count}회)" if item.counted else f"{name}({adverb})"
    return f"{name} ({item.count} {en})" if item.counted else f"{name} (each {en.split()[-1]})"


def list_items(plan: Plan, section_id: str, lang: str = "") -> list[str]:
    """What this section's answer gave the plan's lists, one short item each, in `lang`."""
    ko = (lang or plan.language) == "ko"
    if section_id == "mkt_audience_personas":
        cards = [p for p in plan.personas if p.author == "user"]
        return [i for card in cards[:3] for i in _persona(card, ko, len(cards) > 1)]
    if section_id == "sales_target_market":
        return [f"{label[:1].lower() + label[1:] if not ko else label}: {choice}" for label, choice in market_criteria(plan)]  # fmt: skip
    if section_id == "mkt_channels" and plan.channels_author == "user" and plan.channels:
        return [("채널: " if ko else "channels: ") + _some(plan.channels, ko)]
    if section_id == "mkt_calendar":
        entries = [_entry(e, plan, ko) for e in plan.calendar if e.author == "user"]
        return [("캘린더: " if ko else "calendar: ") + _some(entries, ko)] if entries else []
    if section_id in _RECURRING:
        items = [_recurring(i, ko) for i in recurring_items(plan.user_text(section_id))]
        label = {"mkt_content_strategy": ("content", "콘텐츠"), "sales_training": ("training", "교육")}[section_id]  # fmt: skip
        return [f"{label[ko]}: " + _some(items, ko)] if items else []
    return []
