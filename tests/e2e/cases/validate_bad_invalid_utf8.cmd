validate tests/fixtures/plans/bad_invalid_utf8.yaml
