"""Web front end: the gradio app, its views and plotly charts, and the server launcher."""
