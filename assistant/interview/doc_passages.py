"""A user's document as passages, and which plan section each passage speaks to.

Pages are cut into heading-led passages; a passage is matched to a section by the words a planner
uses for it (its heading counts three times its body), in English and Korean. A passage that fits
no section well stays searchable but proposes nothing."""

from __future__ import annotations

import re

from assistant.core.catalogue import all_sections
from assistant.core.documents import DocPage, Passage

MAX_PASSAGE_CHARS = 1_200

# section -> words that name what the section holds (lower case; Korean as written)
SECTION_CUES: dict[str, tuple[str, ...]] = {
    "mkt_market_analysis": ("market", "market analysis", "market size", "market trend", "trends", "competitor", "competition", "competitive", "swot", "strengths", "weaknesses", "industry", "시장", "시장 분석", "시장 규모", "시장 동향", "트렌드", "경쟁사", "경쟁 현황", "경쟁", "강점", "약점", "산업"),
    "sales_target_market": ("target market", "segment", "ideal customer", "icp", "vertical", "target accounts", "목표 시장", "타깃 시장", "표적 시장", "세그먼트", "주요 고객군", "업종"),
    "mkt_audience_personas": ("customer", "persona", "buyer", "audience", "customer profile", "pain point", "decision maker", "고객", "페르소나", "구매자", "고객 프로필", "타깃 고객", "고충", "의사결정자"),
    "mkt_objectives": ("goal", "objective", "marketing goal", "marketing objective", "leads goal", "목표", "마케팅 목표"),
    "sales_objectives": ("sales goal", "sales objective", "revenue target", "revenue goal", "영업 목표", "매출 목표", "영업 목표"),
    "mkt_measurement": ("kpi", "metric", "measure", "dashboard", "측정", "지표", "대시보드"),
    "sales_kpis": ("sales kpi", "win rate", "pipeline coverage", "영업 지표", "수주율", "파이프라인"),
    "mkt_positioning_messaging": ("positioning", "key message", "messaging", "value proposition", "tagline", "포지셔닝", "핵심 메시지", "메시지", "가치 제안", "슬로건"),
    "mkt_strategy": ("marketing strategy", "go-to-market", "gtm", "마케팅 전략", "시장 진입 전략"),
    "sales_offering": ("product", "offering", "pricing", "price", "plans", "subscription", "제품", "서비스 소개", "가격", "요금", "요금제", "구독료"),
    "mkt_mix_4p": ("4p", "marketing mix", "promotion", "place", "마케팅 믹스", "유통", "프로모션"),
    "mkt_channels": ("channel", "seo", "paid search", "social media", "advertising", "email marketing", "events", "채널", "광고", "검색 광고", "sns", "인스타그램", "유튜브", "이메일", "행사"),
    "mkt_content_strategy": ("content", "blog", "webinar", "newsletter", "case study", "case studies", "콘텐츠", "블로그", "웨비나", "뉴스레터", "사례"),
    "mkt_budget": ("budget", "spend", "spent", "cost", "예산", "비용", "지출", "집행"),
    "mkt_calendar": ("calendar", "timeline", "schedule", "launch date", "campaign plan", "일정", "캘린더", "타임라인", "월별 계획", "분기별 계획"),
    "sales_strategy": ("sales strategy", "sales motion", "account-based", "land and expand", "영업 전략", "영업 전략"),
    "sales_tactics": ("sales tactic", "outbound", "cold call", "demo", "sequence", "follow-up", "영업 전술", "콜드콜", "데모", "후속 연락", "방문 영업"),
    "sales_territories_channels": ("territory", "territories", "region", "partner", "reseller", "distributor", "agency", "권역", "지역", "파트너", "대리점", "총판", "리셀러"),
    "sales_team_structure": ("team", "headcount", "hiring", "sdr", "account executive", "org chart", "조직", "인원", "채용", "영업팀", "팀 구성"),
    "sales_training": ("training", "onboarding", "coaching", "enablement", "교육", "온보딩", "코칭", "역량"),
    "sales_forecast": ("forecast", "projection", "pipeline forecast", "예측", "전망", "매출 추정"),
}  # fmt: skip
_HEADING_MAX = 70
_BULLET = re.compile(r"^\s*(?:[-*•·▪]|\d+[.)])\s+")


def _is_heading(line: str, nxt: str) -> bool:
    s = line.strip()
    if s.startswith("#"):
        return True
    if not s or not nxt.strip() or len(s) > _HEADING_MAX or "|" in s or _BULLET.match(s):
        return False
    # 'Competitors: A, B' is a labelled line and '2025년 예산 1억 8천만 원' a figure, not headings
    if re.search(r"[:：]\s*\S|,|、|·\s|[$€£₩%]|\d\s*(?:원|만|억|천)", s):
        return False
    return not re.search(r"[.!?。:,;]$|다\.?$|요\.?$", s) and len(s.split()) <= 8


