"""Ralph's LRS app, with its file-system backend appending new statements.

Ralph 5.1's file-system backend writes each POST with the "create" operation, so
only the first POST of new statements succeeds and every later one fails with
"already exists and overwrite is not allowed". Appending is what an LRS does;
Ralph still refuses a statement id it already holds before it writes. Serve
this module (`uvicorn ralph_append:app`) in place of `ralph.api:app`.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402  (the backend is patched before the app builds it)

__all__ = ["app"]
