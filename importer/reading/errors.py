"""The one error the reading stage raises: a page file that cannot be read as a newspaper page."""


class PageError(Exception):
    """A page file the importer refuses, with the file's name and a reason an editor can act on."""

    def __init__(self, filename: str, reason: str) -> None:
        super().__init__(f"{filename}: {reason}")
        self.filename = filename
        self.reason = reason
