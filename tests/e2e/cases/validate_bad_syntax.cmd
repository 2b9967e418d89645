validate tests/fixtures/plans/bad_syntax.yaml
