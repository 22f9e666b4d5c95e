"""Endpoint credentials from the environment or ~/.netrc; never printed or logged."""

from __future__ import annotations

import netrc
import os
from urllib.parse import unquote, urlsplit, urlunsplit

from mskg.errors import InputError

USER_ENV = "MSKG_ENDPOINT_USER"
PASSWORD_ENV = "MSKG_ENDPOINT_PASSWORD"


def credentials(url: str) -> tuple[str, str] | None:
    """(user, password) from the URL's user:password@, else MSKG_ENDPOINT_USER/PASSWORD, else ~/.netrc for its host."""
    parts = urlsplit(url)
    if parts.username:
        return unquote(parts.username), unquote(parts.password or "")
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user:
        return user, password or ""
    host = urlsplit(url).hostname or ""
    try:
        entry = netrc.netrc().authenticators(host)
    except FileNotFoundError:
        return None
    except (netrc.NetrcParseError, OSError) as exc:
        raise InputError("cannot read ~/.netrc", path=getattr(exc, "filename", None), line=getattr(exc, "lineno", None)) from None
    if entry is None:
        return None
    login, _account, secret = entry
    return login or "", secret or ""


def redact(url: str) -> str:
    """The URL without any user:password@ part, safe to print."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))
