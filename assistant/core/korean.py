"""Korean read with a real morphological analyser (Kiwi: kiwipiepy with kiwipiepy-model, installed
from the registry, never downloaded at run time): list items without their particles, noun
phrases, and counted nouns ('영업 담당자 4명', '4개 권역'). Loaded on first use (about a second)."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

_LOCK = threading.Lock()
_NOUN = {"NNG", "NNP", "SL", "SH", "XSN", "XPN", "NR"}
# nouns that end a phrase rather than belong to it ('팀장 아래 영업 담당자' is '영업 담당자')
_BREAK = {"아래", "밑", "산하", "소속", "휘하", "총", "약", "등", "중", "외", "포함"}
_NUMBER_WORDS = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5,
                 "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}  # fmt: skip


@lru_cache(maxsize=1)
def _kiwi() -> Any:
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    for word in _USER_NOUNS:  # marketing loanwords Kiwi would split ('웨비' + '나', '문' + '의')
        kiwi.add_user_word(word, "NNG")
    return kiwi


_USER_NOUNS = (
    "웨비나", "문의", "릴스", "리퍼럴", "온보딩", "인플루언서", "뉴스레터", "리드", "퍼널", "리타기팅",
    "랜딩", "쇼츠", "숏폼", "세일즈", "업셀", "크로스셀", "어카운트", "파트너십", "프로모션",
)  # fmt: skip


def tokens(text: str) -> list[Any]:
    """Kiwi's tokens (form, tag, start, len) for `text` (remembered: a plan's answers are read by
    several views on every render)."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Any, ...]:
    with _LOCK:
        return tuple(_kiwi().tokenize(text))


def _glued_digit(toks: list[Any], j: int, end: int) -> bool:
    """A digit inside a written word ('B2B') or a '·' joining two nouns ('콘텐츠·인플루언서'), not a
    count or a mark standing on its own."""
    if (toks[j].tag != "SN" and toks[j].form not in ("·", "/")) or j == 0 or j + 1 >= end:
        return False
    before, tok, after = toks[j - 1], toks[j], toks[j + 1]
    return before.start + before.len == tok.start and tok.start + tok.len == after.start


def _phrase_before(text: str, toks: list[Any], end: int) -> str:
    """The noun phrase ending just before token `end` (nouns, foreign words, suffixes)."""
    j = end - 1
    while j >= 0 and (
        (toks[j].tag in _NOUN and toks[j].form not in _BREAK) or _glued_digit(toks, j, end)
    ):
        j -= 1
    if j + 1 >= end:
        return ""
    return text[toks[j + 1].start : toks[end - 1].start + toks[end - 1].len].strip()


def counted(text: str, counters: tuple[str, ...] = ("명",)) -> list[tuple[str, int]]:
    """(noun phrase, count) for each '<noun phrase> <number><counter>' in the text:
    '영업 담당자 4명과 고객 관리 매니저 2명' -> [('영업 담당자', 4), ('고객 관리 매니저', 2)]."""
    toks = tokens(text)
    out: list[tuple[str, int]] = []
    for i, tok in enumerate(toks[:-1]):
        after = toks[i + 1]
        if after.form not in counters or after.tag not in ("NNB", "NNG"):
            continue
        if tok.tag == "SN":
            try:
                n = int(tok.form.replace(",", ""))
            except ValueError:
                continue
        elif tok.form in _NUMBER_WORDS:
            n = _NUMBER_WORDS[tok.form]
        else:
            continue
        phrase = _phrase_before(text, toks, i)
        if phrase:
            out.append((phrase, n))
    return out


