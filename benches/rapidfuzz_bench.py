#!/usr/bin/env python3
"""RapidFuzz side of the scale benchmark, run by `cargo bench --bench scale` after our side.

For each size in OUT/ours.jsonl it reads the same question variants (OUT/<size>/variants.jsonl)
and labelled queries (OUT/<size>/queries.jsonl) that our matcher was measured on, and runs
`process.extractOne` with `fuzz.WRatio` and with `fuzz.token_set_ratio`, both with
`utils.default_process`. The choices are pre-processed once (as a Python developer would for a
fixed knowledge base); each query is processed per call, inside the timing.

Large sizes take seconds per query for RapidFuzz, so it runs on the first N queries (N in the
table); our top-1 is recomputed on the same N queries from OUT/<size>/ours_hits.txt.

Writes OUT/results.json, OUT/table.md and the SVG plot (latency against size, log-log).
Needs: pip install rapidfuzz
"""

import argparse
import json
import statistics
import time
from pathlib import Path

from rapidfuzz import fuzz, process, utils

# RapidFuzz calls per scorer and size at most: the budget is choices x queries.
BUDGET = 1e7
MIN_QUERIES = 10


def pct(values, p):
    s = sorted(values)
    return s[round((len(s) - 1) * p)] if s else 0.0


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_scorer(scorer, queries, choices, labels):
    times, hits = [], 0
    for q in queries:
        t = time.perf_counter()
        best = process.extractOne(utils.default_process(q["q"]), choices, scorer=scorer, processor=None)
        times.append((time.perf_counter() - t) * 1e6)
        if best is not None and labels[best[2]] == q["id"]:
            hits += 1
    return {
        "p50_us": pct(times, 0.5),
        "p99_us": pct(times, 0.99),
        "mean_us": statistics.fmean(times),
        "top1": hits / max(1, len(queries)),
    }


def fmt_us(us):
    if us >= 1e6:
        return f"{us / 1e6:.2f} s"
    if us >= 1e3:
        return f"{us / 1e3:.2f} ms"
    return f"{us:.1f} µs"


def svg_plot(rows, path):
    """Latency (p50, and p99 for ours) against entries, log-log, hand-written SVG."""
    import math

    w, h, left, right, top, bottom = 760, 470, 80, 210, 40, 60
    xs = [r["entries"] for r in rows]
    series = [
        ("ours p50", "#1b7837", [r["p50_us"] for r in rows], ""),
        ("ours p99", "#1b7837", [r["p99_us"] for r in rows], "6,4"),
        ("RapidFuzz WRatio p50", "#c51b7d", [r["wratio"]["p50_us"] for r in rows], ""),
        ("RapidFuzz token_set_ratio p50", "#2166ac", [r["token_set"]["p50_us"] for r in rows], ""),
    ]
    ys = [y for _, _, vals, _ in series for y in vals if y > 0]
    x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    pw, ph = w - left - right, h - top - bottom

    def px(x):
        return left + (math.log10(x) - x0) / max(1e-9, x1 - x0) * pw

    def py(y):
        return top + ph - (math.log10(y) - y0) / max(1e-9, y1 - y0) * ph

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{w}" height="{h}" fill="white"/>',
        f'<text x="{left}" y="22" font-size="15">Match latency per query vs knowledge-base size '
        f"(log-log)</text>",
    ]
    for e in range(x0, x1 + 1):
        x = px(10**e)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{top + ph + 18}" text-anchor="middle">{10**e:,}</text>')
    for e in range(y0, y1 + 1):
        y = py(10**e)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{fmt_us(10**e)}</text>')
    out.append(
        f'<text x="{left + pw / 2}" y="{h - 15}" text-anchor="middle">entries '
        f"(× 4 languages × 5 variants; leftmost = shipped content)</text>"
    )
    out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#333"/>')
    for i, (name, color, vals, dash) in enumerate(series):
        pts = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, vals) if y > 0)
        da = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"{da}/>')
        for x, y in zip(xs, vals):
            if y > 0:
                out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="{color}"/>')
        ly = top + 10 + i * 22
        out.append(
            f'<line x1="{left + pw + 12}" y1="{ly}" x2="{left + pw + 40}" y2="{ly}" '
            f'stroke="{color}" stroke-width="2"{da}/>'
        )
        out.append(f'<text x="{left + pw + 46}" y="{ly + 4}">{name}</text>')
    out.append("</svg>")
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--svg", required=True)
    args = ap.parse_args()
    out = Path(args.out)
    rows = []
    for ours in load_jsonl(out / "ours.jsonl"):
        d = out / ours["size"]
        variants = load_jsonl(d / "variants.jsonl")
        queries = load_jsonl(d / "queries.jsonl")
        hits = [int(x) for x in (d / "ours_hits.txt").read_text().split()]
        labels = [v["id"] for v in variants]
        t = time.perf_counter()
        choices = [utils.default_process(v["text"]) for v in variants]
        prep_s = time.perf_counter() - t
        n = max(MIN_QUERIES, min(len(queries), int(BUDGET / max(1, len(choices)))))
        n = min(n, len(queries))
        sub = queries[:n]
        print(f"== {ours['size']}: {len(choices)} choices, {n} queries", flush=True)
        wr = run_scorer(fuzz.WRatio, sub, choices, labels)
        ts = run_scorer(fuzz.token_set_ratio, sub, choices, labels)
        row = dict(ours)
        row.update(
            rf_queries=n,
            rf_prep_s=prep_s,
            ours_top1_rf_subset=sum(hits[:n]) / max(1, n),
            wratio=wr,
            token_set=ts,
        )
        rows.append(row)
        print(json.dumps(row), flush=True)
    (out / "results.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    svg_plot(rows, args.svg)

    lines = [
        "| size | entries | variants | load | index build | RSS steady / peak | ours p50 / p99 "
        "| ours top-1 | WRatio p50 / p99 | WRatio top-1 | token_set p50 / p99 | token_set top-1 "
        "| RF queries (ours top-1 on them) | p50 ours/WRatio | p50 ours/token_set |",
        "|" + "---|" * 15,
    ]
    for r in rows:
        wr, ts = r["wratio"], r["token_set"]
        lines.append(
            f"| {r['size']} | {r['entries']:,} | {r['variants']:,} | {r['load_s']:.2f} s "
            f"| {r['build_s']:.2f} s | {r['rss_steady_mib']:.0f} / {r['peak_mib']:.0f} MiB "
            f"| {fmt_us(r['p50_us'])} / {fmt_us(r['p99_us'])} | {r['top1']:.3f} "
            f"| {fmt_us(wr['p50_us'])} / {fmt_us(wr['p99_us'])} | {wr['top1']:.3f} "
            f"| {fmt_us(ts['p50_us'])} / {fmt_us(ts['p99_us'])} | {ts['top1']:.3f} "
            f"| {r['rf_queries']} ({r['ours_top1_rf_subset']:.3f}) "
            f"| 1/{wr['p50_us'] / max(1e-9, r['p50_us']):,.1f} "
            f"| 1/{ts['p50_us'] / max(1e-9, r['p50_us']):,.1f} |"
        )
    table = "\n".join(lines) + "\n"
    (out / "table.md").write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
