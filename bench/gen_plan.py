#!/usr/bin/env python3
"""Generates a synthetic PGI plan with N tasks, as YAML and TOML, for benchmarks.

    gen_plan.py N OUTDIR      -> OUTDIR/plan-N.yaml, OUTDIR/plan-N.toml
    gen_plan.py N OUTDIR M    -> also OUTDIR/plan-N-updates/: a plan directory with the same
                                 plan and M months of update files (one update per task and
                                 month, one file per lead owner and month, 2025-01 onwards)

Deterministic (fixed seed). Each task carries about 400 bytes of Vietnamese text, so that
100,000 tasks give a YAML file of about 40 MB, the size of the benchmark goal.
"""
import os
import random
import sys

WORDS = ("tăng cường quản lý kiểm soát ô nhiễm môi trường chất thải rắn sinh hoạt thu gom "
         "phân loại xử lý nước thải bụi khí thải cơ sở sản xuất kinh doanh dịch vụ tuyên "
         "truyền phổ biến pháp luật bảo vệ doanh nghiệp Nhân dân phường xã thành phố tỉnh "
         "hướng dẫn đôn đốc kiểm tra thanh tra xử lý vi phạm biến đổi khí hậu thiên tai").split()
COMPONENTS = [("pollution", "Giảm thiểu ô nhiễm và thiên tai", 484, 658),
              ("compliance", "Đảm bảo tuân thủ", 414, 611),
              ("green-practices", "Thúc đẩy thực hành xanh", 360, 438),
              ("incentives", "Chính sách khuyến khích và dịch vụ hỗ trợ", 475, 530)]
STATUSES = ["not_started", "in_progress", "done", "blocked", "cancelled"]


def score(h):
    return f"{h // 100}.{h % 100:02d}"


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(n)
    owners = [(f"owner-{i:03d}", f"Phòng chuyên môn số {i}") for i in range(200)]
    tasks = []
    for i in range(n):
        comp = COMPONENTS[i % 4][0]
        lead = owners[rnd.randrange(len(owners))][0]
        coop = [owners[rnd.randrange(len(owners))][0] for _ in range(rnd.randrange(3))]
        text = " ".join(rnd.choice(WORDS) for _ in range(45)).capitalize() + "."
        due = f"2025-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}" if i % 3 == 0 else None
        tasks.append((f"t{i:06d}", comp, lead, coop, text, due, STATUSES[i % 5], f"II.{i % 4 + 1}.{i}"))

    with open(os.path.join(out, f"plan-{n}.yaml"), "w", encoding="utf-8") as f:
        f.write("# Synthetic benchmark plan (bench/gen_plan.py); not real data.\npgi: 1\nplan:\n")
        f.write("  issuer: UBND tỉnh Mẫu\n  title: Kế hoạch mẫu để đo hiệu năng\n  period: {start: 2025}\n")
        f.write("  focal_agency: owner-000\ncomponents:\n")
        for num, (cid, name, base, target) in enumerate(COMPONENTS, 1):
            f.write(f"  - id: {cid}\n    number: {num}\n    name: {name}\n")
            f.write(f"    baseline: {{year: 2024, score: {score(base)}}}\n")
            f.write(f"    targets:\n      - {{year: 2025, score: {score(target)}, increase: {score(target - base)}}}\n")
        f.write("owners:\n")
        for oid, name in owners:
            f.write(f"  - {{id: {oid}, name: {name}, kind: department}}\n")
        f.write("tasks:\n")
        for tid, comp, lead, coop, text, due, status, src in tasks:
            f.write(f"  - id: {tid}\n    component: {comp}\n    lead: {lead}\n")
            if coop:
                f.write(f"    cooperating: [{', '.join(coop)}]\n")
            f.write(f"    text: \"{text}\"\n")
            if due:
                f.write(f"    due: {due}\n")
            else:
                f.write("    recurrence: continuous\n")
            f.write(f"    status: {status}\n    source: {src}\n")
        f.write("observations:\n  - year: 2025\n    published: 2026-05\n    scores: "
                "{pollution: 5.10, compliance: 4.90, green-practices: 6.00, incentives: 5.00}\n")

    with open(os.path.join(out, f"plan-{n}.toml"), "w", encoding="utf-8") as f:
        f.write("# Synthetic benchmark plan (bench/gen_plan.py); not real data.\npgi = 1\n\n[plan]\n")
        f.write("issuer = \"UBND tỉnh Mẫu\"\ntitle = \"Kế hoạch mẫu để đo hiệu năng\"\nperiod = { start = 2025 }\n")
        f.write("focal_agency = \"owner-000\"\n\n")
        for num, (cid, name, base, target) in enumerate(COMPONENTS, 1):
            f.write(f"[[components]]\nid = \"{cid}\"\nnumber = {num}\nname = \"{name}\"\n")
            f.write(f"baseline = {{ year = 2024, score = {score(base)} }}\n")
            f.write(f"targets = [ {{ year = 2025, score = {score(target)}, increase = {score(target - base)} }} ]\n\n")
        for oid, name in owners:
            f.write(f"[[owners]]\nid = \"{oid}\"\nname = \"{name}\"\nkind = \"department\"\n\n")
        for tid, comp, lead, coop, text, due, status, src in tasks:
            f.write(f"[[tasks]]\nid = \"{tid}\"\ncomponent = \"{comp}\"\nlead = \"{lead}\"\n")
            if coop:
                f.write("cooperating = [" + ", ".join(f'"{c}"' for c in coop) + "]\n")
            f.write(f"text = \"{text}\"\n")
            f.write(f"due = {due}\n" if due else "recurrence = \"continuous\"\n")
            f.write(f"status = \"{status}\"\nsource = \"{src}\"\n\n")
        f.write("[[observations]]\nyear = 2025\npublished = \"2026-05\"\n"
                "scores = { pollution = 5.10, compliance = 4.90, green-practices = 6.00, incentives = 5.00 }\n")

    if len(sys.argv) > 3:
        write_updates(n, out, int(sys.argv[3]), tasks, owners, rnd)


