"""Domain errors. The library raises these; the CLI and the bot turn them into friendly text."""


class VerbatimError(Exception):
    """Base class of every error Verbatim reports to a person."""


class EmptyQuestionError(VerbatimError, ValueError):
    """The question was empty or only whitespace."""


class ArticleError(VerbatimError):
    """An article file could not be read or parsed."""


class IndexLoadError(VerbatimError):
    """An index directory is missing, corrupt, or was built differently than asked."""


class IndexBuildError(VerbatimError):
    """Nothing could be indexed, or another build holds the lock."""
