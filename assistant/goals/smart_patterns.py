"""Bilingual patterns the SMART rules use: time expressions, quantities, means and absolutes."""

from __future__ import annotations

import re

_I = re.IGNORECASE

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
UNIT_EN = r"(?:days?|weeks?|months?|quarters?|years?|yrs?)"
NUMWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"a|an|a few|several)"
)

# --- Time-bound: deadlines and bounded periods -------------------------------------------
DEADLINE_EN = [
    r"\b(?:by|before|until|till|through|no later than|ending)\s+(?:the\s+)?(?:end|close|middle|start)\s+of\b",
    rf"\b(?:by|before|until|till|in|during|through|for|no later than)\s+(?:the\s+)?(?:end of\s+)?(?:\d{{1,2}}\s+)?{MONTHS}\b",
    r"\b(?:by|before|until|in|during|for|through|within)\s+(?:the\s+)?(?:end of\s+)?(?:h[12]|q[1-4]|fy\s?\d{2,4})\b",
    r"\bq[1-4]\s*(?:of\s+)?'?\d{2,4}\b",
    r"\b(?:h[12]|fy)\s?'?\d{2,4}\b",
    r"\b(?:19|20)\d{2}[-/.]\d{1,2}(?:[-/.]\d{1,2})?\b",
    r"\b\d{1,2}/\d{1,2}/(?:19|20)?\d{2}\b",
    rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b",
    rf"\b{MONTHS}\s+(?:of\s+)?(?:19|20)\d{{2}}\b",
    r"\b(?:by|before|until|in|during|for|through|within)\s+(?:the\s+)?(?:(?:fiscal\s+)?year\s+|fiscal\s+)?(?:19|20)\d{2}\b",
    rf"\b(?:within|in|over|during|for)\s+(?:the\s+)?(?:next|first|coming|following)?\s*(?:\d+|{NUMWORD})\s*-?\s*{UNIT_EN}\b",
    rf"\b(?:within|in|over|during|for)\s+(?:the\s+)?(?:next|coming|following)\s+{UNIT_EN}\b",
    r"\b(?:by|before|until|in|during|for|within|over|through)\s+(?:the\s+)?(?:end of\s+)?(?:next|this|the coming|the current)\s+(?:week|month|quarter|year|fiscal year|season|half)\b",
    r"\b(?:next|this)\s+(?:year|quarter|fiscal year|half)\b",
    r"\b(?:for|during|over|throughout)\s+the\s+(?:whole|entire|full)\s+(?:year|quarter|month|season)\b",
    r"\b(?:year|quarter|month)[- ]end\b",
    r"\b(?:by|before|in)\s+(?:the\s+)?(?:holiday|christmas|summer|winter|spring|autumn|fall)\b",
    r"\b(?:by|before|until|ahead\s+of|for)\s+(?:the\s+)?(?:black\s+friday|cyber\s+monday|prime\s+day|thanksgiving|back[- ]to[- ]school|new\s+year|singles'?\s+day|ces|nrf|mwc|dreamforce)(?:\s+(?:19|20)\d{2})?\b",
    r"\b(?:deadline|due date)\b",
    r"\b(?:end|close|middle|start|beginning) of (?:19|20)\d{2}\b",
    r"\b(?:in|by|of|for|during|before|until|fy|year)\s*'?(?:19|20)\d{2}\b",
]
# A bare year left behind once "by March" is gone: a 19xx/20xx number not followed by a count noun.
YEAR_LEFTOVER = [
    r"(?<![\d,.$€£₩])\b(?:19|20)\d{2}\b(?=\s*(?:$|[.,;:)]|(?:through|by|via|with|using|to|and|in|for|at|on|from|so|while|when)\b))",
]
DEADLINE_KO = [
    r"(?:19|20)\d{2}\s*년\s*(?:\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?|[1-4]\s*분기|(?:상|하)반기)(?:\s*말)?",
    r"\d{2,4}\s*년",  # 2027년
    r"(?:19|20)\d{2}\s*(?:회계|fy|년도)",
    r"\d{1,2}\s*월\s*(?:\d{1,2}\s*일)?\s*(?:말|초|중순)?\s*(?:까지|전|이전|안에|내)",
    r"[1-4]\s*분기",
    r"(?:상|하)반기",
    r"회계\s*연도",
    r"(?:\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:개월|달|주|주일|일|년|해|분기)\s*(?:안에|만에|이내|내에|내|동안|간)",
    r"(?:열흘|보름|하루|이틀|사흘|나흘|일주일)\s*(?:안에|만에|이내|내에|동안)",
    r"(?:올해|올 한 해|내년|다음 ?해|다음 ?달|이번 ?달|다음 ?분기|이번 ?분기|연말|연내|상반기|하반기|올 ?연말|금년|당해)",
    r"(?:년|월|일|분기|말|초|중순|반기|달|주|연도|해|연말|내년|올해)\s*(?:까지|안에|내에|이내|이전|전까지)",
    r"(?:마감|기한)",
    r"(?:추석|설날|설|블랙\s*프라이데이|광군제|어린이날|크리스마스)\s*(?:전|까지|이전|연휴\s*전)",
]
CADENCE_EN = [
    rf"\b(?:once|twice|\d+\s*(?:x|times)|{NUMWORD}\s+times)\s+(?:a|an|per|each|every)\s+(?:day|week|month|quarter|year)\b",
    r"\b(?:daily|weekly|monthly|quarterly|annually|yearly|bi-?weekly|per\s+(?:day|week|month|quarter|year)|each\s+(?:day|week|month|quarter|year)|every\s+(?:day|week|month|quarter|year|\d+\s+\w+))\b",
]
CADENCE_KO = [
    r"(?:매일|매주|매달|매월|매분기|매년|격주|주\s*\d+\s*회|월\s*\d+\s*회|하루\s*\d+\s*회|일\s*\d+\s*회|주마다|달마다|분기마다|해마다)",
]
VAGUE_TIME = [
    r"\b(?:soon|someday|eventually|asap|in the future|over time|at some point)\b",
    r"(?:곧|언젠가|조만간|머지않아|앞으로)",
]