def _blocks(text: str) -> list[str]:
    """A block of text cut into pieces of at most MAX_PASSAGE_CHARS, between lines when it can."""
    out = []
    text = text.strip()
    while text:
        if len(text) <= MAX_PASSAGE_CHARS:
            out.append(text)
            break
        cut = text.rfind("\n", 0, MAX_PASSAGE_CHARS)
        if cut <= 200:  # a long paragraph is cut after a sentence, never inside one
            ends = [
                m.end() for m in re.finditer(r"[.!?。](?=\s)|다\.(?=\s)", text[:MAX_PASSAGE_CHARS])
            ]
            cut = ends[-1] if ends and ends[-1] > 200 else text.rfind(" ", 0, MAX_PASSAGE_CHARS)
        cut = cut if cut > 0 else MAX_PASSAGE_CHARS
        out.append(text[:cut].strip())
        text = text[cut:].strip()
    return out


_NOISE = re.compile(
    r"\.{6,}|…{3,}|·{6,}"  # a table of contents' dot leaders
    r"|^\s*(?:-\s*)?\d+\s*(?:/\s*\d+)?\s*(?:-\s*)?$"  # a page number ('4', '4 / 6', '- 4 -')
    r"|^\s*(?:page|p\.)\s*\d+(?:\s*of\s*\d+)?\s*$"
    r"|(?:^|[·|•–-]\s*)(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?\s*$|^\s*\d+\s*쪽\s*$"  # a footer's page
    r"|^.{0,60}\b(?:confidential|internal\s+use\s+only)\b.{0,40}$|^.{0,60}(?:대외비|사내\s*한정|기밀).{0,40}$",
    re.I,
)
# a blank section of an exported plan says so; it proposes nothing
_PLACEHOLDER = re.compile(
    r"^_?(?:not answered yet|skipped for now|아직 답하지 않았습니다|일단 건너뛰었습니다)", re.I
)


def split_passages(document: str, pages: list[DocPage]) -> list[Passage]:
    """Heading-led blocks of each page, at most MAX_PASSAGE_CHARS each (cut between lines);
    page numbers, contents-page leaders and a blank section's placeholder are left out."""
    out: list[Passage] = []
    for page in pages:
        lines = [ln for ln in page.text.split("\n") if not _NOISE.search(ln)]
        groups: list[tuple[str, list[str]]] = [("", [])]
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if _is_heading(line, nxt):
                groups.append((line.strip().lstrip("#").strip(), []))
            elif line.strip():
                groups[-1][1].append(line)
        for heading, body in groups:
            if body and _PLACEHOLDER.match(body[0].strip()):
                continue
            for block in _blocks("\n".join(body)):
                out.append(
                    Passage(document=document, page=page.number, heading=heading, text=block)
                )
    return out


def _hits(text: str, cues: tuple[str, ...]) -> int:
    """Matched cues, a cue of several words counting once per word ('target market' beats
    'market'); a cue inside a longer matched cue ('market' in 'marketing budget') is not counted."""
    low = text.lower()
    found = [
        cue for cue in cues if re.search(rf"(?<![a-z]){re.escape(cue)}(?:s|es)?(?![a-z])", low)
    ]
    found = [c for c in found if not any(c != o and c in o for o in found)]
    return sum(len(c.split()) for c in found)


def section_scores(passage: Passage, sections: list[str]) -> dict[str, float]:
    """How strongly the passage speaks to each section (heading ×3 + body, titles included)."""
    specs = all_sections()
    scores: dict[str, float] = {}
    for sid in sections:
        cues = SECTION_CUES.get(sid, ())
        titles = tuple(t.lower() for t in (specs[sid].title.en, specs[sid].title.ko))
        head = passage.heading.lower()
        score = 3.0 * (_hits(head, cues) + sum(2 for t in titles if t in head))
        score += min(_hits(passage.text, cues), 3)
        if score:
            scores[sid] = score
    return scores


def assign_sections(
    passages: list[Passage], sections: list[str], least: float = 2
) -> dict[str, list[Passage]]:
    """Each passage under the one section it speaks to best (by default a heading match, or at
    least two of the section's words in the body); sections keep their interview order."""
    out: dict[str, list[Passage]] = {}
    for passage in passages:
        scores = section_scores(passage, sections)
        if not scores:
            continue
        best = max(scores, key=lambda sid: (scores[sid], -sections.index(sid)))
        if scores[best] >= least:
            out.setdefault(best, []).append(passage)
    return {sid: out[sid] for sid in sections if sid in out}


def proposal_text(passages: list[Passage]) -> str:
    """What the passages of one section say, as one answer: the first page's passages first, at
    most MAX_PASSAGE_CHARS, cut after a whole line or sentence, never mid-word."""
    first = passages[0]
    same = [p for p in passages if p.document == first.document and p.page == first.page]
    text = "\n".join(p.text for p in same[:3]).strip()
    if len(text) <= MAX_PASSAGE_CHARS:
        return text
    head = text[:MAX_PASSAGE_CHARS]
    ends = [m.end() for m in re.finditer(r"[.!?。](?=\s|$)|다\.(?=\s|$)|\n", head)]
    return head[: ends[-1]].strip() if ends and ends[-1] > 200 else head[: head.rfind(" ")].strip()
