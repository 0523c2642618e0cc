"""Read the fact sheet from the user's answers, once: rates, amounts with their period, team and
territory counts, the revenue model and lists, each with the sentence it was read from.

`refresh_facts(plan)` runs after every answer and correction; the analysis, review, summaries,
exports and prompts then read `plan.facts` only. Facts the user corrected are kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from assistant.analysis.lists import competitor_list, team_roles
from assistant.analysis.market_read import market_growth_read, read_market
from assistant.analysis.revenue_models import ONE_OFF
from assistant.analysis.stage_rates import as_fact, read_stage_links
from assistant.analysis.territory_list import territories
from assistant.core.catalogue import document_order
from assistant.core.fact_sheet import PER_UNIT, Fact, fact_label, merge_facts
from assistant.core.plan import Plan
from assistant.goals.numbers import Quantity, read_quantities

_PCT = r"\D{0,25}?(\d+(?:\.\d+)?)\s*%"
RATE_PATTERNS = {
    "mql_to_sql_rate": re.compile(r"(?:mql[\s-]*(?:to|→|->|에서)[\s-]*sql|sql\s*(?:전환율|전환)|mql.{0,12}sql\s*(?:rate|conversion))" + _PCT, re.I),
    "sql_to_won_rate": re.compile(r"(?:win\s*rate|close\s*rate|closing\s*rate|수주율|성공률|sql[\s-]*(?:to|→|->|에서)[\s-]*(?:closed[\s-]*)?(?:won|win|close|closed|customer|deal|contract|계약|수주|고객|거래)s?)" + _PCT, re.I),
    "lead_to_customer_rate": re.compile(r"(?:lead[\s-]*to[\s-]*(?:customer|close|win)|리드\s*(?:→|->|에서)?\s*고객\s*전환율?)" + _PCT, re.I),
    # a dealer's or partner's margin ('대리점 마진은 소비자가의 22%') is their cut, not ours
    "gross_margin": re.compile(r"(?:gross\s*margin|매출\s*총이익률|총이익률|매출총이익률|(?<!대리점\s)(?<!대리점)(?<!딜러\s)(?<!유통\s)(?<!파트너\s)마진율?)" + _PCT, re.I),
    "take_rate": re.compile(r"(?:take\s*rate|테이크\s*레이트|수수료율|(?:카드\s*)?결제\s*수수료|(?:transaction|processing|payment)\s+fee)" + _PCT, re.I),  # a partner's commission is a cost
    "net_revenue_retention": re.compile(r"(?:net\s+(?:revenue|dollar)\s+retention|\bnrr\b|\bndr\b|순매출\s*유지율)" + _PCT, re.I),
    "repeat_rate": re.compile(r"(?:repeat(?:[\s-]*(?:purchase|client|customer|business))?\s*rate|re-?purchase\s*rate|재구매율|재의뢰율)" + _PCT, re.I),
}  # fmt: skip
_CHURN = re.compile(
    r"(?:monthly\s+(?:[a-z]+\s+){0,2}churn|월\s*(?:평균\s*)?(?:고객\s*|구독자?\s*|로고\s*|가맹점\s*)?(?:이탈률|해지율))[^%\n]{0,20}?(?P<m>[\d.]+)\s*%"
    r"|(?:churn|이탈률|해지율)[^%\n]{0,12}?(?P<m2>[\d.]+)\s*%\s*(?:a|per|each)\s+month"
    r"|(?:churn|이탈률|해지율)[^%\n]{0,8}?(?:월|매월)\s*(?P<m3>[\d.]+)\s*%"
    r"|(?:annual\s+churn|yearly\s+churn|연\s*(?:이탈률|해지율)|연간\s*(?:이탈률|해지율)|churn|이탈률|해지율)[^%\n]{0,20}?(?P<a>[\d.]+)\s*%"
    # 'We lose about 4% of subscribers each month', '매달 구독자의 약 4%가 해지합니다'
    r"|(?:lose|lost|losing|cancel\w*)\s+(?:about\s+|around\s+|roughly\s+|~)?(?P<m4>[\d.]+)\s*%\s+of\s+(?:our\s+)?(?:customers|subscribers|users|members|accounts|clients)\s+(?:each|every|a|per)\s+month"
    r"|(?:lose|lost|losing|cancel\w*)\s+(?:about\s+|around\s+|roughly\s+|~)?(?P<a2>[\d.]+)\s*%\s+of\s+(?:our\s+)?(?:customers|subscribers|users|members|accounts|clients)\s+(?:each|every|a|per)\s+year"
    r"|(?P<m6>[\d.]+)\s*%\s+of\s+(?:our\s+)?(?:customers|subscribers|users|members|accounts|clients)\s+(?:cancel|churn|leave)\w*\s+(?:each|every|a|per)\s+month"
    r"|(?P<a4>[\d.]+)\s*%\s+of\s+(?:our\s+)?(?:customers|subscribers|users|members|accounts|clients)\s+(?:cancel|churn|leave)\w*\s+(?:each|every|a|per)\s+year"
    r"|(?:매달|매월|한\s*달에)\s*(?:구독자|고객|회원|가입자)?(?:의|중)?\s*(?:약\s*)?(?P<m5>[\d.]+)\s*%\s*(?:가|이|정도가?)?\s*(?:해지|이탈|떠나)"
    r"|(?:매년|해마다|1년에)\s*(?:구독자|고객|회원|가입자)?(?:의|중)?\s*(?:약\s*)?(?P<a3>[\d.]+)\s*%\s*(?:가|이|정도가?)?\s*(?:해지|이탈|떠나)",
    re.I,
)
_SALES_SPEND = re.compile(
    r"(?:sales\s+(?:budget|spend|cost)s?|sales\s+team(?:'s)?\s+(?:fully[-\s]loaded\s+)?cost|영업\s*(?:팀\s*)?(?:예산|비용|인건비))(?:[^.\n]|(?<=\d)\.(?=\d)){0,40}"
    # '$2.1M (SDRs + AEs fully loaded)': the sellers' cost, its amount written before
    r"|\((?=[^)]*\b(?:SDRs?|AEs?|sellers?|reps?|sales\s+team)\b)[^)]*fully[-\s]loaded[^)]*\)",
    re.I,
)
_PRICE = re.compile(
    r"(?:price[sd]?|pricing|이용료|가격|요금|구독료|(?:monthly|annual|subscription|platform)\s+fee)(?:[^.\n]|(?<=\d)\.(?=\d)){0,60}"
    r"|[$€£₩]\s?[\d,.]+[kKmM]?\s+(?:a\s+|per\s+)?(?:monthly|month|annual|yearly)?\s*(?:subscription\s+|platform\s+)?fee"
    r"|(?:plan|tier|edition|package|subscription|seat|licen[cs]e|box)\s+(?:costs?|is|sells\s+for|runs|at|priced\s+at)\s+(?=[$€£₩])(?:[^.\n]|(?<=\d)\.(?=\d)){0,40}",
    re.I,
)
_DEAL = re.compile(r"(?:(?:annual\s+)?(?:contracts?|deals?)\s+(?:average|avg\.?)\s|average\s+deal\s+size|deal\s+size|acv|average\s+contract\s+value|contract\s+value|average\s+(?:annual\s+)?contract\b|(?:average\s+)?(?:first-year\s+)?account\s+value|(?:매장|거래처|고객)당\s*연평균\s*거래액|연평균\s*거래액|평균\s*계약(?:\s*금액)?|평균\s*거래\s*(?:규모|금액)|(?<!재)계약\s*단가|평균\s*(?:월\s*)?(?:요금|청구액)|average\s+(?:monthly\s+)?(?:bill|fee|invoice)\s+(?:per\s+customer|is|of)|(?:고객|거래처|고객사|업체|병원|화주)\s*(?:당|1곳당|한\s*곳당)\s*연(?:간)?\s*(?:평균\s*)?(?:매출|구매액|거래액))(?:[^.\n]|(?<=\d)\.(?=\d)){0,40}"
                   # '45 new shippers at about $120K annual net revenue each': the amount comes first
                   r"|(?:annual|yearly|a\s+year\s+of)\s+(?:net\s+)?(?:revenue|billings?|spend|sales)(?:\s+run-?rate)?\s+(?:each|per\s+(?:customer|client|account|shipper|patient|member|buyer))\b", re.I)  # fmt: skip
_DEAL_NEW = re.compile(r"(?:신규\s*(?:계약|고객|거래)\s*(?:의\s*)?(?:평균|단가)|평균\s*신규\s*계약(?:\s*금액)?|new\s+(?:contracts?|deals?|clients?|customers?)\s+(?:average|avg\.?)|average\s+new\s+(?:contract|deal|client)(?:\s+(?:value|size))?)(?:[^.\n]|(?<=\d)\.(?=\d)){0,30}", re.I)  # fmt: skip
_VOLUME = re.compile(
    r"(?:(?:per|each|an?\s+average)\s+(?:merchant|customer|seller|store)(?:[^.\n]|(?<=\d)\.(?=\d)){0,30}?(?:process(?:es)?|transacts?|volume|gmv|sells?)"
    r"|(?:merchants?|customers?|sellers?)\s+(?:process|transact)\w*(?:\s+(?:on\s+)?average)?"
    r"|(?:가맹점|고객|업체|판매자)\s*(?:당|1곳당|한\s*곳당)?\s*(?:평균\s*)?(?:월\s*)?(?:거래액|결제액))(?:[^.\n]|(?<=\d)\.(?=\d)){0,40}",
    re.I,
)
# one outlet's sales, for a chain that opens its own ('매장당 월평균 매출 4,000만 원', a franchise
# offer's '예상 월 매출 3,500만 원', 'each location does $1.2M a year', 'average unit volume $2.1M')
_OUTLET_SALES = re.compile(
    r"(?:(?:매장|가맹점|점포|지점)\s*(?:당|별|1곳당|한\s*곳당)\s*(?:예상\s*|평균\s*)*(?:월|연|일)?\s*(?:평균\s*)?매출"
    r"|예상\s*(?:월|연)?\s*(?:평균\s*)?매출"
    r"|(?:per|each|an?\s+average|the\s+average)\s+(?:store|location|outlet|branch|restaurant|studio|clinic|caf[eé]|shop)\s+(?:does|sells|makes|brings\s+in|averages|generates|turns\s+over|(?:annual\s+|yearly\s+|monthly\s+)?(?:revenue|sales))"
    r"|\bauv\b|average\s+unit\s+volume)(?:[^.\n]|(?<=\d)\.(?=\d)){0,30}",
    re.I,
)
# expansion revenue the answer expects from existing customers, the amount before or after:
# '$600,000 of expansion revenue', 'upsell revenue of $250k', '확장 매출 4억 원'
_MONEY_RX = r"(?:[$€£₩]\s?\d[\d,.]*\s*(?:k|m|mn|million|thousand|b|bn|billion)?|\d[\d,.]*\s*(?:조|억|만)(?:\s*\d[\d,.]*\s*(?:억|만))?\s*원)"
_EXPANSION = re.compile(
    rf"{_MONEY_RX}\s+(?:of|in)\s+(?:net\s+)?(?:expansion|upsell|cross-sell|add-on)\s+revenue"
    rf"|(?:expansion|upsell|cross-sell)\s+revenue\s+(?:of|is|at|:|=)?\s*(?:about\s+|around\s+)?{_MONEY_RX}"
    rf"|(?:확장|업셀|교차\s*판매|추가\s*판매)\s*매출\S*\s*(?:약\s*)?{_MONEY_RX}",
    re.I,
)
_AOV = re.compile(
    r"(?:average\s+order\s+value|aov|basket\s+size|average\s+(?:check|ticket)|객단가|평균\s*주문\s*금액|주문당\s*평균|주문\s*1건당)(?:[^.\n]|(?<=\d)\.(?=\d)){0,40}",
    re.I,
)
_PER_MONTH = re.compile(
    r"per\s+(?:user\s+)?(?:per\s+)?month|a\s+month|every\s+(?:30\s+days|four\s+weeks|month)|/\s*(?:user\s*/\s*)?mo(?:nth)?\b|monthly|월\s|매월|/월|월간|월\s*구독|^월",
    re.I,
)
_PER_YEAR = re.compile(r"per\s+year|a\s+year|/\s*y(?:ea)?r\b|annual(?:ly)?|연간|/년|연\s", re.I)
# '30-stick box $39 one-time': the price of one purchase, not a year's revenue
_PER_ORDER = re.compile(
    r"per\s+order|an\s+order|one-?\s?time|single\s+purchase|주문당|건당|1회\s*구매", re.I
)
_RETENTION = re.compile(
    r"(?<!revenue\s)(?<!net\s)\b(?:(?:account|customer|client|logo|store|subscriber|member|student)\s+(?:retention|renewal)|renewal)(?:\s+rate)?\s*(?:is|of|at|:)?\s*(?:about\s+|around\s+)?(\d+(?:\.\d+)?)\s*%"
    r"|(?<!매출\s)(?<!매출)(?:(?:고객|거래처|매장|계정|회원|구독자?|수강생|원생)\s*유지율|재등록률|재수강률|재원율|재계약률|계약\s*갱신율)\s*(?:은|는|이|:)?\s*(?:약\s*)?(\d+(?:\.\d+)?)\s*%",
    re.I,
)
# a retention rate said a month ('월 재등록률 85%', 'monthly member retention 92%', '… 92% a month')
_MONTH_BEFORE = re.compile(r"(?:monthly|월간?|매월|매달)\s*$", re.I)
_MONTH_AFTER = re.compile(r"^\s*(?:a|per|each)\s+month|^\s*(?:입니다\s*)?\(?\s*(?:월|매월)\b", re.I)
_CYCLE = re.compile(r"(?:sales\s+cycle|deal\s+cycle|영업\s*(?:주기|사이클)|계약\s*(?:주기|기간))\D{0,20}?(\d+(?:\.\d+)?)\s*(days?|weeks?|months?|일|주|개월)", re.I)  # fmt: skip
_SELLERS_EN = re.compile(
    r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:full[- ]time\s+)?"
    r"(?:account\s+executives?|aes?\b|sales\s+reps?|reps\b|sellers|salespeople|closers|quota[- ]carrying\s+\w+)",
    re.I,
)
_SELLERS_KO = re.compile(r"(?:영업\s*담당자|영업\s*대표|AE|영업사원|세일즈\s*담당)\s*(\d+)\s*명|(\d+)\s*명의?\s*(?:영업\s*담당자|AE|영업사원|영업\s*대표)")  # fmt: skip
_WORD = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12}  # fmt: skip
_QUOTA = re.compile(
    r"quota\s+(?:is\s+|of\s+)?(\d+)\s+(?:new\s+)?(?:[a-z-]+\s+)?(?:deals|contracts|customers|wins|accounts|merchants|clients|logos)"
    r"(?:\s+(?:a|per|each)\s+(?P<per>month|quarter|year))?"
    r"|(\d+)\s+(?:new\s+)?(?:deals|contracts|customers)\s+(?:per|each|a)\s+(?:ae|rep|seller|account\s+executive)"
    r"|(?:할당량|쿼터|목표)\s*(?:은|는)?\s*(?:1인당\s*)?(?P<ko_per>월|분기)?\s*(\d+)\s*건|1인당\s*(?:신규\s*)?(?:거래|계약)?\s*(\d+)\s*건"
    r"|1인당\s*(?:연간?\s*)?(?:신규\s*)?(?:목표|할당)\s*(\d+)(?:\s*[~～-]\s*\d+)?\s*(?:건|동|대|곳|개)",
    re.I,
)
_QUOTA_YEAR = {"month": 12, "quarter": 4, "year": 1, "월": 12, "분기": 4}
_TERRITORY_N = re.compile(r"(\d+)\s*(?:territories|regions|개\s*권역|개\s*지역)|권역\s*(?:은|는|을|를)?\s*(\d+)\s*개", re.I)  # fmt: skip
_MODELS = (
    # a fee as a share of each payment ('수수료 2.2%', 'a 2.9% transaction fee') is a take rate
    # card processing priced per transaction ('2.6% + 10c', 'a merchant processes $75,000 a month')
    ("take_rate", re.compile(r"take\s*rate|marketplace|중개\s*수수료|수수료율|마켓플레이스|(?:결제\s*)?수수료\s*[\d.]+\s*%|[\d.]+\s*%\s+(?:transaction|processing|payment)\s+fee|(?:transaction|processing)\s+fees?\s+of\s+[\d.]+\s*%|(?:card|payment)\s+processing|merchant\s+services|processes\s+[$€£₩][\d,.]+|[\d.]+\s*%\s*\+\s*[$€£]?[\d.]+\s*(?:c\b|¢|cents?\b)", re.I)),
    # a fixed fee per project is services even when a retainer is billed by the month
    # 'consulting' alone may be a free extra ('메뉴 컨설팅'): a consulting firm also says how it bills
    ("services", re.compile(r"consulting\s+(?:firm|engagements?|projects?)|professional\s+services|project[- ]based|fixed[- ]fee|per\s+project|engagements?\s+(?:of|at|priced)|용역|컨설팅\s*(?:회사|프로젝트|계약)|프로젝트\s*(?:단위|당)", re.I)),
    ("subscription", re.compile(r"subscription|subscribe\s+to\s+(?:our|the)\s+(?:plan|service|box)|\barr\b|\bmrr\b|\bsaas\b|per\s+seat|[$€£₩][\d,.]+\s*[kKmM]?\s*(?:(?:per|a|/)\s*(?:\w+\s+){0,2})?(?:per|a|/)\s*month|\d+-year\s+terms|average\s+contract\s+(?:of\s+)?[$€£₩][\d,.]+\s*[kKmM]?\s*(?:a|per)\s+year|annual\s+contracts?|monthly\s+(?:plan|fee)|구독|월\s*요금|월\s*[\d,]+\s*원|연간\s*계약|라이선스", re.I)),
    # a yearly value per account is recurring revenue (LTV by churn), not orders
    ("subscription", re.compile(r"(?:연평균|연간)\s*거래액|annual\s+(?:account\s+)?value|first-year\s+account\s+value|annual\s+spend\s+per\s+account", re.I)),
    ("transactional", re.compile(r"per\s+order|average\s+order|order\s+value|one[- ]off\s+purchase|repeat\s+purchase|per\s+(?:visit|session|class|appointment|treatment)|객단가|주문당|평균\s*주문|주문\s*1건당|재구매율|(?:1인당|환자당)?\s*(?:연평균\s*)?진료비|시술비|회당\s*[\d,]+\s*원", re.I)),
)  # fmt: skip
_AUDIENCE = re.compile(
    r"(?:유튜브|채널|뉴스레터|인스타그램|블로그|카카오톡)\s*(?:채널\s*)?구독자?|(?:youtube|channel|newsletter|email|podcast)\s+subscri\w*",
    re.I,
)
_AMOUNT_A_MONTH = re.compile(r"[$€£₩][\d,.]+\s*[kKmM]?\s*.{0,30}|월\s*[\d,]+\s*원", re.I)
_GROSS_NAMED = re.compile(r"(?:gross\s*margin|매출\s*총이익률|총이익률|매출총이익률)" + _PCT, re.I)
_SKIP = ("mkt_executive_summary", "sales_executive_summary")
# answers that say what is done or measured, never how the business earns
_NOT_EARNING = (
    "mkt_measurement",
    "mkt_content_strategy",
    "mkt_calendar",
    "mkt_channels",
    "sales_training",
    "sales_team_structure",
)
_GOALS = ("mkt_objectives", "sales_objectives")  # goal lines state targets, read by their frames
_ANSWERS = tuple(s for s in document_order("integrated") if s not in _GOALS)
_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n+|(?<=다\.)\s*")


def _texts(plan: Plan) -> Iterator[tuple[str, str]]:
    """(section id, the user's answer) in document order; drafts by a model or the assistant's
    own summaries are never read as facts."""
    for sid in document_order(plan.plan_type):
        s = plan.sections.get(sid)
        if s is None or not s.content or sid in _SKIP or s.status == "drafted":
            continue
        # the forecast section's text is written from the history and a model's draft is not the
        # user's: there only the user's own answers count
        yield sid, "\n".join(s.answers) if sid == "sales_forecast" else plan.user_text(sid)


def quote_at(text: str, start: int, end: int) -> str:
    """The sentence (or line) of `text` that holds text[start:end], as the user wrote it."""
    a = 0
    for m in _SENTENCE.finditer(text):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            return text[a : m.start()].strip()[:300]
    return text[a:].strip()[:300]


def _period(window: str) -> str:
    if _PER_MONTH.search(window):
        return "month"
    if _PER_ORDER.search(window):
        return "order"
    if PER_UNIT.search(window):  # '$2,000 per load', '대당 1억 2천만 원': no year per customer
        return "unit"
    if _PER_YEAR.search(window):
        return "year"
    return ""


_CLAUSE_END = re.compile(
    r"[;,.](?:\s|$)|\n|[;]|\s(?:and|but|while|or)\s|(?:이며|이고|이지만|인데)\b"
)


def _period_near(text: str, start: int, end: int) -> str:
    """The period an amount is stated for, read from its own clause: the words right after it
    ('$99 per month'), then the words before it in the same clause ('월 구독료는 9만 9천 원',
    '주문당 3만 원'): 'annual plan $990 per year; monthly plan $99 per month' gives each its own."""
    stop = _CLAUSE_END.search(text, end)
    after = text[end : min(stop.start() if stop else len(text), end + 30)]
    if p := _period(after):
        return p
    starts = [c.end() for c in _CLAUSE_END.finditer(text, 0, start)]
    before = text[starts[-1] if starts else max(0, start - 40) : start]
    if p := _period(before[-40:]):
        return p
    return ""


_HOURLY = re.compile(r"\s*(?:/\s*(?:hr|hour|h)\b|per\s+hour|an\s+hour|hourly)", re.I)


def _money_just_before(text: str, at: int) -> Quantity | None:
    """The amount written right before a keyword that follows its figure ('$18,000 ACV')."""
    head = text[max(0, at - 30) : at]
    if not head.endswith(" ") or re.search(r"[.;:\n]\s*$", head):
        return None
    found = [q for q in read_quantities(head) if q.kind == "money" and not head[q.end :].strip()]
    if not found:
        return None
    q = found[-1]
    offset = max(0, at - 30)
    return q.model_copy(update={"start": q.start + offset, "end": q.end + offset})


def _money(plan: Plan, pattern: re.Pattern[str], ids: tuple[str, ...] | None = None) -> tuple[float, str, str, str, str] | None:  # fmt: skip
    """(value, currency, period, section, quote) of the first amount after `pattern`."""
    for sid, text in _texts(plan):
        if ids is not None and sid not in ids:
            continue
        for m in pattern.finditer(text):
            if before := _money_just_before(text, m.start()):  # '$18,000 ACV'
                return (before.value, before.unit, _period_near(text, before.start, before.end),
                        sid, quote_at(text, before.start, m.end()))  # fmt: skip
            # the match may end inside a number ('… samples: $420,' of '$420,000'): read it whole
            window = re.split(r"(?<=[^\d])[.\n]", text[m.start() : m.end() + 24], maxsplit=1)[0]
            money = [
                q
                for q in read_quantities(window)
                if q.kind == "money"
                and q.start < len(m.group(0))
                # '월 300만 원 이상 주문 시 3% 할인', 'orders above $5,000': a threshold, not the amount
                and not re.match(r"\s*(?:이상|초과|or\s+more|and\s+above)", window[q.end :])
                and not re.search(r"(?:above|over)\s*$", window[: q.start])
                and not _HOURLY.match(window[q.end :])  # '$145/hr' is a labour rate, not a price
                # '재계약 단가 4% 인상 +2.5억 원', 'price increase +$0.3M': a signed change, not a level
                and not re.search(r"[+＋]\s*$", window[: q.start])
            ]
            # 'bill rate $23.80/hr in 2026 going to about $24.90 in 2027': the later one is hourly too
            hourly = [x.start for x in read_quantities(window) if x.kind == "money" and _HOURLY.match(window[x.end :])]  # fmt: skip
            money = [
                q
                for q in money
                if not any(h < q.start and ";" not in window[h : q.start] for h in hourly)
            ]
            if money:
                q = money[0]
                at, end = m.start() + q.start, m.start() + q.end
                return (
                    q.value,
                    q.unit,
                    _period_near(text, at, end),
                    sid,
                    quote_at(text, m.start(), m.end()),
                )
    return None


def read_facts(plan: Plan) -> list[Fact]:
    """Every fact the answers state, with the user's words it was read from."""
    lang = plan.language
    out: list[Fact] = []

    def add(fid: str, value: float | str | list[str], **kw: object) -> None:
        if any(f.id == fid for f in out):
            return
        out.append(Fact.model_validate({"id": fid, "label": fact_label(fid, lang), "value": value, **kw}))  # fmt: skip

    texts = list(_texts(plan))
    _churn_today(plan, add)
    # a gross margin named so anywhere ('매출총이익률 31%') before a bare 'margin' elsewhere
    for sid, text in texts:
        if m := _GROSS_NAMED.search(text):
            add(
                "gross_margin",
                float(m.group(1)),
                unit="%",
                section=sid,
                quote=quote_at(text, *m.span()),
            )
            break
    for sid, text in texts:
        for fid, pattern in RATE_PATTERNS.items():
            if m := pattern.search(text):
                add(fid, float(m.group(1)), unit="%", section=sid, quote=quote_at(text, *m.span()))
        if m := _CHURN.search(text):
            monthly = next(
                (m.group(g) for g in ("m", "m2", "m3", "m4", "m5", "m6") if m.group(g)), None
            )
            annual = next((m.group(g) for g in ("a", "a2", "a3", "a4") if m.group(g)), None)
            add("churn_rate", float(monthly or annual or 0), unit="%",
                period="month" if monthly else "year", section=sid, quote=quote_at(text, *m.span()))  # fmt: skip
        if m := _RETENTION.search(text):  # 'account retention 93%' is 7% churn a year
            kept = float(m.group(1) or m.group(2))
            monthly = bool(_MONTH_BEFORE.search(text[max(0, m.start() - 10) : m.start()])
                           or _MONTH_AFTER.search(text[m.end() : m.end() + 12]))  # fmt: skip
            if 50 <= kept < 100:
                add("churn_rate", round(100 - kept, 2), unit="%", period="month" if monthly else "year",
                    section=sid, quote=quote_at(text, *m.span()))  # fmt: skip
        if m := _CYCLE.search(text):
            n, unit = float(m.group(1)), m.group(2).lower()
            days = n * (7 if unit[0] in "w주" else 30 if unit[0] in "m개" else 1)
            add("sales_cycle_days", days, unit="days", section=sid, quote=quote_at(text, *m.span()))
        if quotas := list(_QUOTA.finditer(text)):
            # a quota a month or a quarter is a year's quota twelve or four times over; sellers
            # with quotas of their own ('quota 8 …', 'a 2nd AE … quota 4') give their average
            def yearly(m: re.Match[str]) -> float:
                per = _QUOTA_YEAR[(m.group("per") or m.group("ko_per") or "year").lower()]
                said = next(g for i, g in enumerate(m.groups(), 1) if g and i not in (m.re.groupindex["per"], m.re.groupindex["ko_per"]))  # fmt: skip
                return float(said) * per

            each = [yearly(m) for m in quotas]
            add("quota_per_seller", round(sum(each) / len(each), 1), unit="deals", period="year",
                section=sid, quote=quote_at(text, quotas[0].start(), quotas[-1].end()))  # fmt: skip
    for sid, text in texts:  # the sales process's own stages ('lead-to-walk-through rate 30%')
        if links := read_stage_links(text):
            add("stage_rates", as_fact(links), unit="%", section=sid,
                quote=quote_at(text, links[0][3], links[-1][4]))  # fmt: skip
            break
    # the offer and the price say how the business earns; a market's 'demand for subscriptions' does not
    first = (
        "sales_offering",
        "mkt_mix_4p",
        "mkt_strategy",
        "sales_strategy",
    )  # the offer, then the price
    offer_first = sorted(texts, key=lambda x: first.index(x[0]) if x[0] in first else len(first))
    # the first answer (offer first) that says how the business earns decides, not the first model
    # a list of metrics to watch ('재구매율, 마케팅 ROI …') says what is measured, not how it earns
    # and a content plan's or a calendar's cadence ('two guides a month') is no price
    offer_first = [(sid, t) for sid, t in offer_first if sid not in _NOT_EARNING]
    # in one answer, the way of earning said first decides ('$110 per visit …; employer programs
    # $3,500 per month' is paid per visit); a channel's subscribers are an audience, not a model
    hit = None
    for sid, t in offer_first:
        said = _AUDIENCE.sub(lambda m: " " * len(m.group(0)), t)
        found = [(m.start(), fid, m) for fid, model in _MODELS if (m := model.search(said))]
        # a bare amount a month ('merchants process $40,000 a month') is weaker than a named way
        # of earning ('take rate', 'per visit'): the earliest named one decides, else the earliest
        named = [f for f in found if not _AMOUNT_A_MONTH.fullmatch(f[2].group(0))]
        if found:
            _, fid, m = min(named or found, key=lambda x: x[0])
            hit = (fid, sid, t, m)
            break
    if hit:
        add("revenue_model", hit[0], section=hit[1], quote=quote_at(hit[2], *hit[3].span()))
    if not any(f.id == "repeat_rate" for f in out):  # 'a home is bought once': no repeat buyer
        by_sales = sorted(texts, key=lambda x: (not x[0].startswith("sales_"), x[0] == "mkt_positioning_messaging"))  # fmt: skip
        for sid, t in by_sales:  # the sales answers say how customers buy; a slogan last
            if m := ONE_OFF.search(t):
                add("repeat_rate", 0.0, unit="%", section=sid, quote=quote_at(t, *m.span()))
                break
    _goal_facts(plan, add)  # a goal's deal size is the plan's figure, before one stated in passing
    _amounts(plan, add)
    _people(plan, add, texts)
    return out


def _amounts(plan: Plan, add: _Add) -> None:
    b = plan.budget
    if b.total:
        text = plan.user_text("mkt_budget")
        money = [q for q in read_quantities(text) if q.kind == "money"]
        spot = next((q for q in money if abs(q.value - b.total) < 0.5), money[0] if money else None)
        quote = quote_at(text, spot.start, spot.end) if spot else text[:200]
        add("marketing_budget", b.total, unit=b.currency, period="year", section="mkt_budget", quote=quote)  # fmt: skip
    if hit := _money(plan, _SALES_SPEND):
        add(
            "sales_budget",
            hit[0],
            unit=hit[1],
            period=hit[2] or "year",
            section=hit[3],
            quote=hit[4],
        )
    if hit := _money(plan, _PRICE):
        add(
            "price", hit[0], unit=hit[1], period=hit[2] or "", section=hit[3], quote=hit[4]
        )  # unsaid: no period
    if hit := _money(plan, _VOLUME, _ANSWERS):
        add("volume_per_customer", hit[0], unit=hit[1], period=hit[2] or "year", section=hit[3], quote=hit[4])  # fmt: skip
    if hit := _money(plan, _OUTLET_SALES, _ANSWERS):
        add("outlet_sales", hit[0], unit=hit[1], period=hit[2] or "year", section=hit[3], quote=hit[4])  # fmt: skip
    if hit := _money(plan, _EXPANSION, _ANSWERS):
        add("expansion_revenue", hit[0], unit=hit[1], period="year", section=hit[3], quote=hit[4])
    if hit := _money(plan, _AOV):
        add(
            "average_order_value", hit[0], unit=hit[1], period="order", section=hit[3], quote=hit[4]
        )
    # what a new contract averages is the deal the plan sells ('기존 계약 평균 연 1,750만 원, 신규
    # 계약 평균 연 2,200만 원'), before any average said of the existing base
    if hit := _money(plan, _DEAL_NEW, _ANSWERS) or _money(plan, _DEAL, _ANSWERS):
        yearly = hit[0] * (12 if hit[2] == "month" else 1)
        add("average_deal_size", yearly, unit=hit[1], period="year", section=hit[3], quote=hit[4])


def _people(plan: Plan, add: _Add, texts: list[tuple[str, str]]) -> None:
    team_text = plan.user_text("sales_team_structure")
    roles = team_roles(plan)
    sellers = sum(int(str(r["count"])) for r in roles if r["quota_carrying"] and r["count"])
    if sellers:
        add("quota_carrying_sellers", float(sellers), unit="sellers", section="sales_team_structure",
            quote=quote_at(team_text, 0, 1) if len(team_text) < 200 else team_text[:200])  # fmt: skip
    else:
        for sid, text in texts:
            if sid not in ("sales_team_structure", "sales_territories_channels"):
                continue
            if m := _SELLERS_EN.search(text):
                n = m.group(1).lower()
                add("quota_carrying_sellers", float(n if n.isdigit() else _WORD[n]), unit="sellers",
                    section=sid, quote=quote_at(text, *m.span()))  # fmt: skip
            elif k := _SELLERS_KO.search(text):
                add("quota_carrying_sellers", float(k.group(1) or k.group(2)), unit="sellers",
                    section=sid, quote=quote_at(text, *k.span()))  # fmt: skip
    ter_text = plan.user_text("sales_territories_channels")
    names = [str(t["name"]) for t in territories(plan)]
    if m := _TERRITORY_N.search(ter_text):
        add("territory_count", float(m.group(1) or m.group(2)), unit="territories",
            section="sales_territories_channels", quote=quote_at(ter_text, *m.span()))  # fmt: skip
    elif names:
        add("territory_count", float(len(names)), unit="territories",
            section="sales_territories_channels", quote=quote_at(ter_text, 0, 1))  # fmt: skip
    if names:
        add(
            "territories",
            names,
            section="sales_territories_channels",
            quote=quote_at(ter_text, 0, 1),
        )
    market = read_market(plan)
    mtext = plan.user_text("mkt_market_analysis")
    if market.size is not None:
        add("market_size", market.size, unit=market.currency, section="mkt_market_analysis",
            quote=market.size_clause)  # fmt: skip
    if (growth := market_growth_read(market)) is not None:
        add("market_growth", growth[0], unit="%", period="year", section="mkt_market_analysis",
            quote=growth[1] if growth[1] in mtext else quote_at(mtext, 0, 1))  # fmt: skip
    rivals = competitor_list(plan)
    if rivals:
        text = plan.user_text("mkt_market_analysis")
        at = text.find(rivals[0])
        add("competitors", rivals, section="mkt_market_analysis",
            quote=quote_at(text, max(at, 0), max(at, 0) + 1))  # fmt: skip


def _stated_bridge(plan: Plan, add: _Add, base: float, goal: float, currency: str) -> None:
    """The user's own bridge from the base to the revenue goal, when its terms add up."""
    from assistant.analysis.stated_bridge import as_fact, read_stated_bridge

    for sid, text in _texts(plan):
        terms = read_stated_bridge(text, base, goal, currency)
        if terms:
            at = text.find(terms[0][1])
            add("stated_bridge", as_fact(terms), unit=currency, period="year", section=sid,
                quote=quote_at(text, max(at, 0), max(at, 0) + 1))  # fmt: skip
            return


def _goal_facts(plan: Plan, add: _Add) -> None:
    """The revenue base a revenue goal grows from, a churn goal's rate and a deal-size goal."""
    from assistant.analysis.plan_analysis import revenue_goal

    rev = revenue_goal(plan)
    if rev is not None and rev[0].frame is not None and rev[0].frame.baseline is not None:
        base = rev[0].frame.baseline
        if base.unit == rev[2]:
            add("revenue_base", base.value, unit=base.unit, period="year", section=rev[0].section,
                source="sales history" if base.source == "sales history" else "user", quote=rev[0].text)  # fmt: skip
            _stated_bridge(plan, add, base.value, rev[1], rev[2])
            from assistant.analysis.recurring_base import recurring_line

            if line := recurring_line(plan, base.value, base.unit):
                add("recurring_base", line[0], unit=base.unit, period="year", section=line[1], quote=line[2])  # fmt: skip
    for goal in plan.goals:
        f = goal.frame
        if f is None or f.target is None:
            continue
        if f.target.unit == "%" and (
            f.kpi == "churn_rate" or re.search(r"churn|이탈|해지", goal.text, re.I)
        ):
            annual = re.search(r"annual|yearly|a year|per year|연간|연\s", goal.text, re.I)
            add("churn_rate", f.target.value, unit="%", period="year" if annual else "month",
                section=goal.section, quote=goal.text)  # fmt: skip
        if f.target.unit.isupper() and (f.kpi == "average_deal_size" or re.search(r"deal\s*size|객단가|거래\s*규모|contract\s*value|revenue\s+per\s+(?:\w+\s+)?(?:customer|client|account)|(?:고객|거래처)\s*(?:1인|1곳)?당\s*(?:연\s*)?(?:평균\s*)?매출", goal.text, re.I)):  # fmt: skip
            add("average_deal_size", f.target.value, unit=f.target.unit, period="year",
                section=goal.section, quote=goal.text)  # fmt: skip


_KEPT_GOAL = re.compile(r"retention|renewal|재계약률|유지율|재등록률|재수강률|갱신율", re.I)


def _churn_today(plan: Plan, add: _Add) -> None:
    """A retention goal's starting rate is today's churn ('재계약률을 2026년 87.5%에서 90%로' is
    12.5% a year): it is read before any rate a KPI list gives, which is the goal's target."""
    for goal in plan.goals:
        f = goal.frame
        base = f.baseline if f is not None else None
        if base is None or base.unit != "%" or not _KEPT_GOAL.search(goal.text):
            continue
        if re.search(r"net\s+(?:revenue|dollar)|\bnrr\b|매출\s*유지율", goal.text, re.I):
            continue  # net revenue retention counts expansion: no customer churn in it
        if 50 <= base.value < 100:
            monthly = re.search(r"monthly|a month|월간?\s", goal.text, re.I)
            add("churn_rate", round(100 - base.value, 2), unit="%", period="month" if monthly else "year",
                section=goal.section, quote=goal.text)  # fmt: skip
            return


class _Add(Protocol):  # the signature of read_facts' local `add`
    def __call__(self, fid: str, value: float | str | list[str], **kw: object) -> None: ...


def refresh_facts(plan: Plan) -> None:
    """Read the answers again; keep what the user corrected and what data (history, documents)
    gave."""
    plan.facts = merge_facts(read_facts(plan), plan.facts)
