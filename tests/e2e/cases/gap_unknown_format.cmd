gap no/such/plan.json
