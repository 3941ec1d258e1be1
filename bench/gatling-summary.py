"""Prints a Gatling report's figures: one table row for docs/performance.md, then the
percentiles of each request. Usage: gatling-summary.py REPORT_DIR TERMINALS DATE"""
import json
import re
import sys
from pathlib import Path

report, terminals, date = Path(sys.argv[1]), sys.argv[2], sys.argv[3]


def load():
    as_json = report / "js" / "stats.json"
    if as_json.exists():
        return json.loads(as_json.read_text())
    text = (report / "js" / "stats.js").read_text()
    body = text[text.index("{"):]
    # the object ends where the first top-level brace closes
    depth = 0
    for i, c in enumerate(body):
        depth += c == "{"
        depth -= c == "}"
        if depth == 0:
            body = body[: i + 1]
            break
    body = re.sub(r"(?m)^(\s*)(\w+):", r'\1"\2":', body)
    body = re.sub(r",(\s*[}\]])", r"\1", body)
    return json.loads(body)


def figure(stats, key):
    return stats[key]["total"]


root = load()
s = root["stats"]
print(f"| {date} | {terminals} | {figure(s, 'numberOfRequests')} | {figure(s, 'meanNumberOfRequestsPerSecond')} "
      f"| {figure(s, 'percentiles1')} ms | {figure(s, 'percentiles3')} ms | {figure(s, 'percentiles4')} ms "
      f"| {s['numberOfRequests']['ko']} |")
for request in root.get("contents", {}).values():
    r = request["stats"]
    print(f"    {request['name']}: n={figure(r, 'numberOfRequests')} p50 {figure(r, 'percentiles1')} "
          f"/ p95 {figure(r, 'percentiles3')} / p99 {figure(r, 'percentiles4')} ms, errors {r['numberOfRequests']['ko']}")