# --- Measurable: quantities --------------------------------------------------------------
QUANTITY = [
    r"\d[\d,]*(?:\.\d+)?\s*(?:%|percent|pct|퍼센트|x\b|배|p\.?p\.?|points?|포인트|점)",
    r"[$€£₩¥]\s*\d[\d,]*(?:\.\d+)?\s*(?:[kmb]\b|million|billion|thousand)?",
    r"\d[\d,]*(?:\.\d+)?\s*(?:[kmb]\b|million|billion|thousand|won|krw|usd|dollars?|euros?)",
    r"\d[\d,]*(?:\.\d+)?\s*(?:만|억|천|백)?\s*(?:원|달러|명|건|곳|개|회|일|시간|분|점|개사|팀|장|편|회사|매장|계정|고객|사)",
    r"\b\d[\d,]*(?:\.\d+)?\b",
    r"\b(?:double|triple|quadruple|halve|half|twofold|threefold|fourfold|tenfold|\d+-fold)\b",
    r"\b(?:zero|no)\s+(?:churn|defects?|complaints?|downtime|cancellations?)\b",
    r"\b(?:to|at|reach)\s+zero\b",
    r"\b(?:every|all)\s+(?:single\s+)?(?:\w+\s+){0,2}(?:customers?|users?|clients?|leads?|accounts?|subscribers?|visitors?|buyers?|deals?|stores?)\b",
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozen)\b",
    r"(?:두|세|네|다섯|열)\s*배",
    r"(?:절반|반으로)",
    r"모든\s*(?:\S+\s*){0,2}?(?:고객|사용자|구독자|리드|거래처|사람|회원|방문자|소비자|계정|매장|거래)",
    r"(?:하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|백|천|만)\s*(?:명|건|곳|개|개사)",
]
VAGUE_AMOUNT = [
    r"\b(?:a lot|lots|many|much|more|significantly|substantially|greatly|drastically|better|further)\b",
    r"(?:훨씬|많이|크게|더 많|대폭|상당히|꽤)",
]

