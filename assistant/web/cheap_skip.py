"""gr.skip() without the cost of an update.

gradio (6.x) treats `gr.skip()` - the dict `{"__type__": "update"}` - as a property update: it
builds a new instance of the output's component and copies its config into the session, the most
expensive step of a turn, only to send the browser "nothing changed". The page skips most of its
outputs on most events (labels already in the page's language, panels that did not change), so a
page load paid for some thirty rebuilds. Here a bare skip is passed through as the same
`{"__type__": "update"}` the browser would have received, and only the other outputs go through
gradio's own post-processing."""

from __future__ import annotations

import copy
from typing import Any

_SKIP = {"__type__": "update"}


def _bare_skip(value: Any) -> bool:
    return isinstance(value, dict) and value == _SKIP


def install() -> None:
    """Wrap Blocks.postprocess_data once (idempotent)."""
    from gradio.blocks import Blocks

    original = Blocks.postprocess_data
    if getattr(original, "_passes_skips", False):
        return

    async def postprocess_data(
        self: Blocks, block_fn: Any, predictions: Any, state: Any
    ) -> list[Any]:
        outputs = list(getattr(block_fn, "outputs", []))
        if (
            not isinstance(predictions, list | tuple)
            or len(outputs) < 2
            or len(predictions) != len(outputs)
            or getattr(block_fn, "batch", False)
            or getattr(block_fn, "is_validator_function", False)
        ):
            return await original(self, block_fn, predictions, state)
        predictions = list(predictions)
        keep = [
            i
            for i, value in enumerate(predictions)
            if not _bare_skip(value) or getattr(outputs[i], "stateful", False)
        ]
        if len(keep) == len(predictions):
            return await original(self, block_fn, predictions, state)
        result: list[Any] = [dict(_SKIP) for _ in predictions]
        if keep:
            part = copy.copy(block_fn)
            part.outputs = [outputs[i] for i in keep]
            values = [predictions[i] for i in keep]
            # one output is passed as the value itself, as gradio expects for a single output
            done = await original(self, part, values if len(keep) > 1 else values[0], state)
            for i, value in zip(keep, done, strict=True):
                result[i] = value
        return result

    postprocess_data._passes_skips = True  # type: ignore[attr-defined]
    Blocks.postprocess_data = postprocess_data  # type: ignore[method-assign]
