"""Checks on what the message house promises a customer: an absolute claim ('급여 오류 걱정이
없습니다', 'never miss a number') that advertising rules (표시광고법, the FTC's substantiation
rule) can challenge, and who gathers the proof the messages still lack, by when."""

from __future__ import annotations

import re

from assistant.analysis.lists import team_roles
from assistant.analysis.plan_goals import plan_year
from assistant.core.plan import Plan

_ABSOLUTE = {
    "ko": re.compile(r"(?:걱정|문제|오류|실수|위험)[이가]?\s*(?:전혀\s*)?없(?:습니다|음|다|어요)|완벽|절대|무조건|100\s*%\s*(?:보장|정확|해결)|보장합니다|유일한|업계\s*최고|국내\s*최고"),
    "en": re.compile(r"\bnever\s+(?:miss|wrong|again)|\bguarantee[sd]?\b|\b100\s*%\s*(?:accurate|guaranteed|error)|\bzero\s+(?:errors?|risk|mistakes)|\bperfect\b|\bworry-free\b|\bno\s+more\s+(?:errors?|mistakes)|\bthe\s+only\b|\bthe\s+best\b", re.I),
}  # fmt: skip


def absolute_claims(plan: Plan) -> list[str]:
    """The sentences of the value proposition, proof points and key messages that promise an
    absolute ('걱정이 없습니다', 'guaranteed'), each once."""
    m = plan.messaging
    rx = _ABSOLUTE["ko" if plan.language == "ko" else "en"]
    texts = [m.positioning, m.value_proposition, *(p for km in m.key_messages for p in km.proof_points), *(km.message for km in m.key_messages)]  # fmt: skip
    found: list[str] = []
    for text in texts:
        for sentence in re.split(r"(?<=[.!?。])\s+", text or ""):
            s = sentence.strip()
            if s and rx.search(s) and s not in found:
                found.append(s)
    return found


_EN_SO = re.compile(
    r"\s*(?:,\s*|\s+)(?:so(?!\s+that)|which\s+means|meaning|and\s+so)\s+|\s*[:;–—-]\s+", re.I
)


def sound_part(sentence: str, lang: str) -> str:
    """What a proof sentence says before its absolute promise, when that part stands alone ('노무법인이
    검수한 템플릿이라 급여 오류 걱정이 없습니다' -> '노무법인이 검수한 템플릿'; 'Templates reviewed by
    labour lawyers, so payroll is never wrong' -> 'Templates reviewed by labour lawyers'); '' when
    the sentence has no absolute or nothing checkable comes before it."""
    ko = lang == "ko"
    m = _ABSOLUTE["ko" if ko else "en"].search(sentence)
    if m is None:
        return ""
    if ko:
        from assistant.core.korean import noun_form, tokens

        # the reason clause ends at a connective ending (-이라, -어서, -므로) before the promise:
        # a noun and its copula ('템플릿이라') keeps the noun phrase; a verb ('직접 관리해서',
        # '수의사가 설계해') ends in its noun form ('직접 관리함'), its whole clause kept
        toks = tokens(sentence)
        # a coordinating -고 joins two reasons ('암호화하고 백업하기 때문에'): no clause end
        joints = [i for i, t in enumerate(toks) if t.tag == "EC" and t.form != "고" and t.start + t.len <= m.start()]  # fmt: skip
        if not joints or joints[-1] == 0:
            return ""
        stem = toks[joints[-1] - 1]
        if stem.tag == "VCP":
            kept = sentence[: stem.start].rstrip()
        elif stem.tag.split("-")[0] in ("VV", "VA", "XSV", "XSA") and not stem.tag.endswith("-I"):
            kept = sentence[: stem.start] + noun_form(stem.form)
        else:
            return ""
    else:
        parts = list(_EN_SO.finditer(sentence[: m.start()]))
        if not parts:
            return ""
        kept = sentence[: parts[-1].start()].strip()
    return kept if len(kept.split()) >= 2 else ""


def absolute_claim_note(plan: Plan) -> str:
    claims = absolute_claims(plan)
    if not claims:
        return ""
    quoted = ", ".join(f"'{c.rstrip('.')}'" for c in claims[:2])
    if plan.language == "ko":
        return f"{quoted}: 단정 표현이라 광고 심의나 표시광고법에서 입증을 요구받을 수 있음. 근거가 보여 주는 수치와 기간으로 말하는 표현으로 바꾸는 것을 권함."
    return f"{quoted}: an absolute claim that advertising rules can ask you to substantiate. Recommended: say what the proof shows, with its number and period, instead."


def proof_owner_note(plan: Plan) -> str:
    """Who gathers the proof the messages still lack, and by when: customer success when the
    team has it (it talks to the customers), else the marketing team; by the end of Q1."""
    roles = team_roles(plan)
    ko = plan.language == "ko"
    cs = next((str(r["role"]) for r in roles if re.search(r"success|csm|고객\s*성공|CS", str(r["role"]), re.I)), "")  # fmt: skip
    year = plan_year(plan)
    # a company with last year's revenue has customers to ask now, not only its first new ones
    known = plan.fact("revenue_base") is not None
    from assistant.interview.workload_check import trial_days

    # a trial the sellers run measures each claim before any case study is written
    trial = trial_days(plan)
    said = " ".join(plan.user_text(s) for s in ("sales_strategy", "mkt_strategy", "sales_offering"))
    from assistant.interview.offer_words import SAMPLE_DATA

    if SAMPLE_DATA.search(said):
        trial = None  # a trial on sample data has no buyer's figures to measure
    if ko:
        who = cs or "마케팅팀"
        whom = "현재 고객" if known else "첫 도입 고객"
        meantime = (
            f" 그 전에도 {trial[0]}일 {trial[1]}마다 고객의 도입 전후 수치를 재어, 고객이 동의하면 첫 근거로 씀."
            if trial
            else ""
        )
        return f"_확보할 근거는 {who}이(가) {whom}에게서 {year}년 1분기 말까지 모아 각 메시지에 붙임.{meantime}_"
    who = f"the {cs}" if cs else "the marketing team"
    verb = "gather" if re.search(r"[a-z]s$", who) and not who.endswith("team") else "gathers"
    whom = "today's customers" if known else "the first customers"
    meantime = (
        f" Before then, each {trial[0]}-day {trial[1]} measures it: record the buyer's figures before and at the end of the {trial[1]}, and quote them with the buyer's consent."
        if trial
        else ""
    )
    return f"_Proof to collect: {who} {verb} it from {whom} by the end of Q1 {year}, to back each message.{meantime}_"
