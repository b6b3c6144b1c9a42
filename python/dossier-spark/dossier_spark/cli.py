"""`dossier-spark` / `python -m dossier_spark`: one split run from the command line (or spark-submit)."""

import argparse
import sys

from .runner import run, write_tables, DossierError


def main(argv=None):
    p = argparse.ArgumentParser(prog="dossier-spark",
                                description="Run a dossier map script over JSON-lines articles on Spark; "
                                            "write one folder per table.")
    p.add_argument("--script", required=True, help="the map script (returns {tables = …, map = …})")
    p.add_argument("--input", required=True, nargs="+", help="JSON-lines articles (paths or globs Spark reads)")
    p.add_argument("--bundle", required=True,
                   help="dossier-linux-x86_64.tar.gz from scripts/package, the alias of spark-submit "
                        "--archives X#alias, or an unpacked bundle folder present on every node")
    p.add_argument("--out", required=True, help="output folder: OUT/TABLE per table")
    p.add_argument("--format", default="parquet", choices=["parquet", "json", "csv"])
    p.add_argument("--partitions", type=int, help="parts to map (default: Spark's default parallelism)")
    p.add_argument("--two-phase", action="store_true", help="whole-corpus statistics first (exact keywords; entities from the whole corpus's evidence)")
    p.add_argument("--phrase", action="append", default=[], metavar="PHRASE",
                   help="a phrase the script searches for, counted by the first pass so that it ranks as on "
                        "the whole corpus (repeat for several; needs --two-phase)")
    p.add_argument("--evidence-passes", type=int, default=2,
                   help="with --two-phase: 2 (default) maps the first pass again with its own sum, so that "
                        "entities equal the single machine's; 1 when the script reads no entities")
    p.add_argument("--master", help="Spark master when not started by spark-submit (e.g. local[2])")
    a = p.parse_args(argv)
    if a.evidence_passes < 1:
        p.error("--evidence-passes must be 1 or more")
    if a.phrase and not a.two_phase:
        p.error("--phrase needs --two-phase (the first pass counts the phrases)")
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("dossier-spark")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    try:
        tables = run(spark, a.input, a.script, bundle=a.bundle, partitions=a.partitions, two_phase=a.two_phase,
                     phrases=a.phrase, evidence_passes=a.evidence_passes)
        write_tables(tables, a.out, a.format)
        for name, df in sorted(tables.items()):
            print("%s\t%d rows\t%s/%s" % (name, df.count(), a.out, name))
    except DossierError as e:
        print("dossier-spark: %s" % e, file=sys.stderr)
        return 1
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
