gap tests/fixtures/plans/good_rank_targets_2025.yaml --table tests/fixtures/tables/pgi-2025-vi-semicolon.csv -f markdown
