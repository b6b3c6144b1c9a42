"""dossier-spark end to end in one local[2] Spark session: the bundled example
(share/dossier/scripts/split_analysis.lua), two-phase, on 2 partitions, against `dossier map` +
`dossier reduce` of the whole corpus on one machine.

Skipped (with the reason) without pyspark, without Java, or without the bundle
(scripts/package; or DOSSIER_BUNDLE=path/to/dossier-linux-x86_64.tar.gz).
Run: python -m unittest discover -s python/dossier-spark/tests -v
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.dirname(HERE))
BUNDLE = os.environ.get("DOSSIER_BUNDLE", os.path.join(REPO, ".build", "package", "dossier-linux-x86_64.tar.gz"))
BENCH = "/tmp/dossier-bench/formats-1.jsonl"

EXPORT = """
return { tables = { docs = { key = {"id"}, first = {"title", "source", "text"} } },
         map = function(corpus, emit)
           for _, d in ipairs(corpus:docs()) do emit("docs", {id = d.id, title = d.title, source = d.source, text = d.text}) end
         end }
"""


def skip_reason():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install pyspark in a venv)"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Java is not installed (Spark needs a JDK 17)"
    if not os.path.isfile(BUNDLE):
        return "no bundle at %s (run scripts/package)" % BUNDLE
    return None


def normalized(lines):
    rows = []
    for line in lines:
        row = {k: v for k, v in json.loads(line).items() if v is not None}
        rows.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return sorted(rows)


class LocalSparkTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        reason = skip_reason()
        if reason:
            raise unittest.SkipTest(reason)
        cls.tmp = tempfile.mkdtemp(prefix="dossier-spark-test-")
        with tarfile.open(BUNDLE) as tar:
            tar.extractall(cls.tmp)
        cls.root = os.path.join(cls.tmp, "dossier-linux-x86_64")
        cls.binary = os.path.join(cls.root, "bin", "dossier")
        cls.script = os.path.join(cls.root, "share", "dossier", "scripts", "split_analysis.lua")
        export = os.path.join(cls.tmp, "export.lua")
        with open(export, "w") as f:
            f.write(EXPORT)
        # The articles: the packaged seeds as JSON lines, and 300 bench articles when present.
        seeds = cls.dossier(["map", "--quiet", "--corpus", os.path.join(cls.root, "share", "dossier", "seeds"), export])
        lines = [json.dumps({k: v for k, v in json.loads(l).items() if k != "table"}) for l in seeds]
        if os.path.isfile(BENCH):
            with open(BENCH, encoding="utf-8") as f:
                lines += [l.rstrip("\n") for i, l in zip(range(3000), f) if i % 10 == 0]
        cls.docs = os.path.join(cls.tmp, "docs.jsonl")
        with open(cls.docs, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        rows = os.path.join(cls.tmp, "whole.jsonl")
        with open(rows, "w", encoding="utf-8") as f:
            f.write("\n".join(cls.dossier(["map", "--quiet", "--input", cls.docs, cls.script])) + "\n")
        cls.expected = cls.dossier(["reduce", cls.script, rows])

        from pyspark.sql import SparkSession
        cls.spark = (SparkSession.builder.master("local[2]").appName("dossier-spark-test")
                     .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                     .getOrCreate())
        cls.spark.sparkContext.setLogLevel("ERROR")

    @classmethod
    def tearDownClass(cls):
        if hasattr(cls, "spark"):
            cls.spark.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def dossier(cls, args):
        out = subprocess.run([cls.binary] + args, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=dict(os.environ, DOSSIER_NO_BUILD_TREE="1"))
        return out.stdout.decode("utf-8").splitlines()

    def test_two_phase_run_on_two_partitions_matches_one_machine(self):
        from dossier_spark import run, write_tables
        tables = run(self.spark, self.docs, self.script, bundle=BUNDLE, partitions=2, two_phase=True)
        self.assertEqual(sorted(tables), ["bigram", "corpus", "freq", "keywords", "top_words"])
        self.assertEqual(tables["freq"].columns, ["term", "count", "docs"])
        got = []
        for name, df in tables.items():
            got += [json.dumps(dict(json.loads(r), table=name)) for r in df.toJSON().collect()]
        self.assertEqual(normalized(got), normalized(self.expected))
        self.assertEqual(tables["top_words"].count(), 20)

        out = os.path.join(self.tmp, "out")
        write_tables({"keywords": tables["keywords"], "corpus": tables["corpus"]}, out, "csv")
        written = self.spark.read.option("header", True).csv(os.path.join(out, "keywords"))
        self.assertEqual(written.count(), tables["keywords"].count())
        self.assertTrue(os.path.isdir(os.path.join(out, "corpus")))

    def test_named_phrases_rank_on_partitions_as_on_one_machine(self):
        # BM25 weighs a phrase by the documents holding it, which only the first pass can count:
        # named with `phrases`, every partition scores the phrase's documents as the whole does.
        from dossier_spark import run
        # Phrases the seeds hold (14 hits among their five articles), so the comparison is not
        # empty where the bench articles are absent (a clean CI machine).
        queries = ['"the united states"', '"according to"', '"prime minister"', '"spy balloon"',
                   '"secretary of state"']
        script = ("return { tables = { hits = { key = {'query', 'doc'}, first = {'score'} } },\n"
                  " map = function(corpus, emit)\n"
                  "  for _, q in ipairs({%s}) do\n"
                  "   for _, h in ipairs(corpus:search(q, {limit = 100000, snippets = false})) do\n"
                  "    emit('hits', {query = q, doc = h.doc.id, score = h.score}) end end end }\n"
                  % ", ".join("'%s'" % q for q in queries))
        path = os.path.join(self.tmp, "phrases.lua")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script)
        rows = os.path.join(self.tmp, "whole-hits.jsonl")
        with open(rows, "w", encoding="utf-8") as f:
            f.write("\n".join(self.dossier(["map", "--quiet", "--input", self.docs, path])) + "\n")
        expected = {(r["query"], r["doc"]): r["score"] for r in map(json.loads, self.dossier(["reduce", path, rows]))}
        self.assertGreater(len(expected), 10)
        tables = run(self.spark, self.docs, script, bundle=BUNDLE, partitions=2, two_phase=True,
                     phrases=[q.strip('"') for q in queries], evidence_passes=1)  # no entities read: one pass
        got = {(r["query"], r["doc"]): r["score"] for r in map(json.loads, tables["hits"].toJSON().collect())}
        self.assertEqual(sorted(got), sorted(expected))
        for key, score in expected.items():
            self.assertAlmostEqual(got[key], score, delta=1e-9 * max(1.0, abs(score)), msg=str(key))

    def test_near_duplicates_across_partitions_match_one_machine(self):
        from dossier_spark import run
        script = os.path.join(self.root, "share", "dossier", "scripts", "near_duplicates.lua")
        with open(self.docs, encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f if l.strip()]
        # A copy of the first article at the far end: a pair across the two partitions.
        copy = json.loads(lines[0])
        copy["id"] = "copy-of-" + copy["id"]
        docs = os.path.join(self.tmp, "docs-with-copy.jsonl")
        with open(docs, "w", encoding="utf-8") as f:
            f.write("\n".join(lines + [json.dumps(copy)]) + "\n")
        rows = os.path.join(self.tmp, "whole-near.jsonl")
        with open(rows, "w", encoding="utf-8") as f:
            f.write("\n".join(self.dossier(["map", "--quiet", "--input", docs, script])) + "\n")
        expected = self.dossier(["reduce", script, rows])
        self.assertTrue(any(json.loads(l)["b"] == copy["id"] for l in expected))
        tables = run(self.spark, docs, script, bundle=BUNDLE, partitions=2)
        self.assertEqual(tables["near"].columns[:3], ["a", "b", "similarity"])
        got = [json.dumps(dict(json.loads(r), table="near")) for r in tables["near"].toJSON().collect()]
        self.assertEqual(normalized(got), normalized(expected))

    def test_a_script_error_names_the_script_line(self):
        from dossier_spark import run
        bad = "return { tables = { t = { key = {'x'} } },\n map = function(corpus, emit) emit('u', {x = 1}) end }\n"
        with self.assertRaises(Exception) as caught:
            run(self.spark, self.docs, bad, bundle=BUNDLE, partitions=2)
        self.assertIn("no table 'u'", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
