"""The `sahel-data` entry point: settings it makes before anything heavy is imported."""

from __future__ import annotations


def test_cli_sets_allocator_decay_before_polars_loads_user_value_wins():
    import os
    import subprocess
    import sys

    probe = "import sys, os, sahel_data.cli; print('polars' in sys.modules, os.environ['_RJEM_MALLOC_CONF'])"
    env = {k: v for k, v in os.environ.items() if k != "_RJEM_MALLOC_CONF"}
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "dirty_decay_ms:0,muzzy_decay_ms:0"]
    env["_RJEM_MALLOC_CONF"] = "dirty_decay_ms:5000"
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "dirty_decay_ms:5000"]
