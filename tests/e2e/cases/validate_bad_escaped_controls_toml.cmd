validate tests/fixtures/plans/bad_escaped_controls.toml
