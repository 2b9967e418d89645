gap tests/fixtures/plans/good_total_only_met.yaml --as-of 2025-06-01 --lang en
