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
    from assistant.cli.inputs import check_k, check_length, clean, stdin_lines

    check_k(args.k)
    if args.query == "-":
        queries, many = stdin_lines(), True
    else:
        if not args.query.strip():
            raise InputError("The query is empty.", "검색어가 비어 있습니다.")
        queries, many = [clean(args.query.strip())], False
        check_length(queries)
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


MAX_QUESTIONS = 500


def ask(args: argparse.Namespace) -> int:
    """Answer questions offline (or with the model when configured) exactly as the chat would,
    without touching any plan. `-` reads one question per line and prints a JSON array."""
    from assistant.core.lang import detect_language
    from assistant.service import MAX_QUESTION_CHARS, build_service
    from assistant.service import ask as ask_one

    if args.question == "-":
        from assistant.cli.inputs import read_stdin

        text = read_stdin()
        questions, many = [q.strip() for q in text.splitlines() if q.strip()], True
        if len(questions) > MAX_QUESTIONS:
            raise InputError(
                f"At most {MAX_QUESTIONS} questions per run (got {len(questions)}).",
                f"한 번에 최대 {MAX_QUESTIONS}개 질문까지 받습니다({len(questions)}개).",
            )
    else:
        if not args.question.strip():
            raise InputError("The question is empty.", "질문이 비어 있습니다.")
        questions, many = [args.question.strip()], False
    too_long = [q for q in questions if len(q) > MAX_QUESTION_CHARS]
    if too_long:
        raise InputError(
            f"A question is {len(too_long[0]):,} characters; the limit is {MAX_QUESTION_CHARS:,}.",
            f"질문이 {len(too_long[0]):,}자로, 최대 {MAX_QUESTION_CHARS:,}자를 넘습니다.",
        )
    settings = get_settings()
    print(f"Mode: {settings.mode_label()}", file=sys.stderr)
    service = build_service(settings)
    out = []
    for q in questions:
        lang = args.lang or detect_language(q)
        answer = ask_one(service, q, lang)
        out.append(
            {
                "question": q,
                "answer": answer.text,
                "kpis": list(answer.kpis),
                "sources": [{"source": s.source, "heading": s.heading} for s in answer.sources],
            }
        )
    if args.json:
        print(json.dumps(out if many else out[0], ensure_ascii=False, indent=2))
        return 0
    from assistant.cli.terminal import show

    for item in out:
        if many:
            print(f"Q: {item['question']}\n")
        show(f"{item['answer']}\n")
    return 0
