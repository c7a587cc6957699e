#!/usr/bin/env python3
"""Sums Boa's instruction trace per function: a deterministic profile of the JS glue.

Build the binary with the trace global, wrap the region to profile in the script, and pipe the
run through this:

    cargo build --release -p boa_host --features js-trace
    # in the script: __actorjsTrace(true); ...region...; __actorjsTrace(false);
    target/release/actorjs script.js | benches/tools/js_profile.py [--top N] [--ops]

Each function's row counts the instructions it executed itself and how many times it was called;
`--ops` adds the opcode totals; `--callers NAME` lists who called NAME. Calls into Rust count as one instruction of the
caller. Output lines that are not trace (the script's own) are passed through to stderr.
"""
import re
import sys
from collections import Counter

HEADER = re.compile(r"^-+ Call Frame '(.*?)'(?: \[anon#(\d+)\])? -+$")
RESUMES = {"Return", "Await", "GeneratorYield", "AsyncGeneratorYield", "GeneratorNext", "Generator", "AsyncGeneratorClose", "ReThrow", "Throw"}
INSN = re.compile(r"^\d+μs\s+(\S+)")


def main():
    top = 40
    show_ops = "--ops" in sys.argv
    if "--top" in sys.argv:
        top = int(sys.argv[sys.argv.index("--top") + 1])
    callers_of = sys.argv[sys.argv.index("--callers") + 1] if "--callers" in sys.argv else None
    insns = Counter()
    calls = Counter()
    edges = Counter()
    last_op = None
    ops = Counter()
    frame = None
    in_listing = False
    for line in sys.stdin:
        if line.startswith("---") and "Compiled Output" in line:
            in_listing = True
            continue
        m = HEADER.match(line.rstrip("\n"))
        if m:
            in_listing = False
            callee = m.group(1) or f"[anon#{m.group(2)}]"
            # A frame switch after a return (or an await or a yield) goes back to a frame already
            # counted; after anything else (a call, or a property access running a getter or a
            # setter) it enters the callee.
            if last_op not in RESUMES:
                calls[callee] += 1
                edges[(frame, callee)] += 1
            frame = callee
            continue
        if in_listing:
            continue
        m = INSN.match(line)
        if m and frame is not None:
            insns[frame] += 1
            ops[m.group(1)] += 1
            last_op = m.group(1)
            continue
        if line.strip() and not line.startswith("Time ") and not line.startswith("Location"):
            sys.stderr.write(line)
    total = sum(insns.values())
    print(f"{total} instructions")
    for name, n in insns.most_common(top):
        print(f"{n:10d} {100 * n / max(total, 1):5.1f}% {calls[name]:8d} calls  {name}")
    if callers_of is not None:
        print()
        for (caller, callee), n in edges.most_common():
            if callee == callers_of:
                print(f"{n:10d}  {caller} -> {callee}")
    if show_ops:
        print()
        for name, n in ops.most_common(top):
            print(f"{n:10d} {100 * n / max(total, 1):5.1f}%  {name}")


if __name__ == "__main__":
    main()
