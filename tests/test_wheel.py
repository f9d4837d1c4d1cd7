"""The built distribution works on its own, away from the source tree.

Builds the sdist and, from it, the wheel (``python -m build --no-isolation``: no network,
hatchling comes from the ``test`` extra), checks that the tables ship as ``translit/tables/``,
then installs the wheel into a fresh venv and runs its console script from a scratch directory.

The fresh venv must not rebuild PyICU (minutes), so the runtime dependencies are borrowed from
the current environment: a scratch directory gets symlinks to exactly the installed files of the
wheel's ``Requires-Dist`` closure (icu, regex, click, rapidfuzz and their dist-info), and a ``.pth``
file in the fresh venv puts that directory on ``sys.path``. ``pip install --no-index`` of the wheel
then finds its requirements already satisfied, so the metadata is checked too. The source tree and
the editable install of translit are never on that path, which the test asserts.
"""

from __future__ import annotations

import email.parser
import importlib.metadata as md
import importlib.util
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SCHEME_FILE = "schemes/be-lacinka.toml"


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment for the fresh venv: nothing that adds paths or pip settings from outside."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_", "VIRTUAL_ENV", "CONDA"))
    }
    env.update(
        PYTHONNOUSERSITE="1",
        PYTHONDONTWRITEBYTECODE="1",
        PIP_CONFIG_FILE=os.devnull,
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_INPUT="1",
        LC_ALL="C.UTF-8",
        LANG="C.UTF-8",
    )
    env.update(extra)
    return env


