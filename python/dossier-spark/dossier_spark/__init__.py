"""Run a dossier Lua analysis over a corpus split across a Spark cluster.

`run(spark, docs, script, bundle=…, partitions=N)` maps every partition of the articles with
`dossier map` (the packaged binary, shipped to the executors as an archive), shuffles the rows by
their table's key columns and reduces each shuffle partition with `dossier reduce`, so a split run
gives exactly what `dossier reduce` gives on one machine. Returns one DataFrame per table.
"""

from .runner import run, write_tables, MapSpec, DossierError

__all__ = ["run", "write_tables", "MapSpec", "DossierError"]
__version__ = "0.1.0"