def split_list(text: str) -> list[str]:
    """Items of a Korean list: split at commas, '및' and the joining particles 와/과/이나
    (outside brackets), each item kept as written up to its own particles."""
    toks = tokens(text)
    cuts: list[tuple[int, int]] = []
    depth = 0
    for t in toks:
        if t.form in ("(", "[", "（"):
            depth += 1
        elif t.form in (")", "]", "）"):
            depth = max(0, depth - 1)
        elif depth == 0 and (t.tag == "JC" or t.form in (",", "및", "、") or t.tag == "SC"):
            cuts.append((t.start, t.start + t.len))
    items, last = [], 0
    for a, b in cuts:
        items.append(text[last:a])
        last = b
    items.append(text[last:])
    return [i.strip(" .") for i in items if i.strip(" .")]


def strip_particles(item: str) -> str:
    """A list item without the particles or verb endings after its words ('구글 애널리틱스입니다'
    -> '구글 애널리틱스', '영남과' -> '영남'); a bracketed note stays ('쿠팡(온라인, 대형)')."""
    toks = tokens(item)
    if (
        toks and toks[0].tag == "MAJ" and len(toks) > 1
    ):  # '그리고 쿠팡 PB 제품': the joining word goes
        return strip_particles(item[toks[1].start :])
    # "'1개 39만 원'을 내세우는 저가 광고 치과": a clause before its noun (an adnominal ending,
    # then nouns) is part of the name; its particles end nothing
    # ... but 'X 같은 대형 브랜드' names X, its example
    clause_end = max((i for i, t in enumerate(toks[:-1]) if t.tag == "ETM" and toks[i + 1].tag in _NOUN and i and toks[i - 1].form != "같"), default=-1)  # fmt: skip
    depth, seen_noun = 0, False
    for i, t in enumerate(toks):
        if i <= clause_end:
            seen_noun = seen_noun or t.tag in _NOUN
            continue
        if depth == 0 and seen_noun and t.tag == "JX" and t.form in ("은", "는") and i + 1 < len(toks) and toks[i + 1].tag in _NOUN:  # fmt: skip
            return strip_particles(
                item[toks[i + 1].start :]
            )  # '화식 쪽은 바프 계열 스타트업': the item named
        if t.form in ("(", "[", "（"):
            depth += 1
        elif t.form in (")", "]", "）"):
            depth = max(0, depth - 1)
        elif t.tag == "JKG" and i + 1 < len(toks) and toks[i + 1].tag in _NOUN:
            continue  # '더존 ERP의 인사 모듈': a genitive inside the name, not its end
        elif depth == 0 and seen_noun and (t.tag[0] in "JEV" or t.tag == "VCP"):
            return item[: t.start].strip()
        seen_noun = seen_noun or t.tag in _NOUN
    return item.strip()


_MEANS_NOUN = ("NNG", "NNP", "SL", "XSN")
_CHANGE_VERBS = {"바꾸", "늘리", "줄이", "높이", "낮추", "만들", "올리", "키우", "되", "끌어올리"}
_CHANGE_NOUNS = {"전환", "변경", "성장", "확대", "증가", "감소", "개선", "상승"}


def means_phrase(text: str) -> str:
    """The means a Korean goal states with an instrumental 로/으로 after a noun ("무료 샘플로",
    "(주 3회 릴스로)"), never the target ("3만 명으로", "30억 원으로"); '' when there is none."""
    if not re_hangul(text):
        return ""
    toks = tokens(text)
    for i, tok in enumerate(toks):
        if tok.tag != "JKB" or tok.form not in ("로", "으로") or i == 0:
            continue
        prev = toks[i - 1]
        if prev.tag not in _MEANS_NOUN:
            continue  # '3만 명으로' (a counter after a number) is where the goal goes, not how
        before = toks[i - 2] if i >= 2 else None
        if prev.form == "배" or (before is not None and before.tag in ("SN", "NR", "MM")):
            continue  # '세 배로', '3만 명으로': an amount the goal reaches
        after = [t.form for t in toks[i + 1 : i + 3]]
        if after and (
            after[0] in _CHANGE_VERBS
            or (len(after) > 1 and after[0] in _CHANGE_NOUNS and after[1] == "하")
        ):
            continue  # '유료 고객으로 전환한다', '30억 원으로 늘린다': what it becomes, not how
        start = prev.start
        j = i - 2
        while (
            j >= 0
            and toks[j].tag in (*_MEANS_NOUN, "SN", "NNB")
            and start - (toks[j].start + toks[j].len) <= 1
        ):
            start = toks[j].start
            j -= 1
        return text[start : tok.start + tok.len].strip()
    return ""


