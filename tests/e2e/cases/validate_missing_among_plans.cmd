validate tests/fixtures/plans/good_minimal.yaml no/such/plan.yaml
