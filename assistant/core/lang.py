"""Language detection: Korean if the text is mostly Hangul, else English."""

from __future__ import annotations

import re

_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str, default: str = "en") -> str:
    """'ko' or 'en'. Korean wins when Hangul letters are a fair share of the letters."""
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    if hangul == 0 and latin == 0:
        return default
    # Korean text often carries English product names or acronyms (SEO, ROI, LinkedIn).
    return "ko" if hangul * 2 >= latin * 0.5 and hangul > 0 else "en"


def has_hangul(text: str) -> bool:
    return bool(_HANGUL.search(text))


_PAIRS = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"),
          "을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와"),
          "으로": ("으로", "로"), "로": ("으로", "로")}  # fmt: skip
_LATIN_FINAL = set("lmnrLMNR")  # letters read with a final consonant (엘, 엠, 엔, 알)
_DIGIT_FINAL = set("013678")  # 영, 일, 삼, 육, 칠, 팔


def _has_final(word: str) -> tuple[bool, bool]:
    """(has a final consonant, that consonant is ㄹ) for the sound a Korean particle follows."""
    text = word.rstrip(" '\"”’*`_")
    if text.endswith(")") and "(" in text:  # 성공률(수주율) is read by what is in brackets
        inner = text[text.rindex("(") + 1 : -1].strip()
        text = inner or text[: text.rindex("(")]
    if not text:
        return False, False
    last = text[-1]
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return final != 0, final == 8
    if last.isdigit():
        return last in _DIGIT_FINAL, last in "178"
    if last.isalpha():
        return _latin_final(text)
    return False, False


_LATIN_WORD = re.compile(r"[A-Za-z]+$")


def _latin_final(text: str) -> tuple[bool, bool]:
    """How a Latin name ends when read in Korean: an acronym by its letters ('CRM' 씨알엠, 'HR'
    에이치알), a word by its sound ('Zapier' 재피어, 'Google' 구글, 'Slack' 슬랙, 'Looker' 루커).
    A final 'r' is silent in a word and ㄹ in an acronym."""
    word = _LATIN_WORD.search(text)
    letters = word.group(0) if word else text[-1]
    if letters.isupper() or len(letters) == 1:
        return letters[-1] in _LATIN_FINAL, letters[-1] in "lLrR"
    low = letters.lower()
    if low.endswith(("l", "le", "ll")):
        return True, True
    if low.endswith(("m", "n", "ng", "ck", "k", "b", "p")) and not low.endswith(("mb",)):
        return True, False
    if re.search(r"[^aeiou][aeiou]t$", low):  # 'HubSpot' 허브스팟, 'Market' 마켓
        return True, False
    return False, False


def josa(word: str, particle: str) -> str:
    """`word` with the right form of a Korean particle: josa('매출', '은') -> '매출은',
    josa('리드 수', '은') -> '리드 수는', josa('목표', '으로') -> '목표로'."""
    first, second = _PAIRS[particle]
    final, rieul = _has_final(word)
    if first == "으로":
        return word + ("로" if not final or rieul else "으로")
    return word + (first if final else second)


_FILL_IN = re.compile(
    r"(?P<w>[^\s]+?)(?P<p>은\(는\)|는\(은\)|이\(가\)|가\(이\)|을\(를\)|를\(을\)|과\(와\)|와\(과\)|\(으\)로)"
)
_FILL_IN_BASE = {
    "은(는)": "은", "는(은)": "은", "이(가)": "이", "가(이)": "이", "을(를)": "을", "를(을)": "을",
    "과(와)": "과", "와(과)": "과", "(으)로": "으로",
}  # fmt: skip


def fix_particles(text: str) -> str:
    """Replace fill-in particles ('매출은(는)', '{name}(으)로') with the one the word takes."""
    if "(" not in text:
        return text
    return _FILL_IN.sub(lambda m: josa(m.group("w"), _FILL_IN_BASE[m.group("p")]), text)


def decode_text(raw: bytes) -> str | None:
    """Bytes of a text file as Korean offices save them: UTF-8 (with or without a BOM), else
    CP949/EUC-KR; None when it is neither."""
    for encoding in ("utf-8-sig", "cp949", "euc-kr"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def clip_words(text: str, limit: int) -> str:
    """At most `limit` characters on one line, cut between words with ' …', never inside one."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 2].rsplit(" ", 1)[0].rstrip(" ,.;:-") + " …"


_CTA_VERB_EN = re.compile(
    r"^(?:start|get|book|try|request|claim|join|begin|schedule|sign\s+up\s+for|register\s+for|download|take)\s+(?:your|a|an|the|our)?\s*",
    re.I,
)
_CTA_VERB_KO = re.compile(
    r"\s*(?:시작하기|신청하기|받아\s*보기|받기|예약하기|체험하기|요청하기|하기)$"
)


def offer_of(cta: str, lang: str) -> str:
    """The offer a call to action names, as a noun a sentence can use ('Start your 14-day guided
    trial' -> 'the 14-day guided trial', '14일 무료 체험 시작하기' -> '14일 무료 체험'); the button
    label quoted when it names no offer after its verb."""
    cta = " ".join(cta.split()).strip(" .")
    if lang == "ko":
        noun = _CTA_VERB_KO.sub("", cta).strip()
        return noun if noun and noun != cta else f"'{cta}'"
    noun = _CTA_VERB_EN.sub("", cta).strip()
    if not noun or noun == cta or re.search(r"%|\boff\b", noun):  # 'Get 20% off' is no noun
        return f"'{cta}'"
    return f"the {noun}"


def cap_first(text: str) -> str:
    """The first letter in capitals ('one-day setup' -> 'One-day setup')."""
    return text[:1].upper() + text[1:] if text else text


def low_first(text: str) -> str:
    """'Value calculator showing hours saved' -> 'value calculator showing hours saved'; a name
    that starts with capitals ('MEDDICC', 'ROI calculator') keeps them."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def singular_role(role: str) -> str:
    """'account executives' -> 'account executive', 'AEs' -> 'AE' (one person of a team role)."""
    if re.search(r"[a-z]s$", role) and not role.endswith("ss"):
        return role[:-1]
    return role[:-1] if re.search(r"[A-Z]s$", role) else role


def kb_source(page: str, lang: str) -> str:
    """A default range from the knowledge base cited in words a CEO reads without the tool: "usual
    industry range" (its glossary row says to replace it with the team's own history); the KPI
    page's name is left out, the measure being the sentence's own (directors called the page
    names the tool's internals)."""
    del page  # the measure is named by the sentence that cites it
    return "업계 일반 범위 기준" if lang == "ko" else "benchmark: usual industry range"


def kb_guide(page: str, lang: str) -> str:
    """A planning-guide default (usual team loads, partner fees) cited the same plain way: "usual
    sales-planning practice", with no page title."""
    del page
    return "일반적인 영업 계획 기준" if lang == "ko" else "usual sales-planning practice"
