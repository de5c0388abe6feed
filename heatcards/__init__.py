"""heatcards: flashcards with FSRS scheduling, built from documents."""

__version__ = "0.1.0"
