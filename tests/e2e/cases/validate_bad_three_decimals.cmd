validate tests/fixtures/plans/bad_three_decimals.toml
