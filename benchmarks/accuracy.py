"""Accuracy of the extractor on every gold set: per batch, per fact type, and per confidence.

    uv run python benchmarks/accuracy.py [--shared ../shared] [--json FILE]

Batches: the seed articles (`seeds/` against `gold/seed_facts.jsonl`), the dev batches of
`../shared` (devset, devset_b, devset_c, devset_ru) and the probe articles of the tests. Each is
extracted in this process and scored with `../shared/tools/score_facts.py`, the scorer every
extractor is judged by. The seed gold labels every numeric or dated fact, so facts with neither
a value nor a period (an undated launch) are left out of the seed score only.

The confidence table pools every batch: of the facts given each confidence, how many match a
gold fact. A well-calibrated confidence of 0.9 is right about 90 % of the time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.tables.frames import extract_paths  # noqa: E402

BUCKETS = ((0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.0, 0.6))


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location(
        "score_facts", shared / "tools" / "score_facts.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def batches(shared: Path) -> list[tuple[str, Path, Path, bool]]:
    """(name, articles, gold, numeric or dated only) for every gold set that is there."""
    found = [("seeds", ROOT / "seeds", shared / "gold" / "seed_facts.jsonl", True)]
    for name in ("devset", "devset_b", "devset_c", "devset_ru"):
        found.append((name, shared / name / "articles", shared / name / "gold.jsonl", False))
    probes = ROOT / "tests" / "fixtures" / "probes"
    found.append(("probes", probes / "articles", probes / "gold.jsonl", False))
    probes_ru = ROOT / "tests" / "fixtures" / "probes_ru"
    found.append(("probes_ru", probes_ru / "articles", probes_ru / "gold.jsonl", False))
    return [b for b in found if b[1].exists() and b[2].exists()]


def match(scorer, gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """The scorer's one-to-one greedy matching, as (gold index, predicted index) pairs."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in used and scorer.matches(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def score_batch(scorer, gold: list[dict], predicted: list[dict]) -> dict:
    articles = {g["article_id"] for g in gold}
    predicted = [p for p in predicted if p["article_id"] in articles]
    pairs = match(scorer, gold, predicted)
    matched = len(pairs)
    precision = matched / len(predicted) if predicted else 0.0
    recall = matched / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    attributes = {}
    for key in ("qualifier", "status", "unit", "model"):
        right = total = 0
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            if key == "model":
                if g["fact_type"] not in scorer.VEHICLE_COUNTS or not (
                    g.get("model") or p.get("model")
                ):
                    continue
                ok = scorer.same_model(g.get("model"), p.get("model"))
            else:
                if g.get(key) is None:
                    continue
                ok = g.get(key) == p.get(key)
            total += 1
            right += ok
        attributes[key] = right / total if total else None
    hits = {pi for _, pi in pairs}
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "matched": matched,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "attributes": attributes,
        "confidences": [(p.get("confidence", 0.0), i in hits) for i, p in enumerate(predicted)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if not (args.shared / "tools" / "score_facts.py").exists():
        sys.exit(f"no scorer at {args.shared}/tools/score_facts.py")
    scorer = _scorer(args.shared)
    results: dict[str, dict] = {}
    print(
        f"{'batch':<10}{'gold':>6}{'pred':>6}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}"
        f"{'qual':>7}{'status':>8}{'unit':>7}{'model':>7}"
    )
    for name, articles, gold_path, numeric_or_dated in batches(args.shared):
        gold = scorer.load(str(gold_path))
        predicted = [f.to_dict() for f in extract_paths([articles]).fact_records()]
        if numeric_or_dated:
            predicted = [p for p in predicted if p["value"] is not None or p["period"]]
        result = score_batch(scorer, gold, predicted)
        results[name] = result
        a = result["attributes"]
        shown = [f"{a[k]:.2f}" if a[k] is not None else "-" for k in a]
        print(
            f"{name:<10}{result['gold']:>6}{result['predicted']:>6}{result['matched']:>7}"
            f"{result['precision']:>7.2f}{result['recall']:>7.2f}{result['f1']:>7.2f}"
            f"{shown[0]:>7}{shown[1]:>8}{shown[2]:>7}{shown[3]:>7}"
        )
    print("\nconfidence   facts  right  precision   (all batches)")
    pooled = [c for r in results.values() for c in r.pop("confidences")]
    table = []
    for low, high in BUCKETS:
        inside = [ok for confidence, ok in pooled if low <= confidence < high]
        precision = sum(inside) / len(inside) if inside else None
        table.append(
            {
                "from": low,
                "to": min(high, 1.0),
                "facts": len(inside),
                "right": sum(inside),
                "precision": round(precision, 3) if precision is not None else None,
            }
        )
        shown = f"{precision:.2f}" if precision is not None else "-"
        print(f"{low:.1f}-{min(high, 1.0):.1f}   {len(inside):>7}{sum(inside):>7}{shown:>11}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"batches": results, "confidence": table}, indent=2))


if __name__ == "__main__":
    main()
