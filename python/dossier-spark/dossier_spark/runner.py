"""The Spark side of a split dossier run: map partitions with `dossier map`, shuffle rows by key,
reduce with `dossier reduce`. The reducing itself is dossier's own (Lua/mapreduce.lua), so a run on
Spark gives the rows `dossier reduce` gives on one machine, in whatever partitions."""

import json
import os
import subprocess
import tempfile
import zlib

PACKAGE_DIR = "dossier-linux-x86_64"
GLOBALS_SCRIPT = "@globals"  # the first pass shipped in the bundle: share/dossier/scripts/globals.lua


class DossierError(RuntimeError):
    """dossier stopped with an error (its message, naming the script and line, is the text)."""


class Bundle:
    """Where the dossier binary is on an executor.

    `location` is one of: a `.tar.gz` made by scripts/package (shipped with SparkContext.addArchive,
    found with SparkFiles), the alias of an archive given to `spark-submit --archives X.tar.gz#alias`
    (unpacked in each container's working folder), or a folder holding an unpacked bundle at the
    same path on every node (a container image). `DOSSIER_BIN` on an executor overrides all three."""

    def __init__(self, location):
        self.location = location
        self.archive = location.endswith((".tar.gz", ".tgz")) and os.path.isfile(location)

    def ship(self, sc):
        if self.archive:
            sc.addArchive(self.location)

    def root(self):
        """The unpacked bundle's folder (holding bin/ and share/) on this machine."""
        env = os.environ.get("DOSSIER_BIN")
        if env:
            return os.path.dirname(os.path.dirname(env))
        candidates = []
        if self.archive:
            from pyspark import SparkFiles
            candidates.append(SparkFiles.get(os.path.basename(self.location)))
        else:
            candidates.append(os.path.abspath(self.location))
        for base in candidates:
            for root in (os.path.join(base, PACKAGE_DIR), base):
                if os.access(os.path.join(root, "bin", "dossier"), os.X_OK):
                    return root
        raise DossierError("no dossier binary in %s (looked for %s/bin/dossier): ship the bundle made by "
                           "scripts/package with spark-submit --archives, or set DOSSIER_BIN"
                           % (", ".join(candidates), PACKAGE_DIR))

    def binary(self):
        return os.environ.get("DOSSIER_BIN") or os.path.join(self.root(), "bin", "dossier")


class MapSpec:
    """A map script's tables as `dossier reduce --spec` gives them: key columns, reducers, top_k."""

    def __init__(self, tables):
        self.tables = tables

    def key_of(self, row):
        t = self.tables[row["table"]]
        if t.get("near_duplicates"):
            # Every sketch goes to one reducer, which bands them all and verifies the candidates:
            # near-duplicates cross the parts.
            return row["table"]
        keys = t["key"]
        return row["table"] + "\0" + json.dumps([row.get(k) for k in keys], ensure_ascii=False, sort_keys=True)

    def columns(self, table):
        t = self.tables[table]
        if t.get("near_duplicates"):
            return ["a", "b", "similarity", "jaccard", "containment", "contained", "estimate", "group"]
        cols = list(t["key"])
        for reducer in ("sum", "min", "max", "first", "merge"):
            cols += t.get(reducer, [])
        return cols


def _script_path(bundle, script, tmp):
    if script == GLOBALS_SCRIPT:
        return os.path.join(bundle.root(), "share", "dossier", "scripts", "globals.lua")
    path = os.path.join(tmp, "script.lua")
    with open(path, "w", encoding="utf-8") as f:
        f.write(script)
    return path


def _dossier(bundle, args, tmp):
    proc = subprocess.run([bundle.binary()] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp)
    if proc.returncode != 0:
        raise DossierError("dossier %s: %s" % (args[0], proc.stderr.decode("utf-8", "replace").strip()))
    return proc.stdout.decode("utf-8").splitlines()


def map_arguments(part, script_path, globals_path=None, arguments=()):
    """The command line of `dossier map` on one part: the articles, the whole corpus's statistics
    (`--globals`, the reduced first pass), the script and its arguments (the first pass's named
    phrases)."""
    args = ["map", "--quiet", "--input", part]
    if globals_path:
        args += ["--globals", globals_path]
    return args + [script_path] + [str(a) for a in arguments]