def write_updates(n, out, months, tasks, owners, rnd):
    """A plan directory: plan.yaml plus updates/2025-MM/<owner>.yaml, and a schedule asking for
    monthly reports by the 5th. Every 20th owner skips the last month (late agencies)."""
    import shutil
    pdir = os.path.join(out, f"plan-{n}-updates")
    os.makedirs(os.path.join(pdir, "updates"), exist_ok=True)
    shutil.copy(os.path.join(out, f"plan-{n}.yaml"), os.path.join(pdir, "plan.yaml"))
    with open(os.path.join(pdir, "updates", "schedule.yaml"), "w", encoding="utf-8") as f:
        f.write("# Synthetic benchmark data (bench/gen_plan.py); not real data.\n")
        f.write("reports:\n  - {due: 2025-02-05, frequency: monthly, to: owner-000}\n")
    by_lead = {}
    for t in tasks:
        by_lead.setdefault(t[2], []).append(t)
    for m in range(1, months + 1):
        year, month = 2025 + (m - 1) // 12, (m - 1) % 12 + 1
        period = f"{year}-{month:02d}"
        ny, nm = (year, month + 1) if month < 12 else (year + 1, 1)
        mdir = os.path.join(pdir, "updates", period)
        os.makedirs(mdir, exist_ok=True)
        for k, (oid, _) in enumerate(owners):
            if oid not in by_lead or (k % 20 == 0 and m == months):
                continue
            with open(os.path.join(mdir, f"{oid}.yaml"), "w", encoding="utf-8") as f:
                f.write(f"# Synthetic benchmark data (bench/gen_plan.py); not real data.\n"
                        f"reported_by: {oid}\nperiod: {period}\nupdates:\n")
                for tid, comp, lead, coop, text, due, status, src in by_lead[oid]:
                    pct = min(100, m * 100 // months + rnd.randrange(10))
                    st = "done" if pct >= 100 else ("blocked" if rnd.randrange(40) == 0 else "in_progress")
                    f.write(f"  - {{task: {tid}, date: {ny}-{nm:02d}-{rnd.randrange(1, 5):02d}, status: {st}, "
                            f"percent: {pct}, evidence: [\"{rnd.randrange(1, 999)}/BC\"], "
                            f"note: \"{' '.join(rnd.choice(WORDS) for _ in range(8))}\"}}\n")


if __name__ == "__main__":
    main()
