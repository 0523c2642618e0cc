"""How a sales tactic is run, by its kind: the rule a sales director writes beside it (when it is
used, what the seller does, where its result goes), so the tactics table is a playbook rather
than the answer's list again. Each rule is a proposal: the plan marks the column so."""

from __future__ import annotations

import re

_RULES: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(r"medd?p?i?c+|bant|champ\b|qualif|자격\s*검증|검증\s*기준", re.I),
        "every opportunity, before it enters the forecast: the framework's fields filled in the CRM; one with no budget holder or decision date stays out of the quarter's commit",
        "예측에 넣기 전 모든 기회에 적용. CRM에 항목을 모두 채우고, 결재권자나 결정 시점이 빠진 기회는 분기 확정 예측에서 뺌",
    ),
    (
        re.compile(r"calculator|\broi\b|value\s+(?:case|model)|business\s+case|계산기|계산표|효과\s*계산", re.I),
        "in every demo, filled in with the buyer's own figures; the result goes into the proposal as the payback",
        "모든 시연에서 고객의 숫자로 계산하고, 결과를 제안서에 회수 기간으로 넣음",
    ),
    (
        re.compile(r"reference|testimonial|peer\s+call|레퍼런스|추천\s*통화", re.I),
        "offered at the proposal stage, from a list of customers in the buyer's segment who agreed to take calls; no customer asked more than once a quarter",
        "제안 단계에서 제공. 같은 업종 고객 중 통화에 동의한 고객 목록에서 고르고, 한 고객에게 분기 1회 넘게 요청하지 않음",
    ),
    (
        re.compile(r"diagnos|assessment|audit|health\s*check|진단", re.I),
        "offered on the first call; the deal's seller prepares it from one template within five working days and presents it in a meeting that proposes the next step",
        "첫 통화에서 제안. 거래 담당자가 한 양식으로 5영업일 안에 작성하고, 결과 보고 미팅에서 다음 단계를 제안함",
    ),
    (
        re.compile(r"trial|pilot|proof\s+of\s+concept|\bpoc\b|체험|파일럿|시범", re.I),
        "success criteria agreed with the buyer before it starts, checked halfway and at the end, when the proposal is presented",
        "시작 전에 고객과 성공 기준을 합의하고, 중간과 종료 시점에 점검해 종료일에 제안서를 제시함",
    ),
    (
        re.compile(r"mutual\s+action|action\s+plan|close\s+plan|실행\s*계획", re.I),
        "agreed at the demo, with dated steps to signature, and reviewed weekly in the pipeline meeting",
        "시연 때 계약까지의 단계와 날짜를 합의하고, 주간 파이프라인 회의에서 점검함",
    ),
    (
        re.compile(r"demo|시연", re.I),
        "built on the pains found in discovery, showing the buyer's own case first; the next step is agreed before the call ends",
        "발굴 단계에서 들은 고민에 맞춰 고객의 사례부터 보여 주고, 통화가 끝나기 전에 다음 단계를 합의함",
    ),
]  # fmt: skip


_HANDOFF = (
    "Every lead before it is passed to a seller as an SQL: budget, authority, need and timing noted in the CRM; one with no budget or timing stays in nurture",
    "SQL로 넘기기 전 모든 리드에 적용. 예산·결재권자·필요·시점을 CRM에 적고, 예산이나 시점이 없는 리드는 육성 단계에 남김",
)


def tactic_use(tactic: str, ko: bool, kpi: str = "") -> str:
    """The usage rule for a tactic by its kind ('' when no kind fits: the cell stays empty
    rather than a generic line). A qualification that moves the MQL-to-SQL rate (`kpi`) is the
    first-touch team's hand-off rule, not the sellers' forecast rule."""
    for rx, en, kr in _RULES:
        if rx.search(tactic):
            if rx is _RULES[0][0] and kpi == "mql_to_sql_rate":  # the qualification rule
                en, kr = _HANDOFF
            return kr if ko else en[:1].upper() + en[1:]
    return ""
