"""The interview's command set, in Korean and English. `parse_command` never eats an answer:
a message is a command only when it is exactly a command word (optionally with '/' and an
argument), so free-text answers that merely contain these words are left alone."""

from __future__ import annotations

import re

from pydantic import BaseModel

# name -> (english aliases, korean aliases, takes an argument)
COMMANDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    "help": (("help", "?", "commands", "h"), ("도움말", "도움", "명령어", "헬프"), False),
    "skip": (("skip", "next", "pass"), ("건너뛰기", "건너뛰어", "패스", "다음", "스킵"), False),
    "back": (("back", "previous", "prev"), ("이전", "뒤로", "이전 질문"), False),
    "goto": (("goto", "go to", "go", "jump", "jump to", "edit"), ("이동", "가기", "섹션", "수정"), True),
    "show": (("show plan", "show", "plan", "view plan"), ("계획 보기", "계획", "보기", "계획서"), False),
    "progress": (("progress", "status", "sections", "checklist"), ("진행", "진행 상황", "진행상황", "목록", "섹션 목록"), False),
    "export": (("export", "save as", "download"), ("내보내기", "저장", "다운로드"), True),
    "example": (("example", "sample", "e.g."), ("예시", "예", "예제"), False),
    "accept": (("accept", "yes", "ok", "use it", "use suggestion"), ("수락", "적용", "네", "좋아요", "예 적용"), False),
    "keep": (("keep", "no", "keep mine", "keep it"), ("유지", "아니요", "그대로", "원래대로"), False),
    "new": (("new plan", "new", "restart", "start over"), ("새 계획", "새로 시작", "처음부터"), False),
    "language": (("language", "lang"), ("언어",), True),
    "company": (("company",), ("회사", "회사명"), True),
    "question": (("ask", "question"), ("질문",), True),
    "review": (("review", "check plan", "review plan"), ("검토", "계획 검토", "점검"), False),
    "persona": (("draft persona", "persona", "personas"), ("페르소나", "페르소나 초안"), False),
    "messaging": (("draft messaging", "messaging", "messages"), ("메시지", "메시지 초안", "메시징"), False),
    "copy": (("copy", "ad copy", "channel copy"), ("카피", "광고 문구", "채널 카피"), True),
}  # fmt: skip


class Command(BaseModel):
    name: str
    arg: str = ""


def _aliases() -> list[tuple[str, str, bool]]:
    out = [(alias, name, takes) for name, (en, ko, takes) in COMMANDS.items() for alias in en + ko]
    return sorted(out, key=lambda item: len(item[0]), reverse=True)


_ALIASES = _aliases()
_SUFFIX_KO = re.compile(r"(?:해\s*줘|해\s*주세요|해줘요|하기|할래요?|할게요?)$")


def parse_command(text: str) -> Command | None:
    """A command if the whole message is one, else None (the message is an answer or question)."""
    raw = text.strip()
    slash = raw.startswith("/")
    body = raw[1:].strip() if slash else raw
    low = _SUFFIX_KO.sub("", body.lower()).strip().rstrip(".!")
    if not low:
        return None
    for alias, name, takes in _ALIASES:
        if low == alias:
            return Command(name=name)
        if takes and low.startswith(alias + " "):
            arg = (
                body[len(alias) :].strip()
                if body.lower().startswith(alias)
                else low[len(alias) :].strip()
            )
            if slash or len(arg.split()) <= 4:
                return Command(name=name, arg=arg)
        if takes and alias in ("이동", "수정") and low.endswith(" " + alias):
            target = re.sub(r"\s*(?:섹션)?\s*(?:으로|로)$", "", low[: -len(alias)].strip())
            return Command(name=name, arg=target)
    # Korean "예산으로 이동" / "예산 섹션으로 가기"
    m = re.match(r"^(.+?)\s*(?:섹션)?\s*(?:으로|로)\s*(?:이동|가기|가자|가줘)", low)
    if m:
        return Command(name="goto", arg=m.group(1))
    return None


