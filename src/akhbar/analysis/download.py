"""Fetching the official UDPipe Arabic model (PADT) for users who have a network.

The file goes to a user cache (AKHBAR_CACHE_DIR, else $XDG_CACHE_HOME/akhbar/models, else
~/.cache/akhbar/models); use it with `--model udpipe:PATH`. Nothing is ever downloaded implicitly.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

# The UDPipe 1 model of UD 2.5 (the one spacy-udpipe lists for Arabic); licence CC BY-NC-SA 4.0.
DEFAULT_URL = ("https://lindat.mff.cuni.cz/repository/xmlui/bitstream/handle/11234/1-3131/"
               "arabic-padt-ud-2.5-191206.udpipe")
TIMEOUT_SECONDS = 30.0
CHUNK = 1 << 16


class DownloadError(Exception):
    """A model download that failed; str() is a one-line message for the user."""


def cache_dir() -> Path:
    """Where downloaded models are kept."""
    override = os.environ.get("AKHBAR_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "akhbar" / "models"


def _check_udpipe(path: Path) -> None:
    """Raise DownloadError unless `path` loads as a UDPipe model."""
    from ufal.udpipe import Model

    if Model.load(str(path)) is None:
        raise DownloadError(f"the downloaded file is not a UDPipe model: {path.name}")


def download(url: str = DEFAULT_URL, dest_dir: Path | None = None, force: bool = False,
             timeout: float = TIMEOUT_SECONDS) -> Path:
    """Download the model at `url` into `dest_dir` (the cache by default) and return its path."""
    dest_dir = dest_dir or cache_dir()
    name = url.rstrip("/").rsplit("/", 1)[-1] or "model.udpipe"
    target = dest_dir / name
    if target.is_file() and not force:
        return target
    dest_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=dest_dir, prefix=".part-", suffix=".udpipe")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=timeout) as response:
            shutil.copyfileobj(response, out, CHUNK)
        _check_udpipe(tmp)
        tmp.replace(target)
    except urllib.error.HTTPError as err:
        raise DownloadError(f"download failed: {url} answered HTTP {err.code} {err.reason}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
        reason = getattr(err, "reason", err)
        raise DownloadError(f"cannot reach {url} ({reason}); check the network, or fetch the file "
                            "elsewhere and use --model udpipe:PATH") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return target
