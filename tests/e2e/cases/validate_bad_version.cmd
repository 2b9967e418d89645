validate tests/fixtures/plans/bad_version.yaml
