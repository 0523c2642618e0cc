"""Serving the web app: styles, binding rules and gradio launch options."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import Request  # at module level: the download route's annotation must resolve

from assistant.core.errors import AssistantError
from assistant.core.settings import Settings
from assistant.web.warm import Activity, ActivityMeter, warm_up_when_quiet

CSS = """
.gradio-container {word-break:keep-all;overflow-wrap:break-word}
.gradio-container, .gradio-container button, .gradio-container input, .gradio-container textarea,
.gradio-container .prose, .gradio-container .prose * {font-family:"Noto Sans CJK KR","Noto Sans KR","NanumGothic","Noto Sans","DejaVu Sans","Liberation Sans",sans-serif !important}
.goal-card td.letter, .goal-card table.smart td:nth-child(2) {white-space:nowrap}
.mode-badge {background:#e8f1ff;color:#1a4f9c;border-radius:12px;padding:2px 10px;font-weight:600}
.mode-hint {color:#666;font-size:0.9em}
#current-question {border-left:4px solid #f59e0b;background:#fffbeb;padding:8px 12px;border-radius:6px}
.goal-card {border:1px solid #ddd;border-radius:8px;padding:8px 12px;margin-bottom:10px}
.goal-card table.smart td {padding:2px 6px;vertical-align:top}
.goal-card tr.pass td.letter {color:#15803d;font-weight:700}
.goal-card tr.fail td.letter {color:#b91c1c;font-weight:700}
.goal-card tr.unknown td.letter {color:#92400e;font-weight:700}
.goal-card .suggestion {background:#f0fdf4;padding:4px 8px;border-radius:4px}
#measurement, #plan-view {max-width:100%}
#facts, #facts * {font-family:var(--font), 'Noto Sans CJK KR', sans-serif !important;word-break:keep-all}
#measurement table, #plan-view table {table-layout:auto;width:100%}
#measurement table.measure {border-collapse:collapse;font-family:inherit;font-size:0.95em}
#measurement th {text-align:left;background:#f5f5f5}
#measurement td, #measurement th {border:1px solid #e5e5e5;padding:4px 6px}
#measurement td, #measurement th, #plan-view td, #plan-view th {white-space:normal;word-break:keep-all;overflow-wrap:break-word;hyphens:none;vertical-align:top}
#plan-view table {display:block;overflow-x:auto;border:0 !important}
"""


AUTH_MESSAGE = (
    "Plan Assistant · 계획 도우미 — after a wrong password, sign-in pauses for a moment; after 20 in "
    "10 minutes the name is locked for a while. / 비밀번호가 틀리면 잠시 기다려야 하며, 10분에 20번 "
    "틀리면 한동안 잠깁니다."
)
MAX_REQUEST_BYTES = 1_000_000  # a turn is at most 20,000 characters; state and events are small


def _gradio_user(app: Any, cookies: dict[str, str]) -> str | None:
    """The logged-in user of the mounted gradio app (its login cookie), if any."""
    from starlette.routing import Mount

    gradio_app: Any = next((r.app for r in app.routes if isinstance(r, Mount)), None)
    if gradio_app is None or not getattr(gradio_app, "auth", None):
        return None
    token = cookies.get(f"access-token-{gradio_app.cookie_id}") or cookies.get(
        f"access-token-unsecure-{gradio_app.cookie_id}"
    )
    user = gradio_app.tokens.get(token)
    return str(user) if user else None


def build_server(settings: Settings, host: str) -> Any:
    """FastAPI with the owner cookie, the owner-checked download route, and the gradio app."""
    import gradio as gr
    from fastapi import FastAPI, HTTPException
    from fastapi.responses import FileResponse

    from assistant.export import FORMATS
    from assistant.web.app import build_app
    from assistant.web.login import LoginLimiter, LoginThrottle, password_check
    from assistant.web.owner import BodyLimit, OwnerCookie, owner_from, secret_key
    from assistant.web.streams import EventStreamGuard

    key = secret_key(settings)
    auth = None
    if settings.auth_user and settings.auth_password:
        auth = password_check(settings.auth_user, settings.auth_password)
    elif host not in ("127.0.0.1", "localhost", "::1"):
        raise AssistantError(
            f"Serving on {host} exposes the app to your network: set PLAN_AUTH_USER and PLAN_AUTH_PASSWORD first (or keep the default 127.0.0.1).",
            f"{host}에서 실행하면 네트워크에 앱이 열립니다. 먼저 PLAN_AUTH_USER와 PLAN_AUTH_PASSWORD를 설정하세요(또는 기본값 127.0.0.1을 쓰세요).",
        )
    demo, service = build_app(settings, secret=key)
    warm_up = getattr(service.qa, "warm_up", None)
    if warm_up is not None:  # the first question should not wait for the model or the index
        warm_up()
    demo.queue(default_concurrency_limit=settings.concurrency)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/download/{session_id}/{filename}")
    def download(session_id: str, filename: str, request: Request) -> FileResponse:
        """An export, rendered now, for the plan's owner only (404 for anyone else)."""
        fmt = filename.rsplit(".", 1)[-1]
        if auth is not None and _gradio_user(app, dict(request.cookies)) is None:
            raise HTTPException(status_code=401)
        owner = owner_from(dict(request.cookies), _gradio_user(app, dict(request.cookies)), key)
        if owner is None or fmt not in FORMATS or not service.owns(session_id, owner):
            raise HTTPException(status_code=404)
        path = service.export(session_id, fmt, owner=owner)
        return FileResponse(path, filename=path.name, headers={"Cache-Control": "no-store"})

    from assistant.core.documents import MAX_DOCUMENT_BYTES

    # sales histories are held to PLAN_MAX_UPLOAD_MB by their handler; documents go up to 20 MB
    upload_limit = max(int(settings.max_upload_mb * 1_000_000), MAX_DOCUMENT_BYTES)
    app = gr.mount_gradio_app(
        app, demo, path="/", auth=auth, auth_message=AUTH_MESSAGE if auth else None, css=CSS, show_error=False, max_file_size=upload_limit,
        footer_links=[], blocked_paths=[str(settings.data_dir.resolve())],
    )  # fmt: skip
    # gradio checks that files named in requests were uploaded (and never serves arbitrary server
    # paths) only once the app counts as launched; mounting alone does not set it
    demo.has_launched = True
    app.add_middleware(BodyLimit, limit=MAX_REQUEST_BYTES, upload_limit=upload_limit + 100_000)
    app.add_middleware(EventStreamGuard, key=key)  # inside OwnerCookie: it sees the cookie
    app.add_middleware(OwnerCookie, key=key)
    if auth is not None:  # outermost: a throttled sign-in is refused before anything else runs
        app.add_middleware(LoginThrottle, limiter=LoginLimiter(service.store))
    app.state.activity = Activity()  # the warm-up after start waits for a quiet moment
    app.add_middleware(ActivityMeter, activity=app.state.activity)
    return app


def launch(settings: Settings, host: str | None = None, port: int | None = None) -> None:
    """Start the server; a non-local host requires a username and password."""
    import uvicorn

    host = host or settings.host
    port = port or settings.port
    app = build_server(settings, host)
    print(f"Plan Assistant - {settings.mode_label()} - http://{host}:{port}", flush=True)
    # X-Forwarded-For is not trusted (it would let anyone reset the per-address limits)
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", proxy_headers=False)
    )
    activity = getattr(app.state, "activity", None)
    threading.Thread(
        target=warm_up_when_quiet, args=(server, activity), daemon=True, name="warm"
    ).start()
    server.run()
