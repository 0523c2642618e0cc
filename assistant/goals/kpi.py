"""KPI catalogue and offline advisor: a goal or question in Korean or English -> ranked KPIs."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, Field

from assistant.core.catalogue import Bilingual, BilingualList  # noqa: F401  (re-exported types)
from assistant.core.lang import detect_language, fix_particles

GUIDE_KPIS: tuple[str, ...] = (
    "revenue", "revenue_growth", "sales_conversion_rate", "average_deal_size", "cac",
    "sales_cycle_length", "clv", "win_rate", "churn_rate", "upsell_cross_sell_rate",
    "leads", "website_traffic", "marketing_conversion_rate", "ctr", "cpl", "social_engagement",
    "email_open_click_rate", "content_engagement", "brand_awareness", "marketing_roi",
    "csat", "nps", "market_share", "brand_equity", "retention_rate",
)  # fmt: skip


class KPI(BaseModel):
    id: str
    category: str
    unit: str
    name: Bilingual
    definition: Bilingual
    formula: Bilingual
    data_source: Bilingual
    cadence: Bilingual
    good: Bilingual | None = None  # what a healthy value looks like
    name_cues: list[str] = Field(default_factory=list)
    cues: list[str] = Field(default_factory=list)


class KPIAdvice(BaseModel):
    """One ranked suggestion (the `kpi` CLI contract) plus its score."""

    id: str
    name: str
    category: str
    formula: str
    why: str
    score: float = Field(default=0.0, exclude=True)


@lru_cache(maxsize=1)
def kpi_catalogue() -> dict[str, KPI]:
    raw = yaml.safe_load(
        (resources.files("assistant.core") / "data" / "kpis.yaml").read_text("utf-8")
    )
    return {item["id"]: KPI.model_validate(item) for item in raw}


def kpi_label(kpi_id: str, lang: str) -> str:
    """A KPI's name in the reader's language (the id only when the catalogue lacks it)."""
    found = kpi_catalogue().get(kpi_id)
    return found.name.get(lang) if found is not None else kpi_id


def get_kpi(kpi_id: str) -> KPI:
    return kpi_catalogue()[kpi_id]


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w%+\-→/ ]", " ", text.lower()).split())


@cache
def _cue_pattern(cue: str) -> re.Pattern[str] | None:
    """The cue as a word-start pattern, compiled once (None for Korean: a substring test). The
    catalogue's hundreds of cues would otherwise churn through re's own 512-pattern cache."""
    if re.search(r"[\uac00-\ud7a3]", cue):
        return None
    return re.compile(r"(?<![a-z0-9])" + re.escape(cue))


def _cue_found(cue: str, text: str) -> bool:
    pattern = _cue_pattern(cue)
    return cue in text if pattern is None else pattern.search(text) is not None


def _ngrams(text: str, n: int = 3) -> set[str]:
    t = f" {text} "
    return {t[i : i + n] for i in range(max(0, len(t) - n + 1))}


def _fuzzy(text: str, kpi: KPI) -> float:
    query = _ngrams(text)
    if not query:
        return 0.0
    doc = _ngrams(
        _normalise(" ".join([kpi.name.en, kpi.name.ko, kpi.definition.en, kpi.definition.ko]))
    )
    return len(query & doc) / len(query)


def _why(kpi: KPI, matched: list[str], lang: str) -> str:
    definition = kpi.definition.get(lang)
    if matched:
        cues = ", ".join(f'"{c}"' for c in matched[:3])
        if lang == "ko":
            return fix_particles(f"{cues}와(과) 관련됩니다. {kpi.name.ko}: {definition}")
        return f"Fits {cues}. {kpi.name.en}: {definition}"
    if lang == "ko":
        return f"가장 가까운 지표입니다. {kpi.name.ko}: {definition}"
    return f"Closest match. {kpi.name.en}: {definition}"


def advise(text: str, k: int = 3, lang: str | None = None) -> list[KPIAdvice]:
    """Rank KPIs for a goal or question, best first, each with why it fits. Every goal is
    re-checked after each answer, so rankings are remembered per text (fresh copies returned)."""
    return [a.model_copy() for a in _advise(text, k, lang)]


@lru_cache(maxsize=4096)
def _advise(text: str, k: int, lang: str | None) -> tuple[KPIAdvice, ...]:
    language = lang or detect_language(text)
    norm = _normalise(text)
    scored: list[tuple[float, int, KPI, list[str]]] = []
    for order, kpi in enumerate(kpi_catalogue().values()):
        matched: list[str] = []
        score = 0.0
        for cue in kpi.name_cues:
            if _cue_found(cue, norm):
                score += 3 + len(cue.split())
                matched.append(cue)
        for cue in kpi.cues:
            if _cue_found(cue, norm):
                score += 1 + 0.5 * (len(cue.split()) - 1)
                matched.append(cue)
        score += _fuzzy(norm, kpi)
        guide_bonus = 0.01 if kpi.id in GUIDE_KPIS else 0.0
        scored.append((score + guide_bonus, -order, kpi, matched))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return tuple(
        KPIAdvice(
            id=kpi.id,
            name=kpi.name.get(language),
            category=kpi.category,
            formula=kpi.formula.get(language),
            why=_why(kpi, matched, language),
            score=round(score, 3),
        )
        for score, _, kpi, matched in scored[: max(1, k)]
    )
