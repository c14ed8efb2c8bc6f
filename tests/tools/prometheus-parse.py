#!/usr/bin/python3
"""Reads a Prometheus text-format exposition on stdin and prints its families as JSON, parsed by
the Prometheus project's own Python client (Debian's python3-prometheus-client). Exits 1 with
the parser's message if the text does not parse. Used by tests/http/metrics.test.mjs."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

try:
    families = [
        {
            "name": f.name,
            "type": f.type,
            "help": f.documentation,
            "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples],
        }
        for f in text_string_to_metric_families(sys.stdin.read())
    ]
except Exception as e:  # the parser raises ValueError and others on malformed input
    print(f"prometheus-parse: {e}", file=sys.stderr)
    sys.exit(1)
json.dump(families, sys.stdout, allow_nan=False, default=str)
