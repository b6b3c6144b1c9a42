"""How dossier-spark calls `dossier map` and reads its command line; no Spark or Java needed.
Run: python -m unittest discover -s python/dossier-spark/tests -v
"""

import contextlib
import io
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from dossier_spark import cli  # noqa: E402
from dossier_spark.runner import map_arguments, run  # noqa: E402


class MapArgumentsTest(unittest.TestCase):
    def test_phrases_follow_the_script(self):
        # `dossier map --input P scripts/globals.lua "prime minister"`: the script's arguments
        # come after it (globals.lua reads them as `arg`).
        self.assertEqual(map_arguments("p.jsonl", "globals.lua", None, ["prime minister", "spy balloon"]),
                         ["map", "--quiet", "--input", "p.jsonl", "globals.lua", "prime minister", "spy balloon"])

    def test_globals_go_before_the_script(self):
        self.assertEqual(map_arguments("p.jsonl", "a.lua", "/x/globals.jsonl"),
                         ["map", "--quiet", "--input", "p.jsonl", "--globals", "/x/globals.jsonl", "a.lua"])

    def test_phrases_without_two_phase_are_refused(self):
        with self.assertRaises(ValueError) as caught:
            run(None, "docs.jsonl", "return {}\n", bundle="b.tar.gz", phrases=["prime minister"])
        self.assertIn("two_phase", str(caught.exception))

    def test_evidence_passes_are_one_or_more(self):
        with self.assertRaises(ValueError) as caught:
            run(None, "docs.jsonl", "return {}\n", bundle="b.tar.gz", two_phase=True, evidence_passes=0)
        self.assertIn("evidence_passes", str(caught.exception))


class CommandLineTest(unittest.TestCase):
    def test_phrase_needs_two_phase(self):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), self.assertRaises(SystemExit):
            cli.main(["--script", "a.lua", "--input", "d.jsonl", "--bundle", "b", "--out", "o",
                      "--phrase", "prime minister"])
        self.assertIn("--phrase needs --two-phase", err.getvalue())

    def test_phrases_reach_run(self):
        seen = {}

        def fake_run(spark, docs, script, **kw):
            seen.update(kw)
            return {}

        class FakeBuilder:
            def appName(self, _):
                return self

            def master(self, _):
                return self

            def getOrCreate(self):
                return type("Spark", (), {"stop": lambda self: None})()

        fake_pyspark = type(sys)("pyspark")
        fake_sql = type(sys)("pyspark.sql")
        fake_sql.SparkSession = type("SparkSession", (), {"builder": FakeBuilder()})
        fake_pyspark.sql = fake_sql
        saved = {k: sys.modules.get(k) for k in ("pyspark", "pyspark.sql")}
        sys.modules.update({"pyspark": fake_pyspark, "pyspark.sql": fake_sql})
        real_run, real_write = cli.run, cli.write_tables
        cli.run, cli.write_tables = fake_run, lambda *a, **k: None
        try:
            code = cli.main(["--script", "a.lua", "--input", "d.jsonl", "--bundle", "b", "--out", "o", "--two-phase",
                             "--phrase", "prime minister", "--phrase", "spy balloon"])
        finally:
            cli.run, cli.write_tables = real_run, real_write
            for k, v in saved.items():
                if v is None:
                    sys.modules.pop(k, None)
                else:
                    sys.modules[k] = v
        self.assertEqual(code, 0)
        self.assertEqual(seen["phrases"], ["prime minister", "spy balloon"])
        self.assertTrue(seen["two_phase"])
        self.assertEqual(seen["evidence_passes"], 2)  # the entity evidence found with the whole corpus's


if __name__ == "__main__":
    unittest.main()
