"""Plan Assistant: a bilingual chat assistant that drafts sales & marketing plans."""

__version__ = "0.1.0"
