"""Where the plan stands against the buyer's alternatives, in one sentence: the competitor table's
pairings (each rival with the claim to lead with against it) said as the positioning's second
half ('Unlike Tableau and Looker Studio, Brightloom leads with one-day setup; …')."""

from __future__ import annotations

import re

from assistant.analysis.lists import competitor_list, split_items
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan
from assistant.interview.compose_rivals import rival_pairings
from assistant.interview.message_house import differentiators

# the table's note on what a row is ('(direct rivals)', '(substitute)', '(대체재)')
_KIND_NOTE = re.compile(r"\s*\((?:direct rivals?|substitute|price pressure|threat|status quo|직접 경쟁사|대체재|가격 압박|위협|현재 방식)\)", re.I)  # fmt: skip


def _names(label: str, ko: bool, said: str = "") -> str:
    """The row's names as written: 'A, B' read 'A and B' ('A·B'); a threat the table capitalised
    ('Bundled analytics from …') starts lower case inside the sentence."""
    threat = bool(_KIND_NOTE.search(label)) and not re.search(r"direct|직접", label)
    items = split_items(_KIND_NOTE.sub("", label).strip())
    if ko:  # 'A·B'; items with a bracket of their own read better apart ('A(x, y), B')
        names = (", " if any("(" in i for i in items) else "·").join(items)
    else:
        names = items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
    if threat and not ko and not names[1:2].isupper():
        # the threat as the user wrote it ('Shopify's built-in analytics' keeps its capital)
        at = said.lower().find(names.lower())
        names = said[at : at + len(names)] if at >= 0 else names[:1].lower() + names[1:]
    return names


def _claim(claim: str, ko: bool) -> str:
    claim = claim.strip(" .")
    return claim if ko or claim[1:2].isupper() else claim[:1].lower() + claim[1:]


def _noun_claim(claim: str, ko: bool) -> bool:
    """A claim that is a noun phrase ('2주 도입', 'one-day setup'), not a clause ('보증 제도를
    쓰고', '노무법인이 템플릿을 검수하며', 'we go live in one day'): only a noun phrase takes
    'leads with' or '을(를) 앞세움'."""
    if not ko:
        return not re.match(r"(?:we|our|you|it|they|us)\b", claim.strip(), re.I)
    from assistant.core.korean import tokens

    toks = tokens(claim.strip(" ."))
    return (
        bool(toks)
        and toks[-1].tag.startswith(("N", "SL", "SN", "SH", "XSN"))
        and not any(t.tag in ("JKO", "JKS") or t.tag.startswith(("VV", "EC")) for t in toks)
    )


# not a rival: 'etc', 'others', 'none directly', '뚜렷한 경쟁사 없음'
_NOT_A_RIVAL = re.compile(
    r"^(?:etc\.?|others?|and others|none\b.*|no direct\b.*|등|기타)$|없음|없다|없습니다", re.I
)


def against_alternatives(plan: Plan) -> str:
    """'Unlike A and B, Co leads with X; unlike C, with Y.' from the competitor table's pairings;
    '' when the plan names no competitor or no claim of its own."""
    ko = plan.language == "ko"
    names = [re.sub(r"\s+(?:etc\.?|등)$", "", r.strip(" .")) for r in competitor_list(plan)[:8]]
    names = [n for n in names if n and not _NOT_A_RIVAL.search(n)]
    claims = differentiators(plan)
    if not names or not claims:
        return ""
    pairs, _ = rival_pairings(plan, names, claims)
    pairs = [p for p in pairs if _noun_claim(p[1], ko)]
    # one claim once: rows that lead with the same claim for different reasons are one phrase
    merged: list[tuple[str, str, str]] = []
    for label, claim, why in pairs:
        at = next((i for i, m in enumerate(merged) if m[1].lower() == claim.lower()), None)
        if at is None:
            merged.append((label, claim, why))
        else:
            merged[at] = (f"{merged[at][0]}, {label}", merged[at][1], why)
    pairs = merged
    if not pairs:
        return ""
    company = plan.company.strip()
    from assistant.analysis.market_read import market_text

    said = market_text(plan)
    if ko:  # '대비' takes no particle after a Latin name ('Zapier 대비', not 'Zapier과')
        parts = [f"{_names(label, True)} 대비 {_claim(claim, True)}을(를)" for label, claim, _ in pairs]  # fmt: skip
        who = f"{company}은(는) " if company and re.search(r"[가-힣]$", company) else ""
        return fix_particles(f"{who}{', '.join(parts)} 앞세움.")
    who = company or "we"
    verb = "leads" if company else "lead"
    first, *rest = pairs
    out = f"Unlike {_names(first[0], False, said)}, {who} {verb} with {_claim(first[1], False)}"
    out += "".join(f"; unlike {_names(label, False, said)}, with {_claim(claim, False)}" for label, claim, _ in rest)  # fmt: skip
    return out + "."
