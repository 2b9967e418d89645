validate tests/fixtures/plans/bad_missing_key.toml
