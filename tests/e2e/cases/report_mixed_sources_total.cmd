report tests/fixtures/plans/good_minimal.yaml --period 2025-09 --as-of 2025-10-01 --source-revisions none --lang en
