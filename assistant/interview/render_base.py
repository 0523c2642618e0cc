"""What every rendered section shares: the labels in both languages, markdown tables, and how
a sentence of the user's answer is found in a generated card or table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

LABELS = {
    "en": {
        "not_answered": "_Not answered yet._ This section should cover:",
        "skipped": "_Skipped for now._ This section should cover:",
        "goals": "Goals", "objectives": "Business objectives",
        "smart": "SMART",
        "suggestion": "Suggested rewrite", "to_complete": "To complete", "measurable": "Proposed measurable version",
        "measurement": "Measurement plan",
        "goal": "Goal", "kpi": "KPI", "formula": "Formula", "baseline": "Baseline",
        "target": "Target", "source": "Data source", "cadence": "Review",
        "personas": "Buyer personas", "role": "Role", "demographics": "Demographics",
        "persona_goals": "Goals", "pains": "Pains", "channels": "Where they look",
        "objections": "Objections", "triggers": "Buying triggers", "decision_role": "Decision role",
        "typical": "typical - confirm in interviews", "typical_group": "To find out in customer interviews", "plan_check": "To settle", "approves": "Deals they approve", "plan_check_a": "Why A?", "believe": "Reason to believe", "notes": "Also said", "also_said": "Also noted",
        "model_draft": "Drafted by the model from your answers - check it before you share the plan.",
        "messaging": "Messaging", "positioning": "Positioning", "value": "Value proposition",
        "key_messages": "Key messages", "cta": "Call to action", "persona": "Persona", "message": "Message",
        "proof": "Proof points", "answers": "What it answers", "value_above": "The value proposition (above)", "objection": "Objection", "answer": "Answer", "objections_h": "Objection handling",
        "copy_h": "Channel copy", "channel": "Channel", "stage": "Stage", "headline": "Headline", "body": "Body",
        "stages": {"awareness": "Awareness", "consideration": "Consideration", "decision": "Decision"},
        "budget": "Budget", "item": "Channel or activity", "share": "Share", "amount": "Amount",
        "total": "Total", "roi": "Expected ROI",
        "calendar": "Calendar", "when": "When", "activity": "Activity",
        "forecast": "Forecast", "period": "Period", "value_col": "Forecast", "low": "Low", "high": "High",
        "method": "Method", "mae": "Holdout MAE",
        "criteria": {"specific": "Specific", "measurable": "Measurable", "achievable": "Achievable",
                     "relevant": "Relevant", "time_bound": "Time-bound"},
        "plan_title": "Sales & Marketing Plan", "mkt": "Marketing Plan", "sales": "Sales Plan",
        "sources": "Sources", "chart": "Chart",
    },
    "ko": {
        "not_answered": "_아직 답하지 않았습니다._ 이 섹션에 들어갈 내용:",
        "skipped": "_일단 건너뛰었습니다._ 이 섹션에 들어갈 내용:",
        "goals": "목표", "objectives": "사업 목표",
        "smart": "SMART",
        "suggestion": "수정 제안", "to_complete": "보완할 부분", "measurable": "측정할 수 있게 바꾼 제안",
        "measurement": "측정 계획",
        "goal": "목표", "kpi": "KPI", "formula": "공식", "baseline": "기준값",
        "target": "목표값", "source": "데이터 출처", "cadence": "검토 주기",
        "personas": "구매자 페르소나", "role": "역할", "demographics": "인구 통계",
        "persona_goals": "목표", "pains": "불편한 점", "channels": "정보 채널",
        "objections": "예상 반론", "triggers": "구매 계기", "decision_role": "의사결정 역할",
        "typical": "일반적인 예 - 인터뷰로 확인", "typical_group": "고객 인터뷰에서 확인할 것", "plan_check": "정할 것", "approves": "승인하는 계약", "plan_check_a": "달성 가능성", "believe": "근거", "notes": "추가로 말한 내용", "also_said": "그 밖의 내용",
        "model_draft": "모델 초안: 답변을 바탕으로 모델이 쓴 글입니다. 계획을 공유하기 전에 확인해야 합니다.",
        "messaging": "메시지", "positioning": "포지셔닝", "value": "가치 제안",
        "key_messages": "핵심 메시지", "cta": "CTA 문구", "persona": "페르소나", "message": "메시지",
        "proof": "근거", "answers": "메시지가 답하는 것", "value_above": "가치 제안(위 문장)", "objection": "예상 반론", "answer": "대응", "objections_h": "예상 반론과 대응",
        "copy_h": "채널별 문구", "channel": "채널", "stage": "단계", "headline": "제목", "body": "본문",
        "stages": {"awareness": "인지", "consideration": "고려", "decision": "결정"},
        "budget": "예산", "item": "채널 또는 활동", "share": "비중", "amount": "금액",
        "total": "총액", "roi": "기대 ROI",
        "calendar": "캘린더", "when": "시기", "activity": "활동",
        "forecast": "예측", "period": "기간", "value_col": "예측값", "low": "하한", "high": "상한",
        "method": "방법", "mae": "검증 MAE",
        "criteria": {"specific": "구체성", "measurable": "측정 가능성", "achievable": "달성 가능성",
                     "relevant": "관련성", "time_bound": "기한"},
        "plan_title": "영업 및 마케팅 계획", "mkt": "마케팅 계획", "sales": "영업 계획",
        "sources": "출처", "chart": "차트",
    },
}  # fmt: skip


def labels(lang: str) -> dict[str, Any]:
    return LABELS["ko" if lang == "ko" else "en"]


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(header: list[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _sentences_of(text: str) -> list[str]:
    return [x.strip() for x in re.split(r"(?<=[.!?。])\s+|\n+", text or "") if x.strip()]


def _in_card(sentence: str, card: str) -> bool:
    """A sentence is in the card when most of its words are (labels and particles aside)."""
    words = [w for w in re.findall(r"[a-z]{4,}|[가-힣]{2,}|\d+", sentence.lower())]
    if not words:
        return True

    def found(w: str) -> bool:  # a Korean word is found without its particle ('카페와' -> '카페')
        return w in card or (
            bool(re.match("[가-힣]", w))
            and any(len(w) - k >= 2 and w[: len(w) - k] in card for k in (1, 2, 3))
        )

    share = sum(1 for w in words if found(w)) / len(words)
    # a sentence whose every figure the card already shows ('partners 12, about 25% of new
    # contracts') needs fewer of its words there: the figures are what it says
    numbers = [w for w in words if w.isdigit()]
    return share >= 0.6 or (bool(numbers) and all(found(n) for n in numbers) and share >= 0.5)
