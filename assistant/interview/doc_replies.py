"""What the chat says about documents: what an upload gave (sections covered, facts read with
their pages, proposals), the proposal list, and the answer to accept / edit / discard."""

from __future__ import annotations

from assistant.core.documents import Proposal, UserDocument
from assistant.core.fact_sheet import Fact
from assistant.core.plan import Plan
from assistant.interview.doc_proposals import accept_proposal
from assistant.interview.readout import fact_text


def _excerpt(text: str, limit: int = 400) -> str:
    one = " ".join(text.split())
    if len(one) <= limit:
        return one
    cut = one[:limit]
    return cut[: cut.rfind(" ")] + " …"


def proposal_line(plan: Plan, p: Proposal) -> str:
    ko = plan.language == "ko"
    title = plan.title(p.section)
    quote = _excerpt(p.text)
    if p.source is None:  # a model's draft
        if ko:
            return (f"**제안 {p.id}** · 모델 초안: “{quote}”\n"
                    f"→ '{title}'을(를) 이 초안으로 바꿀까요? ('수락 {p.id}', '수정 {p.id}: …', '버리기 {p.id}') 지금은 입력하신 답이 그대로 있습니다.")  # fmt: skip
        return (f"**Proposal {p.id}** · Drafted by the model: “{quote}”\n"
                f"→ Use this draft for {title}? ('accept {p.id}', 'edit {p.id}: …', 'discard {p.id}') Until then your answer stands.")  # fmt: skip
    if ko:
        return (f"**제안 {p.id}** · *{p.source.document}*, {p.source.page}쪽에서: “{quote}”\n"
                f"→ 이 내용을 '{title}' 답변으로 쓸까요? ('수락 {p.id}', '수정 {p.id}: …', '버리기 {p.id}')")  # fmt: skip
    return (f"**Proposal {p.id}** · From *{p.source.document}*, p. {p.source.page}: “{quote}”\n"
            f"→ Use this as your {title}? ('accept {p.id}', 'edit {p.id}: …', 'discard {p.id}')")  # fmt: skip


def upload_reply(
    plan: Plan,
    added: list[UserDocument],
    covered: dict[str, list[tuple[str, int]]],
    facts: list[Fact],
    proposals: list[Proposal],
    problems: list[str],
) -> str:
    """`covered`: section -> [(document, page)] the documents speak to."""
    ko = plan.language == "ko"
    lines: list[str] = []
    for doc in added:
        lines.append(f"*{doc.name}*: {doc.pages}쪽, 단락 {doc.passages}개를 읽었습니다." if ko
                     else f"Read *{doc.name}*: {doc.pages} page(s), {doc.passages} passage(s).")  # fmt: skip
    lines += [f"⚠ {p}" for p in problems]
    if covered:
        parts = []
        proposed = {p.section for p in proposals}
        for sid, spots in covered.items():
            pages = sorted({page for _, page in spots})
            where = ", ".join(str(n) for n in pages[:4])
            kept = sid not in proposed and plan.section(sid).is_done  # the user's answer stays
            note = (
                ("; 답변이 있어 그대로 둠" if ko else "; already answered, kept yours")
                if kept
                else ""
            )
            parts.append(
                f"{plan.title(sid)} ({where}쪽{note})"
                if ko
                else f"{plan.title(sid)} (p. {where}{note})"
            )
        lines.append(
            ("문서가 다루는 섹션: " if ko else "Your documents cover: ") + "; ".join(parts) + "."
        )
    elif added:
        lines.append("문서에서 계획 섹션에 맞는 내용을 찾지 못했습니다. 질문하면 문서에서 찾아 답합니다." if ko
                     else "I found nothing that fits a plan section; ask a question and I will answer from the documents.")  # fmt: skip
    if facts:
        read = "; ".join(
            f"{fact_text(f, plan.language)} ({f.page}쪽)"
            if ko
            else f"{fact_text(f, plan.language)} (p. {f.page})"
            for f in facts
        )
        lines.append(
            f"문서에서 읽은 사실: {read}. 사실 시트에 '문서' 출처로 올렸습니다. 틀리면 그대로 고쳐 말해 주세요."
            if ko else
            f"From the documents I read: {read}. They are on the fact sheet as document facts; correct any in plain words."
        )  # fmt: skip
    lines += [proposal_line(plan, p) for p in proposals]
    return "\n\n".join(lines).strip()


