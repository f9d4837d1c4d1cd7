"""Every table's own [[sample]] pairs, quoted from the standard it follows, in each direction it names."""

from __future__ import annotations

import pytest

import translit
from translit.tables import shipped_schemes


def _samples() -> list:
    params = []
    for scheme in shipped_schemes():
        for i, sample in enumerate(scheme.samples):
            for reverse in (False, True):
                if sample.direction == ("forward" if reverse else "reverse"):
                    continue
                source, target = (sample.target, sample.source) if reverse else (sample.source, sample.target)
                params.append(pytest.param(
                    scheme.id, source, target, reverse, sample.options,
                    id=f"{scheme.id}[{i}]{'-reverse' if reverse else ''}",
                ))
    return params


@pytest.mark.parametrize(("scheme_id", "source", "target", "reverse", "options"), _samples())
def test_sample(scheme_id: str, source: str, target: str, reverse: bool, options: dict) -> None:
    assert translit.convert(source, scheme_id, reverse=reverse, **options) == translit.prepare(target)


def test_every_scheme_has_samples() -> None:
    for scheme in shipped_schemes():
        assert len(scheme.samples) >= 5, scheme.id
