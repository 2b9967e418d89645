report tests/fixtures/tracking/plan.yaml tests/fixtures/tracking/occurrences --period 2024-Q3 --as-of 2024-10-20 --source-revisions none
