#!/usr/bin/env python3
"""Sends COUNT notifications through Apprise to one JSON webhook and prints a JSON summary on stdout.

Used by partybench (Sources/partybench/AppriseRun.swift) to compare partyd's outbox delivery with Apprise
sending the same number of messages to the same local receiver. The clock covers only the notify() calls:
the interpreter's start, importing Apprise and building the Apprise objects are left out.

Apprise sends one notify() through each of the object's services; with one service the call is a plain
blocking HTTP POST in the calling thread (Apprise's thread pool only spreads one message over several
services). So --threads 1 is notify() in a loop, and --threads N runs N such loops in N threads, each with
its own Apprise object, the messages dealt out in turn.
"""

import argparse
import json
import platform
import resource
import sys
import threading
import time

import apprise


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="an Apprise URL, e.g. json://127.0.0.1:8080/apprise")
    parser.add_argument("--count", type=int, default=20000, help="notifications to send")
    parser.add_argument("--threads", type=int, default=1, help="threads calling notify() at once")
    parser.add_argument("--title", required=True, help="the title (each message gets its number appended)")
    parser.add_argument("--body-file", required=True, help="a UTF-8 file holding the body")
    args = parser.parse_args()
    if args.count < 1 or args.threads < 1:
        parser.error("--count and --threads must be positive")
    with open(args.body_file, encoding="utf-8") as handle:
        body = handle.read()

    objects = []
    for _ in range(args.threads):
        notifier = apprise.Apprise()
        if not notifier.add(args.url):
            print(f"apprise refused the URL {args.url}", file=sys.stderr)
            return 2
        objects.append(notifier)
    failures = [0] * args.threads

    def send(lane: int) -> None:
        notifier = objects[lane]
        for number in range(lane, args.count, args.threads):
            # A distinct title per message lets the receiver count each one once.
            if not notifier.notify(title=f"{args.title}（{number}）", body=body):
                failures[lane] += 1

    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    if args.threads == 1:
        send(0)
    else:
        workers = [threading.Thread(target=send, args=(lane,)) for lane in range(args.threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)

    print(
        json.dumps(
            {
                "apprise": apprise.__version__,
                "python": platform.python_version(),
                "threads": args.threads,
                "count": args.count,
                "failed": sum(failures),
                "seconds": seconds,
                "cpuUser": after.ru_utime - before.ru_utime,
                "cpuSystem": after.ru_stime - before.ru_stime,
            }
        )
    )
    return 0 if sum(failures) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
