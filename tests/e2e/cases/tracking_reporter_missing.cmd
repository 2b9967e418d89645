validate tests/fixtures/tracking/plan.yaml tests/fixtures/tracking/reporter-missing
