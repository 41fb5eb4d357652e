#!/usr/bin/env python3
"""Rewrites configmap-knowledgebase.yaml from knowledgebase/ (the same ConfigMap `kubectl create configmap` makes,
with every value as a quoted string). Run from anywhere: python3 deploy/k8s/snapshot-knowledgebase.py"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
kb = root / "knowledgebase"
target = root / "deploy" / "k8s" / "configmap-knowledgebase.yaml"
header = [line for line in target.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
lines = header + ["apiVersion: v1", "data:"]
for path in sorted(p for p in kb.rglob("*") if p.is_file() and not p.name.startswith(".")):
    key = str(path.relative_to(kb)).replace("/", "__")
    lines.append(f"  {key}: {json.dumps(path.read_text(encoding='utf-8'), ensure_ascii=False)}")
lines += ["kind: ConfigMap", "metadata:", "  name: dispatcher-knowledgebase", ""]
target.write_text("\n".join(lines), encoding="utf-8")
print(f"wrote {target.relative_to(root)} ({target.stat().st_size} bytes)")
