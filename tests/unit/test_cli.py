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


def test_start_local_server_early_no_api_url_starts_the_shared_server_in_a_thread(monkeypatch):
    import prefect.server.api.server as server_mod
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from sahel_data.flows import start_local_server_early

    started = []

    class FakeServer:
        def start(self):
            started.append(True)

    monkeypatch.setattr(server_mod, "SubprocessASGIServer", FakeServer)
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        thread = start_local_server_early()
    assert thread is not None
    thread.join(5)
    assert started == [True]
    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        assert start_local_server_early() is None  # a real server is configured: nothing to start
