"""A manager who coaches more people directly than a front-line manager usually can (the guide's
span of control): said under the team table with the groups a lead would take, so a director's
check ('the head of sales has 11 direct reports') is in the plan, not left to the reader."""

from __future__ import annotations

import math

from assistant.analysis.seller_workload import usual_span
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan

# a team this large is a frontline organisation (stores, branches): its reporting lines are not
# all stated, so the default (everyone under the leader) says nothing about anyone's span
_LARGEST = 30


def _key(name: str) -> str:
    """'Head of Sales' and 'head of sales', 'sales manager' and 'sales managers' alike."""
    return name.lower().strip().removesuffix("s")


def span_note(plan: Plan, roles: list[dict[str, object]], unnamed: list[str]) -> str:
    """'' unless one manager has more direct reports than the usual range's top: then who, how
    many (by group) and the remedy the guide names (a lead per group of three or more)."""
    from assistant.core.settings import get_settings

    usual = usual_span(str(get_settings().knowledge_dir), plan.language)
    if usual is None:
        return ""
    counts = {str(r["role"]): int(str(r["count"] or 0)) for r in roles}
    if sum(counts.values()) > _LARGEST:
        return ""
    leader = next((str(r["role"]) for r in roles if not r["reports_to"]), "")
    direct: dict[str, list[tuple[str, int]]] = {}
    shown: dict[str, str] = {}
    for r in roles:
        if r["reports_to"]:
            k = _key(str(r["reports_to"]))
            shown.setdefault(k, str(r["reports_to"]))
            direct.setdefault(k, []).append((str(r["role"]), counts[str(r["role"])]))
    for boss in unnamed:  # a manager named only as a boss reports to the leader, one person
        if leader and _key(boss) != _key(leader):
            shown.setdefault(_key(leader), leader)
            direct.setdefault(_key(leader), []).append((boss, 1))
    heads = {_key(name): c for name, c in counts.items()}
    ko = plan.language == "ko"
    low, high = (f"{x:g}" for x in usual)
    for k, team in direct.items():
        # one rule per person: managers of one role share their team, each coaches their part
        managers = max(1, heads.get(k, 1))
        n = sum(c for _, c in team)
        per = n / managers
        if per <= usual[1]:
            continue
        boss = shown[k]
        about = f"{per:.0f}" if per == int(per) else f"{per:.1f}"
        need = math.ceil(n / usual[1])  # managers that keep each within the usual range
        # one manager: a lead for each of the largest groups (three or more people)
        groups = sorted(((role, c) for role, c in team if c > 2), key=lambda g: -g[1])
        if ko:
            each = ", ".join(f"{role} {c}명" for role, c in team)
            if managers > 1:  # more managers of the role, or a lead in each team
                return "\n\n" + fix_particles(f"{boss} {managers}명의 직속이 {n}명({each}, 1인당 약 {about}명)으로, 관리자 한 명이 보통 직접 코칭하는 {low}~{high}명을 넘습니다. 1:1 면담과 거래 점검이 얕아지지 않도록 {boss}을(를) {need}명으로 늘리거나(1인당 약 {n / need:.0f}명) 팀마다 리드를 두는 것을 검토합니다.")  # fmt: skip
            leads = "·".join(f"{role} 리드" for role, _ in groups[:2])
            return "\n\n" + fix_particles(f"{boss}의 직속이 {n}명({each})으로, 관리자 한 명이 보통 직접 코칭하는 {low}~{high}명을 넘습니다. 1:1 면담과 거래 점검이 얕아지지 않도록 {leads or '직군별 리드'}을(를) 두는 것을 검토합니다.")  # fmt: skip
        each = ", ".join(f"{c} {role}" if c > 1 else f"the {role}" for role, c in team)
        if managers > 1:
            plural = boss if boss.lower().endswith("s") else f"{boss}s"
            return f"\n\nThe {managers} {plural} coach {n} people directly ({each}; about {about} each), above the {low} to {high} a front-line manager usually can; to keep one-to-ones and deal reviews from thinning, consider {need} {plural} (about {n / need:.0f} each) or a lead in each team."  # fmt: skip
        leads = " and ".join(f"one for the {role}" for role, _ in groups[:2])
        return f"\n\nThe {boss} coaches {n} people directly ({each}), above the {low} to {high} a front-line manager usually can; to keep one-to-ones and deal reviews from thinning, consider a lead for each group ({leads or 'one per group'})."  # fmt: skip
    return ""
