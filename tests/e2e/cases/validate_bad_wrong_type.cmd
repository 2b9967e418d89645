validate tests/fixtures/plans/bad_wrong_type.toml
