gap tests/fixtures/plans/good_total_only_not_met.yaml --as-of 2025-06-01 -f csv
