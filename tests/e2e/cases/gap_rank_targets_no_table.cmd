gap tests/fixtures/plans/good_rank_targets_2025.yaml --lang en