_QUESTION_NOUNS = {
    "무엇",
    "뭐",
    "얼마",
    "언제",
    "누구",
    "어디",
    "것",
    "수",
    "때",
    "우리",
    "저희",
    "작년",
    "올해",
    "지난해",
}


def content_nouns(text: str) -> set[str]:
    """The nouns a question is about ('영업 담당자는 몇 명인가요?' -> {'영업', '담당자'}),
    without question words; foreign words (SaaS, CAC) count too."""
    return {
        t.form.lower()
        for t in tokens(text)
        if t.tag in ("NNG", "NNP", "SL")
        and t.form not in _QUESTION_NOUNS
        and (len(t.form) > 1 or t.tag == "SL")
    }


def re_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def trim_endings(text: str) -> str:
    """A phrase without the particles, copula and verb endings at its edges ('영양사 식단과 새벽
    배송입니다' -> '영양사 식단과 새벽 배송'; '가정부터' -> '가정'); inner words stay as written."""
    toks = [t for t in tokens(text) if t.form.strip()]
    edge = ("J", "E", "VCP", "XSV", "SF", "SP", "SO")
    while toks and toks[-1].tag.startswith(edge):
        toks.pop()
    while toks and toks[0].tag.startswith(edge):
        toks.pop(0)
    if not toks:
        return ""
    return text[toks[0].start : toks[-1].start + toks[-1].len].strip()


def as_heading(text: str) -> str:
    """A Korean sentence as a table heading in the noun form, so a column of moves reads alike
    ('체험으로 전환합니다' -> '체험으로 전환하기', '구독 전환을 이끈다' -> '구독 전환을 이끌기');
    a clause cut mid-sentence is closed the same way (close_clause)."""
    text = close_clause(text.strip().rstrip("."))
    if not re_hangul(text):
        return text
    toks = [t for t in tokens(text) if t.form.strip()]
    if len(toks) > 1 and toks[-1].tag == "EF" and toks[-2].tag.split("-")[0] in ("VV", "XSV"):
        text = text[: toks[-2].start] + toks[-2].form + "기"
    return _subject_for_noun_form(text) if text.endswith("기") else text


_NOUNISH = ("NNG", "NNP", "NNB", "SL", "SN", "SH", "XSN", "XPN")
_ROLE_ENDS = (
    "팀",
    "담당",
    "담당자",
    "매니저",
    "팀장",
    "대표",
    "본부",
    "부서",
    "센터",
    "본부장",
    "이사",
)
_ROLE_CODES = {"AE", "SDR", "BDR", "CSM", "AM", "CS", "VP", "CEO", "CMO", "CRO", "PM"}


def _subject_for_noun_form(text: str) -> str:
    """A topic particle before a -기 heading becomes the subject's ('CSM은 … 교차 판매하기' ->
    'CSM이 … 교차 판매하기'): a topic does not sit with the noun form. Only the sentence's
    leading noun phrase is changed; 은 -> 이 and 는 -> 가 keep the batchim the writer chose."""
    toks = [t for t in tokens(text) if t.form.strip()]
    for i, t in enumerate(toks[:4]):
        if t.tag == "JX" and t.form in ("은", "는") and i > 0:
            # the topic is the one who acts (a role: 'CSM', '영업팀'), the verb has its own object
            # ('… 모듈을 교차 판매'), and no other subject or topic follows: 'SEO는 매달 점검' has
            # the topic as its object, '리드는 AE가 맡기' its own subject, 'CSM은 …, AE는 …' a contrast
            actor = toks[i - 1].form.upper() in _ROLE_CODES or toks[i - 1].form.endswith(_ROLE_ENDS)
            rest = toks[i + 1 :]
            if (
                actor
                and all(p.tag in _NOUNISH for p in toks[:i])
                and any(p.tag == "JKO" for p in rest)
                and not any(
                    p.tag == "JKS" or (p.tag == "JX" and p.form in ("은", "는")) for p in rest
                )
            ):
                new = "이" if t.form == "은" else "가"
                return text[: t.start] + new + text[t.start + t.len :]
            return text
        if t.tag not in _NOUNISH:
            return text
    return text


