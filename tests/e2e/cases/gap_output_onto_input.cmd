gap tests/fixtures/plans/good_minimal.yaml --as-of 2025-10-01 -o tests/fixtures/plans/good_minimal.yaml
