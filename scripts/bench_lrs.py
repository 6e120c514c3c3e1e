"""The learning record store's side of scripts/bench-cohort-lrs.sh.

`python bench_lrs.py load DIR BATCH` posts every statement in the xAPI files
under DIR, BATCH statements a POST, and prints how many and how long it took.
`python bench_lrs.py page LIMIT` reads every statement back, LIMIT a page,
following the `more` links and keeping nothing but the link, and prints the
pages and the wall time: the store's own paging time.

`python bench_lrs.py clone-queue DATA N` turns the one attempt queued in the data
folder DATA (sync/queue/) into N, each with its own attempt, registration and
statement ids. `python bench_lrs.py post-queue DATA` posts each queued attempt's
statements, one POST an attempt as Doorway does, and prints the wall time: the
store's own time for what `doorway sync` sends (scripts/bench-sync.sh).

The store comes from DOORWAY_LRS_URL, DOORWAY_LRS_USER and DOORWAY_LRS_SECRET
(scripts/lrs.sh exports them), so the secret is never on a command line.
"""

import glob
import json
import os
import re
import sys
import time
import uuid

import requests

URL = os.environ["DOORWAY_LRS_URL"].rstrip("/")
AUTH = (os.environ["DOORWAY_LRS_USER"], os.environ["DOORWAY_LRS_SECRET"])
HEADERS = {"X-Experience-API-Version": "1.0.3"}
# The `more` link of a page: its first member in Ralph's answers, its last in
# others', so it is looked for at both ends of the body alone.
MORE = re.compile(rb'"more"\s*:\s*"([^"]*)"')
ENDS = 2000


def load(folder, batch):
    session = requests.Session()
    started = time.monotonic()
    pending, posted = [], 0

    def post():
        nonlocal pending, posted
        answer = session.post(
            f"{URL}/xAPI/statements", json=pending, auth=AUTH, headers=HEADERS
        )
        if answer.status_code != 200:
            sys.exit(f"POST answered {answer.status_code}: {answer.text[:300]}")
        posted += len(pending)
        pending = []

    for path in sorted(glob.glob(os.path.join(folder, "*", "*.json"))):
        with open(path, encoding="utf-8") as file:
            pending.extend(json.load(file))
        if len(pending) >= batch:
            post()
    if pending:
        post()
    print(f"loaded {posted} statements in {time.monotonic() - started:.1f} s")


def page(limit):
    session = requests.Session()
    started = time.monotonic()
    pages, size = 0, 0
    answer = session.get(
        f"{URL}/xAPI/statements", params={"limit": limit}, auth=AUTH, headers=HEADERS
    )
    while True:
        if answer.status_code != 200:
            sys.exit(f"GET answered {answer.status_code}: {answer.text[:300]}")
        pages += 1
        size += len(answer.content)
        body = answer.content
        found = MORE.search(body[:ENDS]) or MORE.search(body[-ENDS:])
        if not found or not found.group(1):
            break
        more = found.group(1).decode().replace("\\/", "/")
        answer = session.get(f"{URL}{more}", auth=AUTH, headers=HEADERS)
    seconds = time.monotonic() - started
    print(f"paged {pages} pages, {size / 1e6:.1f} MB in {seconds:.2f} s")
    print(f"seconds={seconds:.3f}")


def queued_files(data):
    return sorted(glob.glob(os.path.join(data, "sync", "queue", "*.json")))


def clone_queue(data, count):
    [original] = queued_files(data)
    with open(original, encoding="utf-8") as file:
        queued = json.load(file)
    text = json.dumps(queued)
    registration = queued["statements"][0]["context"]["registration"]
    old_ids = [statement["id"] for statement in queued["statements"]]
    os.remove(original)
    for n in range(count):
        attempt_id = f"{queued['queued_at']:010d}-{n:08x}"
        copy = text.replace(queued["attempt_id"], attempt_id)
        copy = copy.replace(registration, str(uuid.uuid4()))
        for old in old_ids:
            copy = copy.replace(old, str(uuid.uuid4()))
        path = os.path.join(data, "sync", "queue", f"{attempt_id}.json")
        with open(path, "w", encoding="utf-8") as file:
            file.write(copy)
    print(f"queued {count} attempts of {len(old_ids)} statements")


def post_queue(data):
    session = requests.Session()
    files = queued_files(data)
    started = time.monotonic()
    for path in files:
        with open(path, encoding="utf-8") as file:
            statements = json.load(file)["statements"]
        answer = session.post(
            f"{URL}/xAPI/statements", json=statements, auth=AUTH, headers=HEADERS
        )
        if answer.status_code not in (200, 204):
            sys.exit(f"POST answered {answer.status_code}: {answer.text[:300]}")
    seconds = time.monotonic() - started
    print(f"posted {len(files)} attempts in {seconds:.2f} s")
    print(f"seconds={seconds:.3f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["load"] and len(sys.argv) == 4:
        load(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1:2] == ["page"] and len(sys.argv) == 3:
        page(int(sys.argv[2]))
    elif sys.argv[1:2] == ["clone-queue"] and len(sys.argv) == 4:
        clone_queue(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1:2] == ["post-queue"] and len(sys.argv) == 3:
        post_queue(sys.argv[2])
    else:
        sys.exit(
            "usage: bench_lrs.py load DIR BATCH | page LIMIT | clone-queue DATA N | post-queue DATA"
        )
