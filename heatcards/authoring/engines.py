"""Choosing a suggestion engine by name, for the command line and the desktop app.

Each engine's module is imported only when it is asked for: the spaCy engine needs an optional
extra, and the language model engine is needed only by those who run a language model server.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import GenerationError
from .model import SuggestionEngine

if TYPE_CHECKING:
    from .model import LanguageModelSettings

ENGINE_NAMES = ("rules", "spacy", "llm")
"""The engines, the default (offline, fast, no download) first."""


def engine_named(
    name: str,
    *,
    llm_url: str | None = None,
    llm_model: str | None = None,
    settings: LanguageModelSettings | None = None,
) -> SuggestionEngine:
    """The engine called `name` (one of ENGINE_NAMES). The language model engine takes its server's
    URL and model name from `llm_url` / `llm_model`, else from the saved `settings`."""
    if name == "rules":
        from .rules import RulesEngine

        return RulesEngine()
    if name == "spacy":
        from .spacy_engine import SpacyEngine  # it loads spaCy itself, and says how to install it when missing

        return SpacyEngine()
    if name == "llm":
        url = llm_url or (settings.url if settings else None)
        model = llm_model or (settings.model if settings else None)
        if not url or not model:
            missing = " and ".join(what for what, value in (("URL", url), ("model name", model)) if not value)
            raise GenerationError(
                f"the language model engine needs its server's {missing}: set them in Preferences, or pass "
                "--llm-url (e.g. http://localhost:11434 for Ollama) and --llm-model (e.g. llama3.1:8b)"
            )
        from .llm import LlmEngine

        return LlmEngine(url, model)
    raise GenerationError(f"there is no suggestion engine called {name!r}; the engines are: {', '.join(ENGINE_NAMES)}")
