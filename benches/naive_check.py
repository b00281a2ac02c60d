#!/usr/bin/env python3
"""The 13 rules of journey format v1, written the way a CX analyst with Python would: tomllib,
plain dicts, a search per purchase touchpoint. The yardstick for `cxmap check`'s speed
(scripts/bench-check.sh times both on the same workspace); not part of cxmap.

Usage: naive_check.py FOLDER  (prints the findings as JSON, as `cxmap check --format json`)
"""
import json
import pathlib
import sys
import tomllib


def load(folder):
    departments, data, journeys = {}, {}, []
    for path in sorted(pathlib.Path(folder).rglob("*.toml")):
        if path.name == "cxmap.toml":
            continue
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        for d in doc.get("department", []):
            departments[d["id"]] = d
        for x in doc.get("data", []):
            data[x["id"]] = x
        if "journey" in doc:
            journeys.append((str(path), doc["journey"], doc.get("touchpoint", [])))
    return departments, data, journeys


def owners(tp):
    o = tp.get("owner", [])
    return [o] if isinstance(o, str) else list(o)


def targets(tp):
    return [n if isinstance(n, str) else n["to"] for n in tp.get("next", [])]


def reachable_from(start, by_id):
    """Every touchpoint reachable from `start` by one or more edges."""
    seen, stack = set(), list(targets(by_id[start]))
    while stack:
        t = stack.pop()
        if t not in seen:
            seen.add(t)
            stack.extend(targets(by_id[t]))
    return seen


def check(folder):
    departments, data, journeys = load(folder)
    findings = []

    def add(rule, severity, journey, subject, message, file):
        findings.append({"rule": rule, "severity": severity, "journey": journey,
                         "subject": subject, "message": message, "file": file})

    involved, holds = set(), set()
    for x in data.values():
        holds.update(x["held_by"])
        if len(x["held_by"]) == 1:
            add("data-silo", "warning", None, x["id"],
                f"data `{x['id']}` is held only by `{x['held_by'][0]}`", "")
        if not x["held_by"]:
            add("unowned-data", "warning", None, x["id"],
                f"data `{x['id']}` is held by no department", "")
    journey_owners = set()
    for file, journey, tps in journeys:
        jid = journey["id"]
        if "owner" in journey:
            journey_owners.add(journey["owner"])
        by_id = {t["id"]: t for t in tps}
        incoming = set()
        for t in tps:
            for n in targets(t):
                incoming.add(n)
        entries = [t["id"] for t in tps if t["id"] not in incoming]
        if not entries and tps:
            entries = [tps[0]["id"]]
        reached = set(entries)
        for e in entries:
            reached |= reachable_from(e, by_id)
        # A search per purchase touchpoint: after it is whatever it reaches but itself.
        after = set()
        for t in tps:
            if t.get("purchase"):
                after |= reachable_from(t["id"], by_id) - {t["id"]}
        for t in tps:
            o = owners(t)
            involved.update(o)
            involved.update(t.get("supported_by", []))
            if not o:
                add("unowned-touchpoint", "warning", jid, t["id"], f"touchpoint `{t['id']}` has no owner", file)
            if len(o) >= 2:
                add("shared-ownership", "warning", jid, t["id"], f"touchpoint `{t['id']}` is owned by {o}", file)
            if o:
                for u in t.get("uses", []):
                    if not any(h in o for h in data[u]["held_by"]):
                        add("inaccessible-data", "warning", jid, t["id"],
                            f"touchpoint `{t['id']}` uses data `{u}`, which its owner does not hold", file)
            if t["id"] not in reached:
                add("unreachable-touchpoint", "warning", jid, t["id"],
                    f"touchpoint `{t['id']}` cannot be reached", file)
            if t.get("score", 0) <= -1:
                add("pain-point", "info", jid, t["id"], f"touchpoint `{t['id']}` is a pain point", file)
        purchases = [t for t in tps if t.get("purchase")]
        aftercare = [t for t in tps if t["id"] in after and not t.get("backstage")]
        if not purchases:
            add("missing-purchase", "info", jid, jid, f"journey `{jid}` has no purchase touchpoint", file)
        elif not aftercare:
            add("ends-at-purchase", "warning", jid, jid, f"journey `{jid}` ends at the purchase", file)
        sellers = {o for p in purchases for o in owners(p)}
        if aftercare and all(len(owners(t)) == 1 and owners(t)[0] in sellers for t in aftercare):
            add("seller-owns-aftercare", "warning", jid, jid, f"journey `{jid}` is served only by sellers", file)
        for did, dept in departments.items():
            if dept["customer_facing"]:
                continue
            affected = set()
            for t in tps:
                if did in owners(t):
                    if not t.get("backstage"):
                        affected.add(t["id"])
                    stack, seen = list(targets(t)), set()
                    while stack:
                        n = stack.pop()
                        if n in seen:
                            continue
                        seen.add(n)
                        if not by_id[n].get("backstage"):
                            affected.add(n)
                        else:
                            stack.extend(targets(by_id[n]))
                if did in t.get("supported_by", []) and not t.get("backstage"):
                    affected.add(t["id"])
            if affected:
                add("backstage-influence", "info", jid, did,
                    f"backstage department `{did}` affects the customer at {sorted(affected)}", file)
    for did, dept in departments.items():
        if did in involved and not dept.get("champion", "").strip():
            add("missing-champion", "warning", None, did, f"department `{did}` has no CX champion", "")
        if did not in involved and did not in holds and did not in journey_owners:
            add("uninvolved-department", "info", None, did, f"department `{did}` is not involved", "")
    findings.sort(key=lambda f: (f["file"], f["rule"], f["subject"]))
    return findings


if __name__ == "__main__":
    json.dump({"errors": [], "findings": check(sys.argv[1])}, sys.stdout, indent=2)
    sys.stdout.write("\n")