def help_lines(lang: str) -> list[tuple[str, str]]:
    """(how to type it, what it does) for every command, in the user's language."""
    if lang == "ko":
        return [
            ("도움말", "명령어 목록을 봅니다"),
            ("건너뛰기", "지금 질문을 건너뜁니다"),
            ("이전", "앞 섹션으로 돌아갑니다"),
            ("이동 <섹션 번호·이름>", "원하는 섹션으로 가서 답을 고칩니다 (예: 이동 예산, 이동 5)"),
            ("진행 상황", "섹션 체크리스트와 진행률을 봅니다"),
            ("계획 보기", "지금까지의 계획서를 봅니다"),
            ("예시", "지금 질문의 예시 답을 봅니다"),
            ("수락 / 유지", "SMART 수정 제안을 받아들이거나 원래 목표를 유지합니다"),
            (
                "내보내기 md|docx|pdf|pptx|hwpx|json",
                "계획서를 파일로 저장합니다(pptx는 발표 자료, hwpx는 한글 문서)",
            ),
            ("페르소나 / 메시지", "구매자 페르소나나 메시지 초안을 봅니다"),
            (
                "카피 [채널]",
                "채널별 광고·메일·SNS 문구를 글자 수 제한과 함께 봅니다 (예: 카피 네이버)",
            ),
            (
                "제안 / 수락 N / 수정 N: … / 버리기 N",
                "문서나 모델이 만든 제안을 보고 받아들이거나 고치거나 버립니다",
            ),
            ("문서 올리기 <파일>", "터미널에서 내 문서(PDF, DOCX, PPTX, HWPX, MD, TXT)를 올립니다"),
            ("검토", "계획의 빈 곳과 서로 맞지 않는 부분을 찾습니다"),
            ("회사 <이름>", "회사 이름을 정합니다"),
            ("언어 en|ko", "계획서 언어를 바꿉니다"),
            ("새 계획", "새 계획을 시작합니다 (지금 계획은 저장되어 있습니다)"),
            (
                "질문 끝에 ?",
                "예: '4P가 뭐예요?' — 가이드에서 답을 찾아 출처와 함께 알려 드리고 인터뷰를 이어갑니다",
            ),
        ]
    return [
        ("help", "list the commands"),
        ("skip", "skip the current question"),
        ("back", "go back to the previous section"),
        (
            "goto <section number or name>",
            "jump to a section to answer or edit it (e.g. goto budget, goto 5)",
        ),
        ("progress", "the section checklist and how far you are"),
        ("show plan", "the plan drafted so far"),
        ("example", "an example answer to the current question"),
        ("accept / keep", "take the suggested SMART rewrite, or keep your goal as written"),
        (
            "export md|docx|pdf|pptx|hwpx|json",
            "save the plan to a file (pptx: a slide deck; hwpx: Hangul)",
        ),
        ("persona / messaging", "see the buyer-persona or messaging draft"),
        (
            "copy [channel]",
            "channel-ready copy with each line's length against the channel's limit (e.g. copy search)",
        ),
        (
            "proposals / accept N / edit N: … / discard N",
            "see, take, change or drop what your documents or the model proposed",
        ),
        (
            "upload <file>",
            "in the terminal: add your own documents (PDF, DOCX, PPTX, HWPX, MD, TXT)",
        ),
        ("review", "find gaps and parts of the plan that disagree"),
        ("company <name>", "set the company name"),
        ("language en|ko", "switch the plan's language"),
        ("new plan", "start a new plan (this one stays saved)"),
        (
            "a question ending in ?",
            "e.g. 'How do I measure leads?' - answered from the guidance with sources, then the interview resumes",
        ),
    ]


_ASK_EN = re.compile(
    r"^(?:please\s+|can you\s+|could you\s+|/)?(?:draft|create|make|write|generate|build|suggest|give me|show me)\b",
    re.I,
)
_ASK_KO = re.compile(
    r"(?:초안|만들|작성|짜|제안|생성|보여)\S*\s*(?:줘|주세요|줄래요?|주실래요?|부탁(?:해요|합니다|드려요)?)[.!?]?$"
)
_PERSONA = re.compile(r"personas?|페르소나|buyer profiles?|구매자 프로필", re.I)
_MESSAGING = re.compile(
    r"messag\w*|메시지|메시징|value proposition|가치 제안|positioning statement", re.I
)
_FOCUS = re.compile(
    r"\bfor (?:the |our |a )?(.+?)(?: persona| buyer)?[.!?]?$|(.+?)\s*(?:페르소나|고객)(?:을|를)?\s*(?:위한|대상)",
    re.I,
)


_ADD_PERSONA = re.compile(
    r"^(?:(?:add\s+)?(?:another|a\s+new|new)\s+persona|add\s+(?:a\s+)?persona|페르소나\s*추가|새\s*페르소나|다른\s*페르소나)\s*[:：]\s*(?P<who>.{2,600})$",
    re.I | re.S,
)


_RESTYLE = re.compile(
    r"^(?:(?:please\s+)?(?:make\s+(?:it|the\s+(?:copy|messaging|messages))|rewrite\s+(?:it|the\s+(?:copy|messaging))|redo\s+it)\s+)?"
    r"(?P<en>shorter|longer|more\s+formal|more\s+casual|friendlier|more\s+friendly|punchier|simpler)[.!]?$"
    r"|^(?:(?:메시지|카피|문구)(?:를|을)?\s*)?(?P<ko>더\s*(?:짧게|길게|친근하게|격식\s*있게|공식적으로|캐주얼하게|쉽게))\s*(?:해\s*(?:줘|주세요)|바꿔\s*(?:줘|주세요)|써\s*(?:줘|주세요))?[.!]?$",
    re.I,
)


def parse_request(text: str) -> tuple[str, str] | None:
    """('persona' | 'messaging', focus) for requests such as "페르소나 초안 만들어줘" or
    "draft messaging for the CFO persona"; ('add_persona', description) for "another persona:
    the dispatcher" / "페르소나 추가: 실무 담당자"; None for anything else."""
    t = text.strip()
    if m := _ADD_PERSONA.match(t):
        return "add_persona", m.group("who").strip()
    if m := _RESTYLE.match(t):  # 'make it shorter', '더 친근하게': the messaging again, restyled
        return "restyle", (m.group("en") or m.group("ko") or "").strip()
    if len(t) > 160 or not (_ASK_EN.search(t) or _ASK_KO.search(t)):
        return None
    kind = "messaging" if _MESSAGING.search(t) else ("persona" if _PERSONA.search(t) else None)
    if kind is None:
        return None
    m = _FOCUS.search(t)
    focus = (m.group(1) or m.group(2) or "").strip() if m else ""
    return kind, focus
