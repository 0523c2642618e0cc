"""Each tactic's usage rule by its kind: when it is used, what the seller does, where it goes."""

from assistant.interview.tactic_use import tactic_use


def test_a_tactic_gets_the_rule_of_its_kind_in_the_plan_s_language() -> None:
    assert tactic_use("MEDDICC qualification", False, "forecast_accuracy").startswith("Every opportunity, before it enters the forecast")  # fmt: skip
    assert tactic_use("Value calculator showing hours saved", False).startswith("In every demo, filled in with the buyer's own figures")  # fmt: skip
    assert tactic_use("같은 업종 고객 레퍼런스 통화", True).startswith("제안 단계에서 제공.")
    # a free diagnostic is the deal's seller's, within five working days: the plan's one default
    assert "5영업일 안에" in tactic_use("무료 급여 진단 보고서", True)


def test_a_qualification_the_first_touch_team_runs_is_the_hand_off_rule() -> None:
    """BANT that moves the MQL-to-SQL rate is the SDRs' rule for passing a lead on, not the
    sellers' forecast rule."""
    ko = tactic_use("BANT 자격 검증", True, "mql_to_sql_rate")
    assert ko.startswith("SQL로 넘기기 전 모든 리드에 적용.") and "예측" not in ko
    assert tactic_use("BANT qualification", False, "mql_to_sql_rate").startswith("Every lead before it is passed to a seller as an SQL")  # fmt: skip


def test_a_tactic_of_no_known_kind_gets_no_generic_line() -> None:
    assert tactic_use("Monthly coffee with the regional team", False) == ""
