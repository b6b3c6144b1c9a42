"""The entry file for spark-submit (which runs a file, not a module):

    spark-submit --archives dossier-linux-x86_64.tar.gz#dossier --py-files dossier_spark.zip \\
        python/dossier-spark/bin/dossier_spark_main.py --bundle dossier --script S --input I --out O
"""
import sys

from dossier_spark.cli import main

sys.exit(main())
