import pytest

from assistant.core.commands import help_lines, parse_command


@pytest.mark.parametrize(
    ("text", "name", "arg"),
    [
        ("skip", "skip", ""), ("/skip", "skip", ""), ("건너뛰기", "skip", ""),
        ("back", "back", ""), ("이전", "back", ""),
        ("goto budget", "goto", "budget"), ("이동 예산", "goto", "예산"),
        ("예산으로 이동", "goto", "예산"), ("go to 5", "goto", "5"),
        ("show plan", "show", ""), ("계획 보기", "show", ""),
        ("progress", "progress", ""), ("진행 상황", "progress", ""),
        ("export docx", "export", "docx"), ("내보내기 json", "export", "json"),
        ("help", "help", ""), ("도움말", "help", ""),
        ("example", "example", ""), ("예시", "example", ""),
        ("accept", "accept", ""), ("수락", "accept", ""), ("keep", "keep", ""), ("유지", "keep", ""),
        ("new plan", "new", ""), ("새 계획", "new", ""),
    ],
)  # fmt: skip
def test_commands_parse_in_both_languages(text: str, name: str, arg: str) -> None:
    cmd = parse_command(text)
    assert cmd is not None
    assert (cmd.name, cmd.arg) == (name, arg)


@pytest.mark.parametrize(
    "text",
    [
        "Skip the intro and focus on price in every campaign we run this year.",
        "Our plan is to grow",
        "Help desk software for small clinics",
        "예산은 총 5천만 원이고 광고에 40%를 씁니다",
    ],
)
def test_answers_that_contain_command_words_are_not_commands(text: str) -> None:
    assert parse_command(text) is None


def test_help_lists_every_command_in_both_languages() -> None:
    en = " ".join(how for how, _ in help_lines("en"))
    ko = " ".join(how for how, _ in help_lines("ko"))
    for word in (
        "skip",
        "back",
        "goto",
        "show plan",
        "progress",
        "export",
        "example",
        "accept",
        "new plan",
    ):
        assert word in en
    for word in (
        "건너뛰기",
        "이전",
        "이동",
        "계획 보기",
        "진행 상황",
        "내보내기",
        "예시",
        "수락",
        "새 계획",
    ):
        assert word in ko
