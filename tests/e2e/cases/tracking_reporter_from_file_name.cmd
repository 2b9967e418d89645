report tests/fixtures/tracking/plan.yaml tests/fixtures/tracking/reporter --period 2024-10 --as-of 2024-11-10 --source-revisions none --lang en
