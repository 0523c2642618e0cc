"""Words that say what an offer is and what it touches, shared by the sections, the personas and
the risk register so that each reads an answer the same way."""

from __future__ import annotations

import re

# a trial or pilot, however it is named ('체험' alone included: a move or a sales step)
TRIAL = re.compile(r"\btrials?\b|\bpilots?\b|체험|파일럿|시범\s*도입", re.I)
# a trial or pilot as an offer, not '고객 체험' (the customer's experience)
TRIAL_OFFER = re.compile(
    r"\btrials?\b|\bpilots?\b|파일럿|무료\s*체험|\d+\s*일\s*(?:간\s*)?(?:무료\s*)?체험|체험판|시범\s*도입",
    re.I,
)
# the buyer's own systems or data ('on the customer's own POS data', '고객사 ERP를 연동한')
OWN_SYSTEMS = re.compile(
    r"(?:buyer'?s?|customer'?s?|their|client'?s?)\s+own\s+(?:\w+\s+)?(?:data|pos|erp|crm|systems?)"
    r"|(?:고객|고객사|기존)\s*(?:의\s*)?(?:[A-Za-z가-힣]+\s*)?(?:데이터|시스템|ERP|POS|CRM)\s*(?:를|을)?\s*(?:연동|연결|그대로)",
    re.I,
)
# a trial or demo on data that is not the buyer's ('sample data', '샘플 데이터')
SAMPLE_DATA = re.compile(
    r"sample data|demo data|no customer data|without (?:their|customer) data|샘플 데이터|예시 데이터|고객 데이터 없이",
    re.I,
)
# any integration: the buyer's own systems, an API, single sign-on
INTEGRATION = re.compile(
    rf"{OWN_SYSTEMS.pattern}|integrat\w*\s+with|\bapi\b|single\s+sign-?on|\bsso\b|시스템\s*연동|API",
    re.I,
)
