"""`search` and `index`: the knowledge base from the command line (JSON contract in the README)."""

from __future__ import annotations

import argparse
import json
import sys

from assistant.core.errors import InputError
from assistant.core.settings import get_settings
from assistant.retrieval.index import KnowledgeIndex


def index(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    idx = KnowledgeIndex(get_settings())
    print(f"Embedder: {idx.embedder_name} · index: {idx.location}", file=sys.stderr)
    counts = idx.build(
        progress=lambda files: tqdm(files, desc="embedding", unit="file", file=sys.stderr)
    )
    print(
        f"{counts['files']} files: {counts['embedded']} embedded, {counts['unchanged']} unchanged, {counts['removed']} removed."
    )
    return 0


def search(args: argparse.Namespace) -> int:
    if args.k < 1:
        raise InputError("--k must be at least 1.", "--k는 1 이상이어야 합니다.")
    if args.query == "-":
        queries, many = [q.strip() for q in sys.stdin.read().splitlines() if q.strip()], True
    else:
        if not args.query.strip():
            raise InputError("The query is empty.", "검색어가 비어 있습니다.")
        queries, many = [args.query.strip()], False
    idx = KnowledgeIndex(get_settings())
    results = [
        [
            r.model_dump(include={"topic", "title", "source", "text", "score"})
            for r in idx.search(q, k=args.k, lang=args.lang)
        ]
        for q in queries
    ]
    if args.json:
        ordered = [
            [{key: r[key] for key in ("topic", "title", "source", "text", "score")} for r in rs]
            for rs in results
        ]
        print(json.dumps(ordered if many else ordered[0], ensure_ascii=False, indent=2))
        return 0
    for query, rs in zip(queries, results, strict=True):
        print(f"Q: {query}")
        if not rs:
            print("  (no passages found)")
        for n, r in enumerate(rs, 1):
            snippet = " ".join(r["text"].split())
            snippet = snippet if len(snippet) <= 240 else snippet[:239] + "…"
            print(f"  {n}. {r['title']}  [{r['source']}]  ({r['score']:.2f})\n     {snippet}")
        print()
    return 0
