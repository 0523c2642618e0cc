"""Retrieval adapter: the knowledge loader, BM25 keywords, embedders, the chromadb index and grounded answers."""
