#!/usr/bin/env python3
"""Extract tasks from a directory of documents with Apache Spark and the `vntask` package.

    spark-submit examples/spark_extract.py INPUT_DIR OUTPUT_DIR [--parquet]
    python examples/spark_extract.py --master 'local[*]' seeds out   # local mode, no cluster

Every file under INPUT_DIR (recursively; Hadoop skips names starting with `.` or `_`) is read
with `SparkContext.binaryFiles`, extracted by `vntask.extract_document` inside
`mapPartitions` (the package is imported once per partition; the GIL is released while it
works), and written to:

    OUTPUT_DIR/tasks/part-*          task records, JSON Lines (the CLI's records)
    OUTPUT_DIR/documents/part-*      one document record per file (status ok/error/skipped)
    OUTPUT_DIR/tasks.parquet/        the task records as Parquet (with --parquet)

`doc.id` is the file's path relative to INPUT_DIR without its extension, as
`vntask extract INPUT_DIR` gives it, so task ids and records equal the CLI's (`doc.path` is the
file's URI here). A file that cannot be read is a document record with status `error`, not a
failed job. See examples/SPARK.md.
"""

from __future__ import annotations

import argparse
import json
import posixpath
from typing import Iterable, Iterator, Optional


def parse_args(argv: Optional[list[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="directory of documents (any Hadoop path: file:, hdfs:, s3a:)")
    parser.add_argument("output", help="output directory (must not exist)")
    parser.add_argument("--parquet", action="store_true", help="also write tasks as Parquet")
    parser.add_argument("--reference-date", help="YYYY-MM-DD, for documents that state no date")
    parser.add_argument("--partitions", type=int, default=None, help="minimum input partitions")
    parser.add_argument("--master", default=None, help="Spark master when not run by spark-submit")
    parser.add_argument(
        "--conf", action="append", default=[], metavar="KEY=VALUE", help="extra Spark setting"
    )
    return parser.parse_args(argv)


def relative_id(uri: str, root: str) -> tuple[str, str]:
    """(doc_id, file name) of a file URI under `root`: the relative path without extension."""
    relative = uri[len(root) :].lstrip("/") if uri.startswith(root) else posixpath.basename(uri)
    directory, name = posixpath.split(relative)
    stem, dot, _extension = name.rpartition(".")
    if not dot or not stem:
        stem = name
    return posixpath.join(directory, stem) if directory else stem, name


def extract_partition(
    files: Iterable[tuple[str, bytes]], root: str, reference_date: Optional[str]
) -> Iterator[tuple[str, str]]:
    """("task" | "document", JSON line) for every file of one partition."""
    import vntask  # imported on the executor

    for uri, data in files:
        doc_id, name = relative_id(uri, root)
        tasks, document = vntask.extract_document(
            bytes(data), name, doc_id=doc_id, path=uri, reference_date=reference_date
        )
        for task in tasks:
            yield "task", json.dumps(task, ensure_ascii=False, separators=(",", ":"))
        yield "document", json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def qualified(spark_context, path: str) -> str:
    """The fully qualified form of `path` (`file:/abs/dir`), as binaryFiles names its files."""
    jvm = spark_context._jvm  # py4j gateway: the only way to ask Hadoop to qualify a path
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(spark_context._jsc.hadoopConfiguration())
    return fs.makeQualified(hadoop_path).toString().rstrip("/")


def main(argv: Optional[list[str]] = None) -> int:
    from pyspark.sql import SparkSession

    args = parse_args(argv)
    builder = SparkSession.builder.appName("vntask-extract")
    if args.master:
        builder = builder.master(args.master)
    for setting in args.conf:
        key, _, value = setting.partition("=")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        sc._jsc.hadoopConfiguration().set(
            "mapreduce.input.fileinputformat.input.dir.recursive", "true"
        )
        root = qualified(sc, args.input)
        files = sc.binaryFiles(args.input, minPartitions=args.partitions)
        reference_date = args.reference_date
        records = files.mapPartitions(
            lambda part: extract_partition(part, root, reference_date)
        ).cache()
        tasks = records.filter(lambda r: r[0] == "task").values()
        documents = records.filter(lambda r: r[0] == "document").values()
        tasks.saveAsTextFile(posixpath.join(args.output, "tasks"))
        documents.saveAsTextFile(posixpath.join(args.output, "documents"))
        if args.parquet:
            # Column types are inferred from the records (every line is read).
            frame = spark.read.json(tasks, samplingRatio=1.0)
            if frame.columns:
                frame.write.parquet(posixpath.join(args.output, "tasks.parquet"))
        counts = dict(documents.map(lambda line: (json.loads(line)["status"], 1)).countByKey())
        print(
            f"vntask: {sum(counts.values())} documents {counts}, {tasks.count()} tasks",
            flush=True,
        )
        records.unpersist()
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
