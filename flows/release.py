"""Entry point named by prefect.yaml: the packaged flow, nothing else.

The flow lives in the installed package (`sahel_data.flows`) so the CLI and remote Dask
workers import the same code.
"""

from sahel_data.flows import publish_release

__all__ = ["publish_release"]

if __name__ == "__main__":
    publish_release()
