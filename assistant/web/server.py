"""Serving the web app: styles, binding rules and gradio launch options."""

from __future__ import annotations

from assistant.core.errors import AssistantError
from assistant.core.settings import Settings

CSS = """
.mode-badge {background:#e8f1ff;color:#1a4f9c;border-radius:12px;padding:2px 10px;font-weight:600}
.mode-hint {color:#666;font-size:0.9em}
#current-question {border-left:4px solid #f59e0b;background:#fffbeb;padding:8px 12px;border-radius:6px}
.goal-card {border:1px solid #ddd;border-radius:8px;padding:8px 12px;margin-bottom:10px}
.goal-card table.smart td {padding:2px 6px;vertical-align:top}
.goal-card tr.pass td.letter {color:#15803d;font-weight:700}
.goal-card tr.fail td.letter {color:#b91c1c;font-weight:700}
.goal-card tr.unknown td.letter {color:#92400e;font-weight:700}
.goal-card .suggestion {background:#f0fdf4;padding:4px 8px;border-radius:4px}
"""


def launch(settings: Settings, host: str | None = None, port: int | None = None) -> None:
    """Start the server; a non-local host requires a username and password."""
    host = host or settings.host
    auth = None
    if settings.auth_user and settings.auth_password:
        auth = (settings.auth_user, settings.auth_password)
    elif host not in ("127.0.0.1", "localhost", "::1"):
        raise AssistantError(
            f"Serving on {host} exposes the app to your network: set PLAN_AUTH_USER and PLAN_AUTH_PASSWORD first (or keep the default 127.0.0.1).",
            f"{host}에서 실행하면 네트워크에 앱이 열립니다. 먼저 PLAN_AUTH_USER와 PLAN_AUTH_PASSWORD를 설정하세요(또는 기본값 127.0.0.1을 쓰세요).",
        )
    from assistant.web.app import build_app

    demo = build_app(settings)
    demo.queue(default_concurrency_limit=4)
    demo.launch(
        server_name=host, server_port=port or settings.port, auth=auth, css=CSS, show_error=False,
        max_file_size=int(settings.max_upload_mb * 1_000_000), allowed_paths=[str(settings.data_dir / "exports")],
        footer_links=[], quiet=False,
    )  # fmt: skip
