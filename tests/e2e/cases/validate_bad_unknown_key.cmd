validate tests/fixtures/plans/bad_unknown_key.yaml
