validate tests/fixtures/plans/bad_score_range.toml