def _run(cmd: list[str | Path], *, timeout: float, **kwargs) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, timeout=timeout, **kwargs)
    if proc.returncode != 0:
        out = proc.stdout.decode(errors="replace") if isinstance(proc.stdout, bytes) else proc.stdout
        err = proc.stderr.decode(errors="replace") if isinstance(proc.stderr, bytes) else proc.stderr
        pytest.fail(f"{cmd} exited {proc.returncode}\n--- stdout\n{out}\n--- stderr\n{err}")
    return proc


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    for module in ("build", "hatchling"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (pip install -e '.[test]')")
    outdir = tmp_path_factory.mktemp("dist")
    # sdist first, then the wheel built from the unpacked sdist: checks both at once.
    _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", outdir, ROOT],
        timeout=600,
        cwd=outdir,
    )
    wheels = sorted(outdir.glob("translit_toolkit-*.whl"))
    sdists = sorted(outdir.glob("translit_toolkit-*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in outdir.iterdir())
    return wheels[0], sdists[0]


def _repo_tables() -> set[str]:
    base = ROOT / "tables"
    return {
        p.relative_to(base).as_posix()
        for p in base.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_wheel_ships_package_and_tables(dists: tuple[Path, Path]) -> None:
    wheel, _ = dists
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = zf.read(entry_points).decode()
    assert f"translit/tables/{SCHEME_FILE}" in names
    assert "translit/__init__.py" in names
    assert "translit/py.typed" in names
    shipped = {n.removeprefix("translit/tables/") for n in names if n.startswith("translit/tables/")}
    assert shipped == _repo_tables()
    assert not any(n.startswith(("tables/", "tests/", "benchmarks/", "docs/")) for n in names)
    assert "translit = translit.cli:main" in scripts


def test_sdist_ships_tables(dists: tuple[Path, Path]) -> None:
    _, sdist = dists
    with tarfile.open(sdist) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    assert f"tables/{SCHEME_FILE}" in names
    assert "pyproject.toml" in names
    assert "translit/__init__.py" in names
    assert not any(n.startswith(".venv/") for n in names)


def _requirements_closure(wheel: Path) -> list[md.Distribution]:
    """Installed distributions the wheel needs at run time (extras excluded), transitively."""
    from packaging.requirements import Requirement  # ships with `build`
    from packaging.utils import canonicalize_name

    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.parser.Parser().parsestr(zf.read(meta_name).decode())
    todo = list(meta.get_all("Requires-Dist") or [])
    seen: dict[str, md.Distribution] = {}
    while todo:
        req = Requirement(todo.pop())
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        key = canonicalize_name(req.name)
        if key in seen:
            continue
        try:
            dist = md.distribution(req.name)
        except md.PackageNotFoundError:
            pytest.fail(f"runtime dependency {req} is not installed in the test environment")
        seen[key] = dist
        todo.extend(dist.requires or [])
    return list(seen.values())


def _link_dependencies(wheel: Path, target: Path) -> None:
    """Symlink the top-level files of each runtime dependency into ``target``."""
    target.mkdir()
    for dist in _requirements_closure(wheel):
        files = dist.files
        assert files, f"{dist.metadata['Name']} has no RECORD; cannot borrow it"
        tops = {f.parts[0] for f in files if f.parts and f.parts[0] not in ("..", "__pycache__")}
        for top in sorted(tops):
            assert top != "translit" and not top.endswith(".pth"), (dist.metadata["Name"], top)
            src = Path(dist.locate_file(top))
            if src.exists() and not (target / top).exists():
                (target / top).symlink_to(src)


@pytest.fixture(scope="module")
def fresh_venv(dists: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheel, _ = dists
    base = tmp_path_factory.mktemp("fresh")
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", venv], timeout=300, env=_clean_env())
    python = venv / "bin" / "python"
    purelib = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        timeout=60,
        env=_clean_env(),
        text=True,
    ).stdout.strip()
    deps = base / "deps"
    _link_dependencies(wheel, deps)
    (Path(purelib) / "_translit_test_deps.pth").write_text(f"{deps}\n")
    _run(
        [python, "-m", "pip", "install", "--no-index", "--no-cache-dir", wheel],
        timeout=300,
        env=_clean_env(),
        cwd=base,
    )
    return venv


def test_installed_wheel_is_used_not_source_tree(fresh_venv: Path, tmp_path: Path) -> None:
    python = fresh_venv / "bin" / "python"
    code = (
        "import sysconfig, importlib.resources as r, translit\n"
        "print(translit.__file__)\n"
        "print(sysconfig.get_paths()['purelib'])\n"
        f"print((r.files('translit') / 'tables' / {SCHEME_FILE!r}).is_file())\n"
    )
    out = _run([python, "-c", code], timeout=120, env=_clean_env(), cwd=tmp_path, text=True).stdout
    module_file, purelib, has_table = out.splitlines()
    assert Path(module_file).resolve().is_relative_to(Path(purelib).resolve()), (module_file, purelib)
    assert not Path(module_file).resolve().is_relative_to(ROOT)
    assert has_table == "True"


def test_console_script_converts_stdin(fresh_venv: Path, tmp_path: Path) -> None:
    proc = _run(
        [fresh_venv / "bin" / "translit", "convert", "-s", "be-lacinka"],
        input="Лукашэнка\n".encode(),
        timeout=120,
        env=_clean_env(),
        cwd=tmp_path,
    )
    assert proc.stdout.decode("utf-8") == "Łukašenka\n"


def test_console_script_demo(fresh_venv: Path, tmp_path: Path) -> None:
    proc = _run(
        [fresh_venv / "bin" / "translit", "demo"],
        stdin=subprocess.DEVNULL,
        timeout=120,
        env=_clean_env(),
        cwd=tmp_path,
    )
    assert proc.returncode == 0


def test_twine_check_passes(dists: tuple[Path, Path]) -> None:
    """The sdist and the wheel pass ``twine check`` (metadata and README render for PyPI)."""
    if importlib.util.find_spec("twine") is None:
        pytest.skip("twine is not installed (pip install -e '.[test]')")
    proc = _run([sys.executable, "-m", "twine", "check", "--strict", *dists], timeout=120)
    assert proc.stdout.decode().count("PASSED") == 2, proc.stdout.decode()