def close_clause(text: str) -> str:
    """A clause cut from a longer sentence ends like a heading, not mid-sentence: a connective
    ending becomes the noun form ('인지도를 높이고' -> '인지도를 높이기', '소개받고' -> '소개받기')."""
    if not re_hangul(text):
        return text
    toks = [t for t in tokens(text) if t.form.strip()]
    if (
        toks
        and toks[-1].tag == "EC"
        and toks[-1].form in ("고", "며", "면서", "으며")
        and len(toks) > 1
    ):
        return text[: toks[-1].start].rstrip() + "기"
    if (  # '리뷰를 도입해' -> '리뷰를 도입하기', '고객을 잡아' -> '고객을 잡기'
        len(toks) > 1
        and toks[-1].tag == "EC"
        and toks[-1].form in ("어", "아", "여", "어서", "아서", "여서")
        and toks[-2].tag.split("-")[0] in ("VV", "XSV")
    ):
        return text[: toks[-2].start] + toks[-2].form + "기"
    if (  # '첫 주문을 만든 뒤' -> '첫 주문을 만들기': 'after doing' ends as the doing
        len(toks) > 2
        and toks[-1].form in ("뒤", "후", "다음")
        and toks[-2].tag == "ETM"
        and toks[-3].tag.split("-")[0] in ("VV", "XSV")
    ):
        return text[: toks[-3].start] + toks[-3].form + "기"
    return text


def ko_phrase(text: str) -> str:
    """A Korean claim as a short phrase: a copula sentence drops its ending ('2주 도입입니다' ->
    '2주 도입'); a verb sentence ends in the noun form ('레시피까지 함께 만듭니다' -> '… 함께 만듦')."""
    clean = text.strip().rstrip(".。")
    toks = [t for t in tokens(clean) if t.form.strip()]
    if len(toks) > 1 and toks[-1].tag.startswith("E") and toks[-2].tag.split("-")[0] in ("VV", "VA", "XSV", "XSA", "VX"):  # fmt: skip
        return bullet_form(clean)
    return trim_endings(clean)


_VERBAL = ("VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA")


def noun_form(stem: str, irregular: bool = False) -> str:
    """The -(으)ㅁ noun form of a stem: '걸리' -> '걸림', '없' -> '없음', '어렵' (ㅂ) -> '어려움'."""
    last = stem[-1:]
    if not ("가" <= last <= "힣"):
        return stem
    code = ord(last) - 0xAC00
    jong = code % 28
    if jong == 0:
        return stem[:-1] + chr(ord(last) + 16)  # ㅁ as the final consonant
    if irregular and jong == 17:  # ㅂ-irregular: 어렵 -> 어려움
        return stem[:-1] + chr(ord(last) - 17) + "움"
    if jong == 8:  # a ㄹ stem takes ㄻ: 들 -> 듦, 만들 -> 만듦
        return stem[:-1] + chr(ord(last) + 2)
    return stem + "음"


