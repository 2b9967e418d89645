report tests/fixtures/tracking/plan-options.yaml --period 2024-10 --as-of 2024-10-30 --source-revisions none --format csv