def _map_partition(bundle, script, globals_name, arguments=()):
    def run(index, lines):
        lines = list(lines)
        if not lines:
            return
        with tempfile.TemporaryDirectory(prefix="dossier-map-") as tmp:
            part = os.path.join(tmp, "part.jsonl")
            with open(part, "w", encoding="utf-8") as f:
                for line in lines:
                    f.write(line.rstrip("\n") + "\n")
            globals_path = None
            if globals_name:
                from pyspark import SparkFiles
                globals_path = SparkFiles.get(globals_name)
            args = map_arguments(part, _script_path(bundle, script, tmp), globals_path, arguments)
            for i, row in enumerate(_dossier(bundle, args, tmp)):
                yield (index, i, row)
    return run


def _reduce_partition(bundle, script):
    def run(items):
        items = sorted(items, key=lambda kv: kv[1][:2])  # map partition, then row: "first" is corpus order
        if not items:
            return
        with tempfile.TemporaryDirectory(prefix="dossier-reduce-") as tmp:
            rows = os.path.join(tmp, "rows.jsonl")
            with open(rows, "w", encoding="utf-8") as f:
                for _, (_, _, line) in items:
                    f.write(line + "\n")
            for line in _dossier(bundle, ["reduce", "--quiet", _script_path(bundle, script, tmp), rows], tmp):
                yield line
    return run


def _spec(sc, bundle, script):
    def spec(_):
        with tempfile.TemporaryDirectory(prefix="dossier-spec-") as tmp:
            return _dossier(bundle, ["reduce", "--quiet", "--spec", _script_path(bundle, script, tmp)], tmp)
    lines = sc.parallelize([0], 1).flatMap(spec).collect()
    return MapSpec(json.loads(lines[0])["tables"])


