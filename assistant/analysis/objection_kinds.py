"""The kinds of buyer objection the plan answers: price, the effort of switching, and doubt that
it works (shared by the message house and the sales tactics that answer them)."""

from __future__ import annotations

import re

PRICE = re.compile(r"price|cost|expensive|budget|afford|가격|비싸|비용|예산", re.I)
EFFORT = re.compile(
    r"set\s*up|setup|integrat|effort|switch|migrat|connect|도입|연결|설치|번거|바꾸", re.I
)
DOUBT = re.compile(r"work|doubt|quality|trust|proof|risk|효과|의심|품질|신뢰|위험|걱정", re.I)
