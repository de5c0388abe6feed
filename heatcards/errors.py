"""Exceptions the core raises. Each message is meant to be shown to a person as is."""


class HeatcardsError(Exception):
    """Base class: anything a user can act on."""


class CollectionInUseError(HeatcardsError):
    def __init__(self, path: str, pid: int | None):
        who = f"process {pid}" if pid else "another process"
        super().__init__(f"collection {path} is in use by {who}; close it there first")
        self.pid = pid


class SchemaTooNewError(HeatcardsError):
    pass


class NotFoundError(HeatcardsError):
    pass


class InvalidInputError(HeatcardsError):
    pass


class SearchSyntaxError(HeatcardsError):
    pass


class NothingToUndoError(HeatcardsError):
    pass


class ConflictError(HeatcardsError):
    """A write would break a uniqueness or reference rule (e.g. two decks with one name)."""


class ImportFileError(HeatcardsError):
    """A file to import cannot be read: the message names the file and the place in it."""


class DeckFileError(ImportFileError):
    """A heatcards deck file is not valid: the message names the note, card or review and what is wrong."""


class CancelledError(HeatcardsError):
    """The person cancelled a long operation; nothing was changed."""


class DocumentError(HeatcardsError):
    """A document cannot be read into the collection: the message names the file and what is wrong with it."""


class GenerationError(HeatcardsError):
    """Card suggestions could not be made (e.g. the configured language model endpoint does not answer)."""
