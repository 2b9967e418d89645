report tests/fixtures/tracking/plan-due-30.yaml --period 2024-01 --as-of 2024-03-15 --source-revisions none --format csv
