validate tests/fixtures/plans/bad_date.yaml