def bullet_form(text: str) -> str:
    """A clause as a Korean bullet ends in the noun form (개조식): '매달 3일이 걸리고' -> '매달 3일이
    걸림', '위반이 늘 걱정입니다' -> '위반이 늘 걱정임'; anything else stays as written."""
    clean = text.strip().rstrip(".。")
    toks = [t for t in tokens(clean) if t.form.strip()]
    if len(toks) < 2:
        return clean
    last, stem = toks[-1], toks[-2]
    connective = last.tag == "EC" and last.form in ("고", "며", "으며", "면서", "으면서")
    base_tag = stem.tag.split("-")[0]
    if not (last.tag == "EF" or connective) or base_tag not in _VERBAL:
        return clean
    irregular = stem.tag.endswith("-I")
    if irregular and not (stem.form[-1:] and (ord(stem.form[-1]) - 0xAC00) % 28 == 17):
        return clean  # other irregular stems (듣, 낫, 르) are left as written
    return clean[: stem.start] + noun_form(stem.form, irregular)


def polite_ending(text: str) -> str:
    """A bullet written in the noun form ('3일이 걸림', '걱정임', '어려움') as a spoken sentence
    in 해요체 ('3일이 걸려요', '걱정이에요', '어려워요'), for a quote in the buyer's voice. Only the
    last word changes (Kiwi joins the stem and the ending); other endings are left as written."""
    text = text.strip().rstrip(".")
    toks = tokens(text)
    if len(toks) < 2 or toks[-1].form not in ("ᆷ", "음") or toks[-1].tag not in ("ETN", "EF"):
        return text
    stem = toks[-2]
    head = text[: stem.start]
    if stem.tag == "VCP":  # '걱정임' -> '걱정이에요', '문제임' -> '문제예요'
        return copula(head)
    if not stem.tag.startswith(("VV", "VA", "XSV", "XSA", "VX")):
        return text
    with _LOCK:
        joined = _kiwi().join([(stem.form, stem.tag), ("어요", "EF")])
    return head + joined


def question_ending(text: str) -> str:
    """A noun-form bullet ('3일이 걸림', '늘 걱정임') as a polite question ('3일이 걸리나요',
    '늘 걱정인가요'), for copy that names the buyer's pain; '' when the last word is no verb,
    adjective or copula in the noun form."""
    text = text.strip().rstrip(".")
    toks = tokens(text)
    if len(toks) < 2 or toks[-1].form not in ("ᆷ", "음") or toks[-1].tag not in ("ETN", "EF"):
        return ""
    stem = toks[-2]
    head = text[: stem.start]
    if stem.tag == "VCP":
        return head.rstrip() + "인가요"
    if not stem.tag.startswith(("VV", "VA", "XSV", "XSA", "VX")):
        return ""
    with _LOCK:
        joined = _kiwi().join([(stem.form, stem.tag), ("나요", "EF")])
    return head + joined


def joined_moves(moves: list[str]) -> str:
    """Moves in the noun form ('… 잡기', '… 전환하기') as one sentence: '… 잡고, … 전환하고,
    … 소개받습니다.'; '' when a move does not end in a verb's '-기'."""
    out = []
    for n, move in enumerate(moves):
        text = move.strip().rstrip(".")
        toks = tokens(text)
        if len(toks) < 2 or toks[-1].form != "기" or toks[-1].tag != "ETN":
            return ""
        stem = toks[-2]
        if not stem.tag.startswith(("VV", "VA", "XSV", "XSA", "VX")):
            return ""
        ending = ("습니다", "EF") if n == len(moves) - 1 else ("고", "EC")
        with _LOCK:
            word = _kiwi().join([(stem.form, stem.tag), ending])
        out.append(text[: stem.start] + word)
    return ", ".join(out) + "." if out else ""


def copula(noun: str) -> str:
    """A noun phrase with 이에요 / 예요 as its last syllable needs ('비용 증가예요', '걱정이에요')."""
    noun = noun.rstrip()
    last = noun[-1:]
    final = "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0
    return noun + ("이에요" if final or not ("가" <= last <= "힣") else "예요")
