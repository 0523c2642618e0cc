"""`versions`, `diff N M` and `restore N` typed in the chat: the store keeps every version."""

from __future__ import annotations

from assistant.interview.engine import InterviewState, Reply
from assistant.store import SessionStore


def version_command(
    store: SessionStore,
    state: InterviewState,
    session_id: str,
    kind: str,
    a: int | None,
    b: int | None,
) -> Reply:
    """`versions`, `diff N M` (default: the last two) and `restore N` (a new version)."""
    from assistant.interview.versions import diff_plans

    plan = state.plan
    ko = plan.language == "ko"
    infos = store.versions(session_id)
    known = {v.revision for v in infos}
    if kind == "list":
        lines = [f"- v{v.revision} · {v.at[:16].replace('T', ' ')} · {v.note or '-'}" for v in infos[-30:]]  # fmt: skip
        head = (
            f"계획 버전 (현재 v{plan.revision}):"
            if ko
            else f"Plan versions (now v{plan.revision}):"
        )
        tail = (
            "'비교 2 5'로 차이를, '복원 3'으로 되돌리기를 할 수 있습니다."
            if ko
            else "Type 'diff 2 5' to compare two, 'restore 3' to bring one back."
        )
        return Reply(text="\n".join([head, *lines, "", tail]), section=state.cursor)
    if kind == "diff":
        older = sorted(known)
        a, b = (
            (a, b)
            if a and b
            else (
                (a, plan.revision)
                if a
                else (older[-2] if len(older) > 1 else plan.revision, plan.revision)
            )
        )
        missing = [n for n in (a, b) if n not in known and n != plan.revision]
        if missing:
            return Reply(text=(f"v{missing[0]} 버전이 없습니다." if ko else f"There is no version v{missing[0]}."), kind="error", section=state.cursor)  # fmt: skip
        old = store.version_plan(session_id, a) or plan
        new = plan if b == plan.revision else (store.version_plan(session_id, b) or plan)
        changes = diff_plans(old, new, plan.language)
        head = f"v{a} → v{b}:"
        body = "\n".join(f"- {c}" for c in changes) or (
            "- 바뀐 내용이 없습니다." if ko else "- No changes."
        )
        return Reply(text=f"{head}\n{body}", section=state.cursor)
    chosen = store.version_plan(session_id, a or 0)
    if chosen is None:
        return Reply(text=(f"v{a} 버전이 없습니다." if ko else f"There is no version v{a}."), kind="error", section=state.cursor)  # fmt: skip
    revision, shelf = plan.revision, plan.shelf
    state.plan = chosen.model_copy(deep=True)
    state.plan.revision = revision
    state.plan.shelf = shelf  # the documents stay: their index is not versioned
    state.plan.touch()  # a restore is a new version; nothing is lost
    state.pending, state.read_back = [], []
    return Reply(
        text=(f"v{a}을(를) 되살려 v{state.plan.revision}으로 저장했습니다. 이전 상태도 버전 목록에 남아 있습니다." if ko
              else f"Restored v{a} as v{state.plan.revision}; the state before it stays in the version list."),
        section=state.cursor,
    )  # fmt: skip