def proposals_reply(plan: Plan) -> str:
    ko = plan.language == "ko"
    shelf = plan.shelf
    docs = ", ".join(
        f"*{d.name}* ({d.pages}쪽)" if ko else f"*{d.name}* ({d.pages} p.)" for d in shelf.documents
    )
    head = f"올린 문서: {docs or '없음'}." if ko else f"Your documents: {docs or 'none'}."
    open_ = shelf.open_proposals()
    if not open_:
        done = sum(1 for p in shelf.proposals if p.status == "accepted")
        return (
            head
            + ("\n\n남은 제안이 없습니다" if ko else "\n\nNo open proposals")
            + (f" (수락 {done}건)." if ko else f" ({done} accepted).")
        )
    return "\n\n".join([head, *(proposal_line(plan, p) for p in open_)])


def apply_proposal_command(plan: Plan, kind: str, number: int, text: str) -> tuple[str, bool]:
    """(reply, whether the plan changed) for accept / edit / discard of proposal `number`."""
    ko = plan.language == "ko"
    p = plan.shelf.proposal(number)
    if p is None:
        return (f"제안 {number}이(가) 없습니다. '제안'을 입력하면 목록을 봅니다." if ko
                else f"There is no proposal {number}. Type 'proposals' to see the list."), False  # fmt: skip
    title = plan.title(p.section)
    if p.status != "open":
        state = {"accepted": ("이미 수락했습니다", "was already accepted"),
                 "discarded": ("이미 버렸습니다", "was already discarded")}[p.status]  # fmt: skip
        return (
            f"제안 {number}은(는) {state[0]}." if ko else f"Proposal {number} {state[1]}."
        ), False
    if kind == "discard":
        p.status = "discarded"
        plan.touch()
        if p.source is None or plan.section(p.section).is_done:
            return (f"제안 {number}을(를) 버렸습니다. '{title}'은(는) 입력하신 답 그대로입니다." if ko
                    else f"Discarded proposal {number}; {title} keeps your answer."), True  # fmt: skip
        return (f"제안 {number}을(를) 버렸습니다. '{title}'은(는) 그대로 열려 있습니다." if ko
                else f"Discarded proposal {number}; {title} stays open."), True  # fmt: skip
    if kind == "edit" and not text:
        return (f"고친 내용을 함께 적어 주세요: '수정 {number}: …'." if ko
                else f"Add your version after a colon: 'edit {number}: …'."), False  # fmt: skip
    if p.source is not None and plan.section(p.section).is_done:
        p.status = "discarded"
        return (f"'{title}'에는 이미 답이 있어 제안 {number}을(를) 넣지 않았습니다." if ko
                else f"{title} already has an answer, so proposal {number} was not used."), True  # fmt: skip
    accept_proposal(plan, p, text if kind == "edit" else None)
    how = (
        ("고친 내용으로 " if kind == "edit" else "")
        if ko
        else (" with your edits" if kind == "edit" else "")
    )
    if p.source is None:
        mark = (
            ""
            if kind == "edit"
            else (" (모델 초안으로 표시됩니다)" if ko else " (marked as drafted by the model)")
        )
        return (
            f"{how}'{title}'에 넣었습니다{mark}." if ko else f"Added to {title}{how}{mark}."
        ), True
    return (f"{how}'{title}'에 넣었습니다 (출처: {p.source.document}, {p.source.page}쪽)." if ko
            else f"Added to {title}{how} (source: {p.source.document}, p. {p.source.page})."), True  # fmt: skip
