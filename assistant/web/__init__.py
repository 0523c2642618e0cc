"""Web front end: the gradio app, its views and plotly charts, and the server launcher."""

from assistant.web.gradio_stubs import skip_stub_writer

skip_stub_writer()  # before any module of this package imports gradio
