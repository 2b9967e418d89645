validate --lang vi tests/fixtures/plans/good_minimal.yaml no/such/plan.yaml
