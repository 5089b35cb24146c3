"""README's Architecture: the pipeline is a straight line, and a module imports only from the stages above it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "generator"
STAGES = ("sources", "convert", "store", "model", "render", "output")
MODEL_MODULES = ("model", "urls")  # the model stage is two modules, not a folder


def stage_of(module: str) -> str | None:
    """The stage a dotted module name belongs to; None for what is no stage (the CLI, the importer, helpers)."""
    parts = module.split(".")
    if parts[0] != "generator" or len(parts) < 2:
        return None
    if parts[1] in MODEL_MODULES:
        return "model"
    return parts[1] if parts[1] in STAGES else None


def imported(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module a file imports, at the top or inside a function, with its line; `from generator import
    urls` names generator.urls."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "generator":
            found += [(node.lineno, f"generator.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def later_imports() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        own = stage_of(module)
        if own is None:
            continue
        for line, name in imported(ast.parse(path.read_text(encoding="utf-8"))):
            other = stage_of(name)
            if other is not None and STAGES.index(other) > STAGES.index(own):
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {own} imports {name} ({other})")
    return wrong


def test_no_stage_imports_a_later_one() -> None:
    assert later_imports() == []


def test_the_check_sees_a_later_import() -> None:
    tree = ast.parse("def f():\n    from generator.convert.wp_render import rendered\n\nfrom generator import urls\n")
    assert sorted((line, name, stage_of(name)) for line, name in imported(tree)) == [
        (2, "generator.convert.wp_render", "convert"), (4, "generator.urls", "model")]
