"""Schemathesis hooks for `scripts/fuzz-api.sh`.

Two parameters cannot be fully described by a schema, so schema-valid values for them are
replaced before each call (invalid ones are left alone, so negative cases still reach the server):

- `cursor` is opaque: any base64url text matches its pattern, but only cursors the server made
  decode. Garbage cursors are covered by the integration tests (422 `cursor`).
- `Idempotency-Key` must be unique per intended request; the generator reuses values across
  different bodies, which the server rightly answers with 422 (IETF idempotency-key draft).
"""

import re
import uuid

import schemathesis

CURSOR = re.compile(r"^[A-Za-z0-9_-]+$")
IDEMPOTENCY_KEY = re.compile(r"^[!-~]{1,255}$")


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    query = case.query or {}
    cursor = query.get("cursor")
    if isinstance(cursor, str) and CURSOR.match(cursor):
        del query["cursor"]
    for name in list(case.headers or {}):
        value = case.headers[name]
        if name.lower() == "idempotency-key" and isinstance(value, str) and IDEMPOTENCY_KEY.match(value):
            case.headers[name] = uuid.uuid4().hex
