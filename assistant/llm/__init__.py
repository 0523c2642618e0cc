"""LLM adapter: the OpenAI-compatible client, prompt loader, compact context, tasks and how they change the plan."""
