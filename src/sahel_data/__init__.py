"""sahel-data: French news about Sahel security politics -> a validated open Data Package."""

__version__ = "0.1.0"
