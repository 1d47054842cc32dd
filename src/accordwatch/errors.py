"""One exception root with coded, searchable messages ("[AW101] ...")."""
from __future__ import annotations


class AccordwatchError(Exception):
    """Root of every error the library raises on purpose."""

    code = "AW000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputError(AccordwatchError):
    """An input (file, folder, line, page) that cannot be read or understood."""

    code = "AW101"


class UnsupportedInput(InputError):
    """A file type the ingesters do not know."""

    code = "AW102"


class EmptyInput(InputError):
    """A file or record with no article text in it."""

    code = "AW103"


class UnsupportedScheme(UnsupportedInput):
    """A source written as a URL whose scheme is not http or https (ftp://, file://, s3://)."""

    code = "AW105"


class DataError(AccordwatchError):
    """A bundled data file (gazetteer, lexicon) that is missing or malformed."""

    code = "AW201"
