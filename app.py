"""Entry point for `make run`: the Plan Assistant web app on http://127.0.0.1:7860."""

from __future__ import annotations

import argparse
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description="Plan Assistant web app")
    parser.add_argument(
        "--host", help="address to bind (default 127.0.0.1; others need PLAN_AUTH_USER/PASSWORD)"
    )
    parser.add_argument("--port", type=int, help="port (default 7860)")
    args = parser.parse_args()
    import os

    from assistant.core.errors import AssistantError
    from assistant.core.settings import get_settings
    from assistant.llm.tokens import seed_tiktoken_cache

    os.umask(0o077)  # the database, keys and exports are the owner's alone (0600)
    try:
        settings = get_settings()
        from assistant.store import check_data_dir

        check_data_dir(settings.data_dir)
        seed_tiktoken_cache()
        from assistant.web.server import launch

        launch(settings, args.host, args.port)  # refuses an unsafe host before any banner
    except AssistantError as exc:
        lang = "ko" if os.environ.get("PLAN_LANGUAGE", "").lower() == "ko" else "en"
        print(f"{'오류' if lang == 'ko' else 'error'}: {exc.message(lang)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
