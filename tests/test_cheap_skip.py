"""gr.skip() passes through without gradio rebuilding the component, and the browser receives
exactly what gradio itself would have sent."""

from __future__ import annotations

import asyncio
from typing import Any

import gradio as gr

from assistant.web import cheap_skip


def _demo() -> tuple[gr.Blocks, Any]:
    with gr.Blocks() as demo:
        a, b, c = gr.Markdown("a"), gr.Textbox("b"), gr.HTML("c")
        state = gr.State({"n": 1})
        button = gr.Button("go")
        button.click(lambda: None, inputs=[], outputs=[a, b, c, state])
    return demo, next(iter(demo.fns.values()))


def _post(demo: gr.Blocks, fn: Any, values: list[Any]) -> list[Any]:
    return asyncio.run(demo.postprocess_data(fn, values, None))


def test_bare_skips_are_sent_as_gradio_sends_them_and_the_rest_is_post_processed() -> None:
    from gradio.blocks import Blocks

    before = Blocks.postprocess_data
    demo, fn = _demo()
    values = [gr.skip(), "**two**", gr.skip(), {"n": 2}]
    expected = _post(demo, fn, values)  # gradio's own behaviour
    cheap_skip.install()
    cheap_skip.install()  # idempotent: wrapped once
    try:
        assert Blocks.postprocess_data is not before
        assert getattr(Blocks.postprocess_data, "_passes_skips", False)
        demo2, fn2 = _demo()
        got = _post(demo2, fn2, values)
        # as gradio sends them (gradio's HTML skip also carries a stray props copy of the marker,
        # which the browser ignores: a bare update is the no-op both mean)
        assert [got[0], got[1], got[3]] == [expected[0], expected[1], expected[3]]
        assert expected[2]["__type__"] == "update" and set(expected[2]) <= {"__type__", "props"}
        assert got[0] == {"__type__": "update"} and got[2] == {"__type__": "update"}
        assert got[1] == "**two**"
        # one output left after the skips, every output skipped, and no skip at all
        assert _post(demo2, fn2, [gr.skip(), gr.skip(), "<b>x</b>", gr.skip()])[2] == "<b>x</b>"
        assert _post(demo2, fn2, [gr.skip()] * 4)[:3] == [{"__type__": "update"}] * 3
        assert _post(demo2, fn2, ["one", "two", "three", {"n": 3}])[:3] == ["one", "two", "three"]
    finally:
        Blocks.postprocess_data = before  # type: ignore[method-assign]
