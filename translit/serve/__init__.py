"""``translit serve``: translit as an HTTP JSON API and a one-page web tool (docs/serve.md).

Importing this package imports Starlette: ``translit`` itself and the other commands never do (the
``serve`` command imports it on first use), so the ``serve`` extra stays optional
(``pip install 'translit-toolkit[serve]'``).

``app.py`` holds the application (:func:`create_app`) and :func:`run`; ``static/`` the page, its
script and its stylesheet, shipped in the wheel as package data.
"""

from __future__ import annotations

from .app import LIMITS, create_app, run

__all__ = ["LIMITS", "create_app", "run"]