# --- Specific: the means (how) -----------------------------------------------------------
MEANS_EN = [
    r"\bby\s+(?:[\w/-]+\s+)?\w+ing\b",
    r"(?<![\w-])(?:through|via|using|leveraging|thanks to|by means of|with the help of|powered by)\b",  # not 'walk-through'
    r"\bwith\s+(?:a|an|the|our|new|two|three|four|five|\d+|dedicated|targeted|weekly|monthly|quarterly|annual|regular|personal|on-site|free)\s+\w+",
    r"\b(?:to|in order to|so as to|so that we can)\s+(?:increase|grow|boost|improve|drive|raise|reduce|lower|cut|generate|get|build|win|lift|strengthen|expand|attract|retain|capture|create|support|accelerate|add|offer|deliver|secure|book|land|convert|earn|enable)\b",
    r"\b[\w-]+-(?:powered|based|driven|led)\b",
    # 'from field visits, distributor referrals and the website': where the volume comes from
    r"\bfrom\s+(?!\$?\d)(?:[a-z-]+\s+){0,2}(?:visits?|referrals?|events?|webinars?|ads|campaigns?|partners?|website|content|seo|outbound|inbound|trade\s+shows?|audits?)\b",
    r"\bby\s+(?:launching|adding|introducing|running|hosting|offering|publishing|building|hiring|training|segmenting|qualifying|partnering|creating|opening|targeting|raising|lowering|cutting|bundling|sending|using|investing)\b",
]
MEANS_KO = [
    r"(?:을|를)?\s*통(?:해|하여|한)",
    r"(?:하여|해서|함으로써|하고서|한 뒤|하면서)",
    r"(?:활용|이용|사용|도입|출시|제공|추가|운영|개최|진행|구축|세분화|검증|인상|인하|확대|강화|채용|교육|투자|발행|게시|개선)(?:하여|해서|해|하고|함으로써|으로|로)",
    r"(?:기\s*위해|위하여|위한)",
    r"(?:을|를)\s+(?:\S+\s+){0,2}?\S*(?:보내|열어|열고|늘려|돌려|펼쳐|맡겨|붙여|넓혀|높여|바꿔|키워|줄여|모아|알려|만들어|세워|찾아|올려|나눠)\s+\S",
    r"\S+(?:하며|하고서|한\s*뒤|한\s*후)\s",
    r"[A-Za-z][A-Za-z0-9&+\-]*\s*(?:으로|로)\s",
    r"(?:광고|캠페인|웨비나|세미나|프로그램|이벤트|행사|콘텐츠|이메일|뉴스레터|체크리스트|파트너|추천|할인|프로모션|아웃리치|영상|전시회|멤버십|쿠폰|채널|시퀀스|전략|방식|접근법|교육|데모|무료 체험|체험판 제공|샘플|시리즈|리퍼럴|인플루언서|제휴|입점|팝업|쇼룸|박람회|구독|번들|체험단|후기|리뷰|블로그|유튜브|인스타그램|검색|SNS|라이브 커머스|라이브)"
    r"(?:\s+[가-힣A-Za-z]{1,6})?(?:을|를)?\s*(?:통해|활용해|이용해|으로|로)\s",
]
ACTION_MAIN_KO = r"(?:게시|발행|개최|출시|운영|진행|발송|방문|참가|참여|배포|도입|채용)(?:한다|하다|할 것|합니다|하기)"

# --- Achievable: absolute or implausible targets -----------------------------------------
ABSOLUTE = [
    r"\b100\s*%",
    r"\b(?:every\s+single|every|all)\s+(?:\w+\s+){0,2}(?:customers?|users?|clients?|leads?|accounts?|subscribers?|visitors?|prospects?|buyers?|deals?|people|consumers?|companies|stores?)\b",
    r"\b(?:zero|no)\s+(?:churn|defects?|complaints?|cancellations?|downtime|lost deals?)\b",
    r"\b(?:churn|cancellations?|complaints?|defects?|returns?)\b.{0,25}\b(?:to|at)\s+zero\b",
    r"\b(?:number one|no\.\s*1|#1|the (?:biggest|largest|best|leading))\b.*\b(?:world(?:wide)?|globally|global|in the world|everywhere)\b",
    r"\b(?:everywhere|everyone|the whole market|entire market|dominate)\b",
    r"100\s*%",
    r"모든\s*(?:\S+\s*){0,2}?(?:고객|사용자|구독자|리드|거래처|사람|회원|방문자|소비자|계정|매장|거래)",
    r"(?:이탈|해지|불만|결함)\s*(?:률|율)?\s*(?:을|를)?\s*(?:0|제로|없)",
    r"세계\s*(?:최고|1위|제일)",
    r"(?:전\s*세계|어디서나|모두에게)",
]

# a rank with no number behind it ('the best brand in the industry', '업계 최고의 브랜드'): a goal
# with no figure at all that names one is absolute; with a figure ('30% share'), the figure rules
RANK_WITHOUT_NUMBER = [
    r"\b(?:number one|no\.\s*1|#1|(?:industry|market|category) leader)\b",
    r"\bthe (?:biggest|largest|best|leading)\b.{0,40}\b(?:in|of) (?:the|our|its) (?:industry|market|category|sector|segment)\b",
    r"(?:업계|국내|시장|업종|지역|분야)\s*(?:에서\s*)?(?:최고|1위|일등|1등|제일|선두)",
]


def compile_all(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, _I) for p in patterns]


def first_match(patterns: list[re.Pattern[str]], text: str) -> str | None:
    for p in patterns:
        m = p.search(text)
        if m:
            return m.group(0).strip()
    return None


def longest_match(patterns: list[re.Pattern[str]], text: str) -> str | None:
    found = [m.group(0).strip() for p in patterns for m in [p.search(text)] if m]
    return max(found, key=len) if found else None


def strip_all(patterns: list[re.Pattern[str]], text: str) -> str:
    for p in patterns:
        text = p.sub(" ", text)
    return text
