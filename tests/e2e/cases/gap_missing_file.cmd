gap no/such/plan.yaml
