gap tests/fixtures/plans/good_total_only_met.yaml --as-of 2025-01-01
