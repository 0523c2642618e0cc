"""What makes a training programme a plan, not a list: who runs it (the manager of the people it
trains, the product team for product knowledge, an invited expert when the programme names one)
and the measure that shows whether it changed results (the knowledge base's 'ramp time, win rate,
quota attainment')."""

from __future__ import annotations

import re

from assistant.core.lang import fix_particles, singular_role

# (a programme's kind, its cue, what shows it worked: English, Korean; '' when it depends on the
# team or the programme), checked in order
_MEASURED = [
    ("onboarding", r"onboard|bootcamp|new[- ]hire|입문|신규|신입|온보딩", ("", "")),  # by role
    ("review", r"call review|role-?play|shadow|coach|녹취|통화\s*리뷰|코칭|롤플레이|동행", ("", "")),  # by role
    ("law", r"\blaw\b|legal|complian|regulat|노동법|법\s*개정|노무|규제|규정",
     ("deals held up by legal or compliance questions, each quarter",
      "법·규정 질문으로 멈춘 거래 수(분기마다)")),
    ("product", r"product|certif|메뉴|제품|상품|시식|인증", ("", "")),  # a test or a quiz
    ("proposal", r"proposal|quote|제안|견적", ("win rate on proposals", "제안 수주율")),
    ("method", r"medd?ic|bant|spin|challenger|method|qualif|방법론|자격",
     ("forecast accuracy and win rate", "예측 정확도와 수주율")),
    ("negotiation", r"negotiat|objection|협상|반론|거절", ("average discount and win rate", "평균 할인율과 수주율")),
]  # fmt: skip
_REVIEW = re.compile(
    r"call review|role-?play|shadow|coach|녹취|통화\s*리뷰|코칭|롤플레이|동행", re.I
)
_PRODUCT = re.compile(r"product|certif|제품|상품|인증", re.I)
_GUEST = re.compile(
    r"invit|guest|external|outside|expert|초빙|초청|외부|전문가|노무사|변호사|세무사",
    re.I,
)
ONBOARD = re.compile(r"onboard|bootcamp|new[- ]hire|입문|신규|신입|온보딩", re.I)
_TEST = re.compile(r"certif|exam|test|인증|시험|평가", re.I)
_SDR = re.compile(r"\bsdrs?\b|\bbdrs?\b|development rep|inside sales|인사이드", re.I)


def measured_by(programme: str, roles: list[dict[str, object]], ko: bool) -> str:
    """The measure that shows a programme worked, in the plan's own roles: call reviews by each
    reviewed role's conversion (the close rate for quota sellers, MQL-to-SQL for SDRs), onboarding
    by ramp time (to the first deal when the team sells), product training by its test."""
    sellers = [str(r["role"]) for r in roles if r["quota_carrying"]]
    sdrs = [str(r["role"]) for r in roles if _SDR.search(str(r["role"]))]
    for kind, cue, said in _MEASURED:
        if not re.search(cue, programme, re.I):
            continue
        if said[0]:
            return said[ko]
        if kind == "onboarding":
            if sellers:
                return "적응 기간(첫 수주까지 주 수, 목표 100% 도달까지 개월 수)" if ko else "ramp time (weeks to a new seller's first deal, months to full quota)"  # fmt: skip
            return "적응 기간(혼자 업무를 맡기까지 걸린 주)" if ko else "ramp time (weeks until a new hire works alone at full pace)"  # fmt: skip
        if kind == "product":
            if not _TEST.search(programme):
                return (
                    "교육 후 짧은 제품 퀴즈 점수"
                    if ko
                    else "a short product quiz after each session"
                )
            if sellers:
                return "인증 합격률(단독 영업 전), 시연→제안 전환율" if ko else "pass rate before selling alone, then the demo-to-proposal rate"  # fmt: skip
            return "인증 합격률(단독 업무 전)" if ko else "pass rate before working alone"
        # call reviews: each reviewed role's own conversion
        parts = [
            *((f"{sellers[0]}은(는) 수주율" if ko else f"win rate for {sellers[0]}") for _ in sellers[:1]),
            *((f"{sdrs[0]}은(는) MQL→SQL 전환율" if ko else f"MQL-to-SQL rate for {sdrs[0]}") for _ in sdrs[:1]),
        ]  # fmt: skip
        if ko:
            return fix_particles(
                f"담당자별 전환율({', '.join(parts)})" if parts else "담당자별 전환율"
            )
        return f"conversion by person ({', '.join(parts)})" if parts else "conversion by person"
    return "-"


def run_by(
    programme: str,
    trained: list[dict[str, object]],
    roles: list[dict[str, object]],
    lead: str,
    ko: bool,
) -> str:
    """Who runs a programme (proposed): an expert it names runs it and the sellers' manager
    organises it; product knowledge is the product team's; call reviews are each group's own
    manager's; onboarding is the sellers' manager's, with a senior seller."""
    seller = next((str(r["role"]) for r in roles if r["quota_carrying"]), "")
    if re.search(r"vendor|supplier|공급사|협력사", programme, re.I):
        return fix_particles(f"공급사 담당자(준비: {lead})" if ko else f"the vendor's trainer, organised by {lead}") if lead else ("공급사 담당자" if ko else "the vendor's trainer")  # fmt: skip
    if _GUEST.search(programme):
        return fix_particles(f"초빙 전문가(준비: {lead})" if ko else f"the invited expert, organised by {lead}") if lead else ("초빙 전문가" if ko else "the invited expert")  # fmt: skip
    if _PRODUCT.search(programme) and not ONBOARD.search(programme) and not _REVIEW.search(programme):  # fmt: skip
        if _TEST.search(programme):
            return "제품팀(시험 출제·채점)" if ko else "the product team (sets and marks the test)"
        return "제품팀" if ko else "the product team"
    if _REVIEW.search(programme):
        # each group is reviewed by the manager it reports to ('team lead for SDRs, VP Sales
        # for account executives')
        groups = trained or [r for r in roles if r["reports_to"]]
        pairs: dict[str, list[str]] = {}
        for r in groups:
            if r["reports_to"]:
                pairs.setdefault(str(r["reports_to"]), []).append(str(r["role"]))
        if len(pairs) > 1:
            return ", ".join(
                f"{boss}({', '.join(who)})" if ko else f"{boss} ({', '.join(who)})"
                for boss, who in pairs.items()
            )
        return next(iter(pairs), lead) or "-"
    if ONBOARD.search(programme) and lead:
        if seller:
            return f"{lead}, 선임 {seller} 1명과 함께" if ko else f"{lead}, with a senior {_singular(seller)}"  # fmt: skip
        return lead
    return next((str(r["reports_to"]) for r in trained if r["reports_to"]), lead) or "-"


_singular = singular_role
