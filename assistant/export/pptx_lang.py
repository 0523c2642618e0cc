"""A Korean deck's text marked as Korean (lang="ko-KR" on every run, the end of every paragraph
and the notes), so PowerPoint and LibreOffice lay it out and spell-check it as Korean: unmarked
runs are read as English, which puts gaps between Hangul and digits in some renderers."""

from __future__ import annotations

from typing import Any

from pptx.oxml.ns import qn

_TAGS = (qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr"))


def mark_korean(prs: Any) -> None:
    """Set lang="ko-KR" (with English as the alternate) on the text of every slide and its notes."""
    parts = [s._element for s in prs.slides]
    parts += [s.notes_slide._element for s in prs.slides if s.has_notes_slide]
    for root in parts:
        for run in root.iter(qn("a:r")):
            if run.find(qn("a:rPr")) is None:  # a run with no properties gets one to carry lang
                run.insert(0, run.makeelement(qn("a:rPr"), {}))
        for el in root.iter(*_TAGS):
            el.set("lang", "ko-KR")
            el.set("altLang", "en-US")
