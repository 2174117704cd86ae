"""The extractor version: what makes every file be read again, and what does not."""

import shutil
import subprocess
import sys
from pathlib import Path

from ingest.land.extractor_version import ROW_DECIDING_FOLDERS, folders_version


def test_the_extractor_version_covers_every_module_extraction_imports():
    # A module the extractor uses but the version does not hash could change the facts
    # without any file being read again. (`ingest/__init__.py` is a docstring.)
    code = (
        "import sys, ingest.tables.frames\n"
        "print(' '.join(m.__file__ for n, m in sys.modules.items()"
        " if n.split('.')[0] in ('ingest', 'reference', 'common') and n != 'ingest'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    files = [Path(f) for f in done.stdout.split()]
    assert any(f.name == "facts.py" for f in files)
    for file in files:
        assert any(file.is_relative_to(folder) for folder in ROW_DECIDING_FOLDERS), file


def _copy_of_extractor(tmp_path: Path) -> list[Path]:
    copies = []
    for folder in ROW_DECIDING_FOLDERS:
        copy = tmp_path / folder.name
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("__pycache__"))
        copies.append(copy)
    return copies


def test_moving_a_file_within_the_extractor_keeps_its_version(tmp_path):
    folders = _copy_of_extractor(tmp_path)
    before = folders_version(folders)
    assert before == folders_version(ROW_DECIDING_FOLDERS)
    extract = tmp_path / "extract"
    (extract / "rules").mkdir()
    (extract / "numbers.py").rename(extract / "rules" / "numbers.py")
    (tmp_path / "reference" / "companies.csv").rename(extract / "companies.csv")
    assert folders_version(folders) == before


def test_a_change_to_any_file_that_decides_a_row_changes_the_version(tmp_path):
    folders = _copy_of_extractor(tmp_path)
    before = folders_version(folders)
    for changed in ("extract/lang/ru/cues.toml", "reference/fact_types.csv", "read/decode.py"):
        path = tmp_path / changed
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert folders_version(folders) != before, changed
        path.write_bytes(original)
    assert folders_version(folders) == before
