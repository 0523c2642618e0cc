"""Territories as stated, with whole sellers and whole new-customer targets: sellers from the
answer or the team's breakdown, targets from the answer, a stated share, the sellers, or (with
nothing stated) each territory's population as a stand-in for its potential."""

from __future__ import annotations

import re

from assistant.analysis.lists import list_items
from assistant.analysis.plan_goals import customer_goal, quota_sellers
from assistant.core.plan import Plan


def _split_evenly(total: int, parts: int) -> list[int]:
    """70 over 3 -> [24, 23, 23]: whole numbers as even as possible, summing to the total."""
    base, extra = divmod(int(total), parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


_STAFFED = re.compile(
    r"^(?P<name>.+?)\s*[(（:]?\s*(?:(?:AEs?|SDRs?|reps?|영업\s*담당자?|담당자)\s*)?(?P<n>\d+)\s*(?:reps?|sellers?|aes?|account\s+executives?|people|명)\s*(?:[,，][^)）]*)?[)）]?$",
    re.I,
)


def _split_at_least_one(total: int, weights: list[float]) -> list[int]:
    """5 sellers by [68, 21, 11] -> [3, 1, 1]: in proportion, each territory at least one seller
    when there are enough to go round."""
    if total < len(weights):
        return _split_by(total, [round(w * 10) for w in weights])
    out = [1] * len(weights)
    rest = total - len(weights)
    if rest:
        # the sellers after the first each: to the territories furthest below their share
        for _ in range(rest):
            i = max(range(len(weights)), key=lambda i: weights[i] / sum(weights) * total - out[i])
            out[i] += 1
    return out


def _split_by(total: int, weights: list[int]) -> list[int]:
    """70 by sellers [3, 1] -> [53, 17]: whole numbers in proportion, summing to the total."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    out = [int(x) for x in exact]
    for i in sorted(range(len(weights)), key=lambda i: exact[i] - out[i], reverse=True)[
        : total - sum(out)
    ]:
        out[i] += 1
    return out


# a territory's own target in brackets: 'Houston (15)', '영남(35곳)', '(target 22 new contracts)'
_BRACKET_TARGET = re.compile(
    r"^(?P<name>[^(（]+?)\s*[(（](?P<inside>[^)）%]*?(?<![\d,])(?P<n>\d[\d,]*)(?![\d,]*\s*%)[^)）%]*)[)）]$",
    re.I,
)  # '(target 40 new accounts)', '(30)', '(20, half through sub-distributors)', '(35곳)'
# people, not targets: 'Midwest (Columbus office, 2 partners)' is a services firm's selling partners
_SELLER_WORD = re.compile(
    r"명|\breps?\b|\baes?\b|sellers?|account exec|people|\d+\s*partners?\b|담당", re.I
)
_KO_REGION = "(?:서울|경기|인천|부산|대구|광주|대전|울산|세종|강원|충청|충남|충북|전라|전남|전북|경상|경남|경북|제주|영남|호남|수도권)"
_LEAD_IN = re.compile(
    r"^(?:\w+\s+)?(?:territories|regions|지역|권역)\s*(?:are|:)\s*"
    # a label before the list: 'GMV by region 2027: Northeast …', '지역별 매출 비중: 수도권 …'
    r"|^[^:：]{0,40}?(?:\bby\s+(?:region|territory)|\bregions?\b|\bterritories\b|지역별|권역별)[^:：]{0,20}[:：]\s*"
    r"|^[^:：,]{0,30}?(?:목표|\btargets?\b|\bgoals?\b|coverage|\bmarkets?\b|\bareas?\b|\bzones?\b|구분|담당\s*지역|영업\s*지역)[^:：,]{0,10}[:：]\s*",  # '신규 가맹 목표: 수도권 22개, …', 'Coverage: …'
    re.I,
)
# what a bracket's count must read as to be a target: bare ('(30)', '(20, half through …)'),
# after a target word ('(target 22 new contracts)', '(신규 고객 목표 120곳)') or counting customers ('(35곳)')
_TARGET_COUNT = re.compile(
    r"\s*(?:[^\d]{0,16}?(?:target|goal|목표|신규|new)[^\d]{0,16})?\d[\d,]*\s*(?:$|[,;]|(?:new\s+)?(?:accounts?|customers?|contracts?|clients?|deals?|logos?)\b"
    r"|곳(?!\s*(?:매장|지점|점포))|개사|개(?!\s*(?:매장|지점|점포))|건)",
    re.I,
)  # not a size or a year: '(6개 매장)', '(거래처 1,200곳)', '(since 2019)', '(Zone 2)'
# a region with its count after the name: '수도권 22개', '영남 7곳', 'Central Ohio 40 new accounts',
# '경기 동부 14동(양평 모델하우스)' (a builder's houses)
_ITEM_COUNT = re.compile(
    r"^(?P<name>[^\d()（）]{1,30}?)\s+(?P<n>\d[\d,]*)\s*(?P<unit>개사|개|곳|건|동|채|(?:new\s+)?(?:accounts?|customers?|clients?|contracts?)\b)(?:\s*[(（][^)）]*[)）])?$",
    re.I,
)
_NOTED_PEOPLE = re.compile(
    r"[(（][^)）]*?\b(\d{1,3})\s*(?:reps?|sellers?|aes?|account\s+executives?|partners?|people|명)\b[^)）]*[)）]$",
    re.I,
)
# an item that names a sales channel or a scope, not a place: 'own Shopify store (82% of
# revenue)', 'Amazon (18%)', 'DTC: US-wide', 'no international' are how the business sells, and
# a split of customers over them as territories would be a false reading
_NOT_A_PLACE = re.compile(
    r"\b(?:store|site|shop|amazon|marketplace|online|e-?commerce|dtc|direct|app\s+store|wholesale|"
    r"distributors?|retailers?|resellers?|partners?)\b|(?-i:\bchannels?\b)|\bno\s|\bonly\b|:"
    r"|스토어|쇼핑몰|자사몰|온라인|오프라인|쿠팡|없음|(?<![가-힣])(?:마켓|직판|도매|유통|대리점|채널)(?![가-힣])",
    re.I,
)


def territories(plan: Plan) -> list[dict[str, object]]:
    """The territories as stated, with whole sellers and whole new-customer targets: [{"name",
    "sellers", "share", "new_customers", "sellers_stated", "targets_stated"}]. Sellers come from
    the answer ('Seoul (3 reps)', '서울 3명') or the team's breakdown ('AE 6명(수도권 4명, …)');
    targets from the answer ('영남(35곳)'), else in proportion to the sellers, else evenly.
    Sellers nobody stated are a proposal (an even spread), and say so."""
    text = plan.user_text("sales_territories_channels")
    # counts after the names are targets when the list says so ('신규 가맹 목표: 수도권 22개'); else
    # they may be what each region has today ('수도권 52개(서울 30, …)': stores)
    targets_said = bool(re.match(r"^[^:：,]{0,30}?(?:목표|\btargets?\b|\bgoals?\b)", _first_sentence(text).strip(), re.I))  # fmt: skip
    first = _LEAD_IN.sub("", _first_sentence(text).strip())
    # '(1) Philadelphia city + Delaware County': the numbering is no part of the name
    items = [re.sub(r"^\(?\d{1,2}[).]\s*", "", t) for t in _bracketed(first) or list_items(first, plan.language) if t]  # fmt: skip
    if colon := _colon_items(text):  # 'US East: 3 AEs, 42 new customers; US West: 1 AE, 17; …'
        first, items = ", ".join(colon), colon
    shares = _stated_shares(text) if len(items) < 2 else _item_shares(items)
    aliases: list[str] = []  # each region's office or city, as the team may count its people
    if regions := _regions_with_notes(first):  # 'Upper Midwest - IL, WI, MN (Chicago; ~48%), …'
        items = [name for name, _ in regions]
        aliases = [re.split(r"[;,)]", first[first.find(name) :].split("(", 1)[-1], maxsplit=1)[0].strip() for name in items]  # fmt: skip
        if all(pct is not None for _, pct in regions):
            shares = [(name, float(pct or 0)) for name, pct in regions]
    if shares:  # '매출 비중 수도권 60%, 부산·경남 15%, …': the regions and their stated shares
        items = [name for name, _ in shares]
    names, counts, stated_targets = [], [], []
    for item in items:
        staffed = _STAFFED.match(item)
        target = None if staffed else _BRACKET_TARGET.match(item)
        if target and (_SELLER_WORD.search(target.group("inside")) or not _TARGET_COUNT.match(target.group("inside"))):  # fmt: skip
            target = None  # people, or a size ('Seattle district (6 stores)'), not a target
        counted = None if staffed or target else _ITEM_COUNT.match(item)
        if (
            counted
            and counted.group("unit") in ("동", "채")
            and _goal_unit(plan) not in ("동", "채")
        ):
            counted = None  # '대치 2동' is a neighbourhood unless the goal counts houses
        elif counted and counted.group("unit") in ("개", "곳", "개사", "건") and not targets_said:
            counted = None
        if counted:  # '수도권 22개', 'Ohio 40 new accounts': the count after the name
            target = counted
        # people counted among a bracket's notes: 'Midwest (Columbus office, 2 partners)'
        noted = None if staffed or target else _NOTED_PEOPLE.search(item)
        names.append(
            (staffed or target).group("name").strip(" (") if (staffed or target)  # type: ignore[union-attr]
            else re.split(r"\s*[(（]", item, maxsplit=1)[0] if noted else item
        )  # fmt: skip
        counts.append(int(staffed.group("n")) if staffed else int(noted.group(1)) if noted else 0)
        # a staffed territory's own target beside its sellers: 'US East (3 AEs, 42 new customers)'
        beside = _target_beside(item) if staffed else 0
        stated_targets.append(int(target.group("n").replace(",", "")) if target else beside)
    # a region's revenue said after its name ('수도권 92억 원', 'Northeast $4.2M') is no part of it
    names = [re.sub(r"\s+(?:[$€£₩]\s?[\d.,]+\s*[KMB]?|\d[\d.,]*\s*(?:억|만|천만)\s*(?:\d[\d,]*\s*만\s*)?원?)$", "", n) or n for n in names]  # fmt: skip
    # '경기, 충청, 경남 권역으로 나누고': the last name carries the list's own word for 'regions'
    # (only after a region's own name: '그 외 지역' stays 'other regions')
    names = [re.sub(r"(" + _KO_REGION + r")\s+(?:권역|지역)$", r"\1", n) for n in names]
    fixed = plan.fact("territories")
    if fixed is not None and fixed.corrected and isinstance(fixed.value, list):
        names, counts, stated_targets = list(fixed.value), [], []
    if len(names) < 2 or any(len(re.sub(r"\s*[(（][^)）]*[)）]$", "", t)) > 48 for t in names):
        return []
    if any(_NOT_A_PLACE.search(re.sub(r"\s*[(（][^)）]*[)）]", "", n)) for n in names):
        return []  # channels or a scope, not places: the answer's words stand, no table
    if any(_NOT_A_TERRITORY.search(n) for n in names):
        return []  # periods, segments or motions ('Q1', 'Hunters', '상반기'), not places
    if not (counts and all(counts)):
        counts = _team_breakdown(plan, names)
    if not (counts and all(counts)) and aliases and all(aliases):
        counts = _team_breakdown(plan, aliases)  # '10 AEs (4 Chicago, 2 Columbus, …)
    if not (counts and all(counts)) and any("(" in n for n in names):
        # 'Lehigh Valley (Allentown)' staffed as '1 Allentown', 'Columbus (East + West)' as '2 Columbus'
        each = [next((c[0] for alias in _aliases(n) if (c := _team_breakdown(plan, [alias]))), 0) for n in names]  # fmt: skip
        counts = each if all(each) else counts
    if not (counts and all(counts)) and _ONE_EACH.search(
        f"{plan.user_text('sales_team_structure')} {text}"
    ):
        counts = [1] * len(names)  # '5 account executives, one per territory'

    sellers_stated = bool(counts) and all(counts)
    reps = sum(counts) if sellers_stated else quota_sellers(plan)
    targets_stated = bool(stated_targets) and all(stated_targets)
    # nothing stated: each territory's people stand in for its potential until the target
    # accounts are counted (said as such), else an even spread
    stand_in = None
    if not (sellers_stated or targets_stated or shares):
        from assistant.analysis.region_share import population_shares

        stand_in = population_shares(names)
    if stand_in is not None:
        shares = [(n, round(v, 1)) for n, v in zip(names, stand_in[0], strict=True)]
    sellers = counts if sellers_stated else (
        _split_at_least_one(reps, [v for _, v in shares]) if stand_in and reps
        else _split_evenly(reps, len(names)) if reps else []
    )  # fmt: skip
    goal = customer_goal(plan)
    # each territory's target is its own when stated, else follows its sellers (stated, or spread
    # as evenly as whole people allow), so one seller never carries what two carry elsewhere
    weights = (
        stated_targets
        if targets_stated
        else [round(v * 10) for _, v in shares]
        if shares
        else (sellers if sellers and all(sellers) else [])
    )
    if targets_stated:
        targets: list[int] = stated_targets
    elif goal:
        targets = _split_by(round(goal[1]), weights) if weights else _split_evenly(round(goal[1]), len(names))  # fmt: skip
    else:
        targets = []
    share = (
        [round(100 * c / sum(weights), 1) for c in weights]
        if weights
        else [round(100 / len(names), 1)] * len(names)
    )
    return [
        {"name": name, "sellers": sellers[i] if sellers else None, "share": share[i],
         "new_customers": targets[i] if targets else None,
         "sellers_stated": sellers_stated, "targets_stated": targets_stated,
         "shares_stated": bool(shares) and stand_in is None,
         "population": stand_in[1] if stand_in is not None else None}
        for i, name in enumerate(names)
    ]  # fmt: skip


_ITEM_SHARE = re.compile(
    r"^(?P<name>.+?)\s*[~≈]?\s*(?:약\s*)?(?P<pct>\d{1,2}(?:\.\d)?)\s*%(?:\s+(?:of|share)\b.*)?$",
    re.I,
)


def _goal_unit(plan: Plan) -> str:
    goal = customer_goal(plan)
    frame = goal[0].frame if goal else None
    return frame.target.unit if frame is not None and frame.target is not None else ""


def _bracketed(sentence: str) -> list[str]:
    """Items each closed by its own bracket, split at the commas between them only: 'Midwest
    (Columbus office, 2 partners), Texas and South Central (Houston office, 1 partner), …' keeps
    'Texas and South Central' one territory, as its one bracket says; [] otherwise."""
    pieces = [p.strip(" .") for p in re.split(r"(?<=[)）])(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)", sentence.strip())]  # fmt: skip
    if len(pieces) < 2 or not all(p.endswith((")", "）")) for p in pieces):
        return []
    return [re.sub(r"^(?:and|or)\s+", "", p, flags=re.I) for p in pieces]


def _item_shares(items: list[str]) -> list[tuple[str, float]]:
    """'Lehigh Valley (Allentown) ~38% of 2027 revenue, Harrisburg/Carlisle ~34%, …': each
    region with its share after its name, when the shares add up to about 100%."""
    found = [m for m in (_ITEM_SHARE.match(i.strip()) for i in items)]
    if not all(found) or len(found) < 2:
        return []
    shares = [(m.group("name").strip(" ,-:"), float(m.group("pct"))) for m in found if m]
    return shares if 95 <= sum(v for _, v in shares) <= 105 else []


def _aliases(name: str) -> list[str]:
    """A region's name, without its bracket, and what the bracket holds ('Lehigh Valley
    (Allentown)' -> ['Lehigh Valley', 'Allentown'])."""
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    inside = re.findall(r"\(([^)]*)\)", name)
    return [bare, *[i.strip() for i in inside if i.strip()]]


_COLON_ITEM = re.compile(
    r"^\s*(?:[-•*]\s*)?(?P<name>[^\W\d_][^:：;]{0,40}?)\s*[:：]\s*(?P<rest>[^:：;]*\d[^:：;]*?)\s*\.?$"
)


def _colon_items(text: str) -> list[str]:
    """Territories written one per clause as 'Name: its sellers and target' ('US East: 3 AEs,
    42 new customers; US West: 1 AE, 17 new customers.') as 'Name (…)' items the bracket reading
    takes; [] unless two or more such clauses open the answer. Each clause names its sellers
    (people, so 'Q1: 20 deals' or 'Inbound: 40 new customers' is no territory) and no bracket of
    its own; a name that is a period, a segment or a motion is none; the first clause that is not
    one ends the list ('Travel budget: $40,000' after it is a note)."""
    out = []
    for clause in re.split(r";|\n|(?<=[^\d\s])\.\s+(?=[^\W\d_])", text):
        if not clause.strip():
            continue
        found = _COLON_ITEM.match(clause)
        if (
            found is None
            or _NOT_A_PLACE.search(found.group("name"))
            or _NOT_A_TERRITORY.search(found.group("name"))
            or _LEAD_IN.match(clause.strip())
            or re.search(r"[()（）]", found.group("rest"))
            or not _SELLER_WORD.search(found.group("rest"))
        ):
            break
        out.append(f"{found.group('name').strip()} ({found.group('rest').strip(' .')})")
    return out if len(out) >= 2 else []


# names of a period, a segment or a sales motion, not a place
_NOT_A_TERRITORY = re.compile(
    r"^\s*(?:Q[1-4]|H[12]|FY|year|quarter|month|week|inbound|outbound|hunters?|farmers?|new(?!\s+(?:england|york|jersey|mexico|hampshire|zealand|south\s+wales|brunswick|orleans))|existing|"
    r"enterprise|mid-?market|smb|strategic|named|key\s+accounts?|renewals?|expansion|upsell)\b"
    r"|상반기|하반기|분기|\d+\s*월|연도|신규|기존|확대|직접|대기업|중견|중소|핵심\s*고객|인바운드|아웃바운드",
    re.I,
)
# a count of new customers beside the sellers: a customer word after it, never a rate ('3
# deals/month', 'per quarter'), what a territory has today ('40 customers today', '거래처 1,200곳',
# '1,500 accounts in patch') or a year
_BESIDE = re.compile(
    r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?:new\s+)?(?:customers?|accounts?|clients?|contracts?|deals?|logos?)\b"
    r"|(?<![\d,.])(?P<k>\d{1,3}(?:,\d{3})+|\d+)\s*(?:곳|개사|건)(?!\s*(?:매장|지점|점포))",
    re.I,
)
_NOT_NEW = re.compile(
    r"/\s*(?:mo|month|quarter|qtr|week|yr)|\bper\s+(?:month|quarter|week)|\ba\s+(?:month|quarter|week)|\bmonthly|\bquarterly"
    r"|\btoday\b|\bexisting\b|\bcurrent\b|\bin\s+(?:the\s+)?patch\b|\binstalled\b|\bunder\s+management"
    r"|거래처|현재|기존|보유|월\s*\d|매월|분기마다|분기당|월간|월평균",
    re.I,
)


