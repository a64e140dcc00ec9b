#!/usr/bin/env python3
"""Checks the server's module layering (docs/development.md, "Layering").

Imports run one way: main -> app -> capability slices -> shared low modules -> entities.
Nothing imports `app`; a low module never imports a slice; a slice never imports another
slice's routes; and the graph of top-level modules has no cycle. Prints the graph with -v.
"""
import re
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "backend" / "src"

# Shared low modules, in the order they may import each other (a module may import those
# listed before it).
LOW = ["entities", "db", "proxies", "config", "error", "clock", "vocab", "skm", "security", "bus", "metrics", "state",
       "guard", "caller", "access", "api", "idempotency", "request_id", "request_span", "security_headers", "web_app", "holidays", "search", "notify"]
SLICES = ["auth", "units", "staff", "chat", "consultations", "live", "ratings", "knowledge", "walkin",
          "complaints", "reports", "audit", "jobs", "seed", "monitoring", "templates"]
ROOT = ["app"]


def top_module(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".rs")


def imports(text: str) -> set[str]:
    found = set()
    for m in re.finditer(r"\bcrate::([a-z_]+)", text):
        found.add(m.group(1))
    # `use crate::{a::…, b, c::{…}}`: the top-level names inside the braces.
    for m in re.finditer(r"use\s+crate::\{", text):
        depth, i, start = 1, m.end(), m.end()
        while depth and i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        body = text[start:i - 1]
        level, token = 0, ""
        for ch in body + ",":
            if ch == "{":
                level += 1
            elif ch == "}":
                level -= 1
            if level == 0 and ch == ",":
                name = re.match(r"\s*([a-z_]+)", token)
                if name:
                    found.add(name.group(1))
                token = ""
            elif level == 0:
                token += ch
    return found


def strip_tests(text: str) -> str:
    cut = text.find("#[cfg(test)]")
    return text if cut < 0 else text[:cut]


def main() -> int:
    graph: dict[str, set[str]] = {}
    routes_users: list[tuple[str, str]] = []
    for path in sorted(SRC.rglob("*.rs")):
        module = top_module(path)
        if module in ("main", "lib"):
            continue
        text = strip_tests(path.read_text())
        deps = imports(text) - {module, "self", "super"}
        graph.setdefault(module, set()).update(deps)
        for other in re.findall(r"crate::([a-z_]+)::routes", text):
            if other != module:
                routes_users.append((str(path.relative_to(SRC)), other))
    errors = []
    known = set(LOW) | set(SLICES) | set(ROOT)
    for module, deps in sorted(graph.items()):
        if module not in known:
            errors.append(f"`{module}` is in no layer: add it to scripts/check-layers.py")
        if "app" in deps:
            errors.append(f"`{module}` imports `app`, the composition root")
        if module in LOW:
            for dep in deps & set(SLICES):
                errors.append(f"low module `{module}` imports the slice `{dep}`")
            for dep in deps & set(LOW):
                if LOW.index(dep) > LOW.index(module):
                    errors.append(f"low module `{module}` imports `{dep}`, which sits above it")
    for path, other in routes_users:
        if not path.startswith("app"):
            errors.append(f"{path} uses the HTTP routes of `{other}`")
    # Cycles among the slices (and anything else).
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if dep not in graph:
                continue
            if state.get(dep) == 1:
                errors.append("cycle: " + " -> ".join(stack[stack.index(dep):] + [dep]))
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    if "-v" in sys.argv:
        for module, deps in sorted(graph.items()):
            print(f"{module:14} -> {' '.join(sorted(deps & set(graph)))}")
    for e in errors:
        print("layering:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
