"""Ralph's LRS app, with its file-system backend appending new statements.

Ralph 5.1's file-system backend writes each POST with the "create" operation, so
only the first POST of new statements succeeds and every later one fails with
"already exists and overwrite is not allowed". Appending is what an LRS does;
Ralph still refuses a statement id it already holds before it writes. Serve
this module (`uvicorn ralph_append:app`) in place of `ralph.api:app`.

Its `activity` filter compares each statement's activity id (text) with the
parsed IRI, which is never equal, so a query by activity finds nothing; the
filter is given the IRI's text instead, as a store compares it.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

_filter_by_activity = FSLRSBackend._add_filter_by_activity


def _filter_by_activity_text(filters, object_id, related):
    _filter_by_activity(filters, str(object_id) if object_id else None, related)


FSLRSBackend._add_filter_by_activity = staticmethod(_filter_by_activity_text)

from ralph.api import app  # noqa: E402  (the backend is patched before the app builds it)

__all__ = ["app"]
