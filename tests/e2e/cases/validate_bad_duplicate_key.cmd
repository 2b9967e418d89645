validate tests/fixtures/plans/bad_duplicate_key.yaml