def _documents(spark, docs, partitions):
    """The articles as an RDD of JSON lines in `partitions` contiguous slices (corpus order kept)."""
    sc = spark.sparkContext
    if isinstance(docs, (str, list, tuple)):
        paths = docs if isinstance(docs, str) else ",".join(docs)
        lines = sc.textFile(paths).filter(lambda l: l.strip() != "")
    elif hasattr(docs, "toJSON"):
        lines = docs.toJSON()
    else:
        lines = docs  # an RDD of JSON strings
    count = lines.count()
    n = max(1, int(partitions))
    per = max(1, -(-count // n))
    return (lines.zipWithIndex().map(lambda li: (li[1] // per, li[0]))
            .partitionBy(n, lambda k: int(k) % n).values())


def _rows(sc, bundle, spec, script, docs, globals_name, reduce_partitions, arguments=()):
    mapped = docs.mapPartitionsWithIndex(_map_partition(bundle, script, globals_name, arguments))
    keyed = mapped.map(lambda t: (spec.key_of(json.loads(t[2])), t))
    reduced = keyed.partitionBy(reduce_partitions, lambda k: zlib.crc32(k.encode("utf-8"))) \
                   .mapPartitions(_reduce_partition(bundle, script))
    topk = {name for name, t in spec.tables.items() if t.get("top_k")}
    if not topk:
        return reduced
    # Each reduce partition kept its own top k of disjoint keys: the k best overall are among them.
    is_topk = lambda line: json.loads(line)["table"] in topk
    best = reduced.filter(is_topk).map(lambda l: (0, (0, 0, l))).partitionBy(1) \
                  .mapPartitions(_reduce_partition(bundle, script))
    return reduced.filter(lambda l: not is_topk(l)).union(best)


_shipped = set()


def _ship_package(sc):
    """Ships this package to the executors (SparkContext.addPyFile of a zip of it), once per context:
    the map and reduce functions live here, and executors need not have dossier-spark installed."""
    if id(sc) in _shipped:
        return
    import zipfile
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(tempfile.mkdtemp(prefix="dossier-spark-py-"), "dossier_spark.zip")
    with zipfile.ZipFile(path, "w") as z:
        for name in sorted(os.listdir(here)):
            if name.endswith(".py"):
                z.write(os.path.join(here, name), os.path.join("dossier_spark", name))
    sc.addPyFile(path)
    _shipped.add(id(sc))


def run(spark, docs, script, bundle, partitions=None, two_phase=False, reduce_partitions=None, phrases=None,
        evidence_passes=2):
    """Runs the map script `script` (a path, or Lua source when it holds a newline) over `docs`
    and returns {table name: DataFrame}, columns in the spec's order (key, then reducers').

    docs: a path (or list of paths, any Hadoop glob) of JSON-lines articles with id, text, title,
        date, source, url, authors…; or a DataFrame with those columns; or an RDD of JSON lines.
    bundle: the archive from scripts/package, an `--archives` alias, or an unpacked folder (Bundle).
    partitions: how many parts `dossier map` runs on (default: the cluster's default parallelism).
    two_phase: first map and reduce share/dossier/scripts/globals.lua and hand the result to every
        part (`dossier map --globals`), so tf-idf keywords equal the single-machine result, and
        entities and quotation speakers are named and counted from the whole corpus's evidence.
    phrases: the phrases the script searches for (`"prime minister"`), named to the first pass
        (`dossier map scripts/globals.lua PHRASE…`), which counts the documents holding each on
        every part (`phrase_df` rows): with them a phrase ranks on a part as on the whole corpus.
        Needs two_phase.
    evidence_passes: with two_phase, how often the first pass runs: the second time with the sum
        of the first as --globals, so that the entity evidence is found with the whole corpus's
        evidence (entities on the partitions then equal the single machine's; docs/guide.md,
        "Beyond one machine"). 1 saves that pass when the script reads no entities; 3 repeats it
        (8 parts of 2,000 bench articles needed 3 for the last organisation's name).
    """
    if not isinstance(evidence_passes, int) or evidence_passes < 1:
        raise ValueError("evidence_passes must be 1 or more, not %r" % (evidence_passes,))
    phrases = [str(p) for p in (phrases or [])]
    if phrases and not two_phase:
        raise ValueError("phrases are counted by the first pass: give two_phase=True with phrases")
    sc = spark.sparkContext
    b = bundle if isinstance(bundle, Bundle) else Bundle(bundle)
    b.ship(sc)
    _ship_package(sc)
    if "\n" not in script:
        with open(script, encoding="utf-8") as f:
            script = f.read()
    partitions = partitions or sc.defaultParallelism
    reduce_partitions = reduce_partitions or partitions
    documents = _documents(spark, docs, partitions).cache()
    globals_name = None
    if two_phase:
        gspec = _spec(sc, b, GLOBALS_SCRIPT)
        folder = tempfile.mkdtemp(prefix="dossier-globals-")
        for n in range(evidence_passes):
            glines = _rows(sc, b, gspec, GLOBALS_SCRIPT, documents, globals_name, reduce_partitions, phrases).collect()
            # A name of its own per run and pass: Spark refuses a second file of the same name.
            path = os.path.join(folder, "%s-%d.jsonl" % (os.path.basename(folder), n + 1))
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(glines) + "\n")
            sc.addFile(path)
            globals_name = os.path.basename(path)
    spec = _spec(sc, b, script)
    rows = _rows(sc, b, spec, script, documents, globals_name, reduce_partitions).cache()
    tables = {}
    for name in sorted(spec.tables):
        lines = rows.filter(lambda l, name=name: json.loads(l)["table"] == name)
        if lines.isEmpty():
            tables[name] = spark.createDataFrame([], "table string")
            continue
        df = spark.read.json(lines)
        cols = [c for c in spec.columns(name) if c in df.columns]
        extra = sorted(c for c in df.columns if c not in cols and c != "table")
        tables[name] = df.select(cols + extra)
    return tables


def write_tables(tables, out, fmt="parquet"):
    """Writes each table to `out/NAME` as Parquet, JSON or CSV (lists become JSON text in CSV)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, StructType
    if fmt not in ("parquet", "json", "csv"):
        raise ValueError("format must be parquet, json or csv, not %r" % fmt)
    for name, df in tables.items():
        if fmt == "csv":
            df = df.select([F.to_json(F.col(f.name)).alias(f.name) if isinstance(f.dataType, (ArrayType, StructType))
                            else F.col(f.name) for f in df.schema.fields])
        writer = df.write.mode("overwrite")
        if fmt == "csv":
            writer = writer.option("header", True)
        writer.format(fmt).save(os.path.join(out, name))
