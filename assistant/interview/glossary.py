"""The plan's acronyms and its own terms ('revenue bridge', '연환산') explained once, at the end,
in the reader's language: only those the plan uses (a CEO reading 'SDR', 'NRR' or 'BANT' finds
what each means)."""

from __future__ import annotations

import re

# acronym -> (English meaning, Korean meaning); terms every CEO reads daily (KPI, ROI, SaaS) are
# not explained: directors read them as filler
_TERMS: dict[str, tuple[str, str]] = {
    "MQL": ("marketing-qualified lead: a lead that meets marketing's bar to go to sales", "마케팅 적격 리드: 마케팅 기준을 넘어 영업에 넘기는 리드"),
    "SQL": ("sales-qualified lead: a lead sales has confirmed is worth working", "영업 적격 리드: 영업이 상담할 가치가 있다고 확인한 리드"),
    "SDR": ("sales development representative: first contact with leads, books the meetings", "리드에 먼저 연락해 상담을 잡는 인사이드 영업 담당자"),
    "AE": ("account executive: takes deals from first meeting to signature", "상담부터 계약까지 거래를 맡는 영업 담당자"),
    "CSM": ("customer success manager: customers' results, renewals and add-ons after the sale", "계약 후 고객의 성과와 갱신·추가 구매를 맡는 담당자"),
    "CAC": ("customer acquisition cost: sales and marketing spend per new customer", "고객 확보 비용: 신규 고객 한 곳을 얻는 데 드는 영업·마케팅 비용"),
    "LTV": ("lifetime value: the gross profit a customer brings while they stay", "고객 생애 가치: 고객이 거래하는 동안 남기는 매출총이익"),
    "NRR": ("net revenue retention: last year's customers' revenue a year later, after churn, downgrades and expansion", "순매출 유지율: 기존 고객 매출이 이탈·축소·확장을 거쳐 1년 뒤 남는 비율"),
    "ROAS": ("return on ad spend: revenue per unit of ad spend", "광고비 대비 매출"),
    "CPL": ("cost per lead", "리드당 비용"),
    "CRM": ("customer relationship management: the system that records leads, deals and customers", "고객 관리 시스템: 리드·거래·고객 기록을 담는 시스템"),
    "BANT": ("budget, authority, need, timing: a way to qualify a deal", "예산·결정 권한·필요·시기로 거래를 검증하는 방법"),
    "MEDDICC": ("metrics, economic buyer, decision criteria, decision process, identified pain, champion, competition: a way to qualify a deal", "지표·예산 결정자·결정 기준·결정 절차·문제·내부 지지자·경쟁으로 거래를 검증하는 방법"),
    "CTA": ("call to action: the next step the copy asks for", "행동 유도 문구: 광고나 콘텐츠가 고객에게 요청하는 다음 행동"),
    "ARR": ("annual recurring revenue", "연간 반복 매출"),
    "MRR": ("monthly recurring revenue", "월간 반복 매출"),
    "OTE": ("on-target earnings: base pay plus commission at quota", "목표 달성 시 받는 기본급과 성과급의 합"),
    "SWOT": ("strengths, weaknesses, opportunities, threats", "강점·약점·기회·위협"),
    "SMART": ("specific, measurable, achievable, relevant, time-bound", "구체적·측정 가능·달성 가능·관련성·기한"),
    "POS": ("point of sale: the checkout system and the sales data it records", "판매 시점 관리: 매장 결제 시스템과 그 판매 기록"),
    "BI": ("business intelligence: reporting and analytics tools", "경영 정보 분석: 보고·분석 도구"),
    # the plan's own terms, in each language's words
    "revenue bridge": ("last year's revenue, minus churn, plus new business and expansion: how the plan gets to its revenue goal", ""),
    "매출 브리지": ("", "작년 매출에서 이탈을 빼고 신규·확장 매출을 더해 매출 목표까지 가는 과정"),
    "run-rate": ("a period's revenue scaled to a year (a month × 12, a quarter × 4)", ""),
    "연환산": ("", "한 기간의 매출을 1년치로 늘려 본 값(월 × 12, 분기 × 4)"),
    "연초 연환산 매출": ("", "한 해를 시작할 때의 연환산 매출(작년 12월 월 매출 × 12). 작년 한 해 매출은 작년 평균이라 한 해 동안 자란 회사는 이보다 높게 시작함"),
    "reference call": ("a call in which a current customer tells a prospect how the product works for them", ""),
    "레퍼런스 콜": ("", "기존 고객이 구매 검토 중인 고객에게 직접 사용 경험을 들려주는 통화"),
    "레퍼런스 통화": ("", "기존 고객이 구매 검토 중인 고객에게 직접 사용 경험을 들려주는 통화"),
    "reference check": ("a call in which a current customer tells a prospect how the product works for them", ""),
    "연말 기준 연간 매출": ("", "그해 12월 월 매출 × 12. 한 해 동안 번 매출이 아니라 연말에 이른 매출 규모"),
    "연초 ARR": ("", "한 해를 시작할 때의 연간 반복 매출(작년 12월 월 반복 매출 × 12). 작년 한 해 매출은 작년 평균이라 한 해 동안 자란 회사는 이보다 높게 시작함"),
    "연말 ARR": ("", "그해 12월 월 반복 매출 × 12. 한 해 동안 번 매출이 아니라 연말에 이른 반복 매출 규모"),
    "기여 매출": ("", "마케팅이 만든 리드에서 나온 매출. 마케팅 ROI를 계산할 때 쓰는 매출"),
    "win rate": ("the share of sales-qualified leads (SQLs) that become customers", ""),
    "payback": ("the months of a customer's gross profit it takes to earn back its acquisition cost (CAC)", ""),
    "회수 기간": ("", "고객 한 곳의 확보 비용(CAC)을 그 고객의 매출총이익으로 되찾는 데 걸리는 개월 수"),
    "usual industry range": ("the usual range of a common sales or marketing measure, used where the plan has no figure of its own (widely published industry ranges): replace each with your own history as it comes in", ""),
    "업계 일반 범위": ("", "계획에 자사 수치가 없을 때 대신 쓴 값: 같은 지표가 업계에서 보통 나오는 범위(널리 공개된 자료 기준). 자사 실적이 쌓이면 그 값으로 바꿈"),
    "quota": ("the new business (deals or revenue) a seller is expected to sign in a year", ""),
    # the spelled-out terms a plan uses without their acronym
    "on-target earnings": ("base pay plus commission at quota (OTE)", ""),
    "net revenue retention": ("last year's customers' revenue a year later, after churn, downgrades and expansion (NRR)", ""),
    "할당량": ("", "영업 담당자 한 명이 한 해에 달성해야 하는 신규 계약(건수나 매출)"),
}  # fmt: skip


def glossary_markdown(text: str, lang: str) -> str:
    """'## Glossary' with a table of the acronyms `text` uses, in the order of the list; '' when it
    uses none."""
    ko = lang == "ko"
    used = [
        t
        for t in _TERMS
        if _TERMS[t][ko]  # a plan term is explained in its own language only
        and re.search(rf"(?<![A-Za-z]){re.escape(t)}(?:s|'s)?(?![A-Za-z])", text, re.I if " " in t or "-" in t else 0)
    ]  # fmt: skip
    if not used:
        return ""
    head = "| 용어 | 뜻 |" if ko else "| Term | Meaning |"
    rows = [f"| {t} | {_TERMS[t][1] if ko else _TERMS[t][0]} |" for t in used]
    return f"## {'용어 설명' if ko else 'Glossary'}\n\n" + "\n".join([head, "|---|---|", *rows])
