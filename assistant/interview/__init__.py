"""Interview: the engine and its commands, applying answers to the plan, drafts, summaries, the Markdown view."""
