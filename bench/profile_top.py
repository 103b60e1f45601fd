"""Summarise a py-spy ``--format raw`` profile (collapsed stacks): the functions with the most
time, inclusive and self, as a share of all samples.

    python bench/profile_top.py bench/results/profiles/push.collapsed.txt [--top 25] [--filter sk_tui]
"""

from __future__ import annotations

import argparse
from collections import Counter


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--filter", default="", help="only frames whose text holds this")
    args = parser.parse_args()
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    with open(args.file, encoding="utf-8") as lines:
        for line in lines:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack or not count.isdigit():
                continue
            n = int(count)
            frames = stack.split(";")
            total += n
            for frame in set(frames):
                inclusive[frame] += n
            own[frames[-1]] += n
    print(f"{total} samples (py-spy leaves idle threads out)")
    for title, table in (("inclusive", inclusive), ("self", own)):
        print(f"-- {title}")
        shown = 0
        for frame, n in table.most_common():
            if args.filter and args.filter not in frame:
                continue
            print(f"{n / total * 100:6.1f}%  {frame}")
            shown += 1
            if shown >= args.top:
                break


if __name__ == "__main__":
    main()