def _target_beside(item: str) -> int:
    """The new-customer count in a staffed territory's bracket after its sellers: 'US East (3
    AEs, 42 new customers)' -> 42, '수도권(AE 4명, 120곳)' -> 120, '(2 AEs, 1,040 new accounts)'
    -> 1,040; 0 when none is there or it is a rate, a count of today's accounts or a year."""
    inside = re.search(r"[(（:：](?P<in>[^()（）]*)[)）]?\s*$", item)
    if inside is None:
        return 0
    parts = [p.strip() for p in re.split(r"[,，;]\s*(?=\D)", inside.group("in")) if p.strip()]
    for part in parts:
        if _SELLER_WORD.search(part) and not _BESIDE.search(
            re.sub(
                r"\d+\s*(?:reps?|sellers?|aes?|account\s+executives?|people|명)",
                "",
                part,
                flags=re.I,
            )
        ):
            continue  # the sellers' own part
        found = _BESIDE.search(part)
        if found is None or _NOT_NEW.search(part):
            continue
        n = found.group("n") or found.group("k")
        return int(n.replace(",", ""))
    return 0


def _first_sentence(text: str) -> str:
    """The answer up to its first line end, semicolon or sentence end outside brackets."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "(["
        depth -= ch in ")]" and depth > 0
        if depth == 0 and (ch in ";\n" or (ch == "." and text[i + 1 : i + 2] in (" ", ""))):
            return text[:i]
    return text


def _regions_with_notes(sentence: str) -> list[tuple[str, float | None]]:
    """Regions written as 'Name - its states (its office; its share)', each closed by its
    bracket: [(name, share or None)]; [] when the sentence is not written so."""
    pieces = [p.strip(" .") for p in re.split(r"(?<=\)),\s+", sentence.strip())]
    dashed = sum(bool(re.search(r"\s[-–—]\s", p.split("(", 1)[0])) for p in pieces)
    if (
        len(pieces) < 2
        or not all(p.endswith(")") for p in pieces)
        or dashed < max(2, len(pieces) - 1)
    ):
        return []
    out: list[tuple[str, float | None]] = []
    for piece in pieces:
        head = re.split(r"\s+[-–—]\s+|\s*\(", piece, maxsplit=1)[0].strip(" ,")
        pct = re.search(r"(\d{1,2}(?:\.\d)?)\s*%", piece[piece.rfind("(") :])
        if not head or len(head) > 40:
            return []
        out.append((head, float(pct.group(1)) if pct else None))
    return out


_ONE_EACH = re.compile(
    r"\bone\s+(?:\w+\s+)?(?:per|in\s+each|for\s+each)\s+(?:territory|region)|\beach\s+territory\s+has\s+(?:one|1)\b"
    r"|(?:지역|권역)(?:별|마다)\s*1\s*명",
    re.I,
)
_SHARE_ITEM = re.compile(r"([가-힣A-Za-z][가-힣A-Za-z·/&\- ]{0,20}?)\s*(\d{1,3}(?:\.\d+)?)\s*%")


def _stated_shares(text: str) -> list[tuple[str, float]]:
    """Regions with their share as the answer states them ('매출 비중 수도권 60%, 부산·경남 15%, …'):
    the first sentence whose shares add up to about 100%."""
    for sentence in re.split(r"(?<=[.!?。])\s+|\n+", text):
        found = [(n.strip(), float(v)) for n, v in _SHARE_ITEM.findall(sentence)]
        if len(found) >= 2 and 95 <= sum(v for _, v in found) <= 105:
            first = re.sub(
                r"^.*?(?:비중|share|split|mix)\s*(?:은|는|:)?\s*", "", found[0][0], flags=re.I
            )
            return [(first or found[0][0], found[0][1]), *found[1:]]
    return []


_SELLING = re.compile(r"\baes?\b|account\s+exec|\breps?\b|sellers?|sales\s*(?:people|reps?|team)|영업\s*담당|영업\s*사원|영업\s*인력", re.I)  # fmt: skip
_SERVICE = re.compile(r"engineer|technician|service|installer|엔지니어|기사|서비스|설치|현장", re.I)


def _team_breakdown(plan: Plan, names: list[str]) -> list[int]:
    """Sellers per territory from the team answer's breakdown in brackets: 'AE 6명(수도권 4명,
    영남 1명, 충청·호남 1명)', '6 account executives (3 in Dallas, 2 in Houston, 1 in Austin)'."""
    team = plan.user_text("sales_team_structure")
    # the breakdown of the sellers, not of engineers or service staff: a bracket (or a dash's
    # list) right after a selling role ('AE 8명 — 수도권 3명, …', '6 account executives (3 in
    # Dallas, …)'); a team answer with no role named before its brackets keeps them all
    found = [
        (m.group(1) or m.group(2), team[max(0, m.start() - 40) : m.start()])
        for m in re.finditer(r"[(（]([^)）]*)[)）]|[—–]\s*([^.;\n]*)", team)
    ]
    # a selling role nearest the bracket wins ('현장 영업 담당 4명(…)', 'field service sales reps: 4 (…)')
    picked = [body for body, before in found if _SELLING.search(before) and (_SELLING.search(before[-20:]) or not _SERVICE.search(before[-20:]))]  # fmt: skip
    if not picked:
        picked = [body for body, before in found if not _SERVICE.search(before[-20:])]
    inside = " ; ".join(b for b in picked if b)
    out = []
    for name in names:
        key = re.escape(name)
        m = (
            re.search(key + r"\s*[:(]?\s*(\d+)\s*(?:명|reps?|aes?|sellers?)?", inside, re.I)
            or re.search(r"(\d+)\s+(?:\w+\s+)?(?:in|for|covering)\s+" + key, inside, re.I)
            or re.search(r"(?:^|[,;(]\s*)(\d+)\s+" + key + r"\b", inside, re.I)
        )  # '10 AEs (4 Chicago, 2 Columbus, …)'
        out.append(int(m.group(1)) if m else 0)
    return out if all(out) else []
