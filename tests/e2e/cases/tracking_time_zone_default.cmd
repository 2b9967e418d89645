tasks tests/fixtures/tracking/plan.yaml --format json --search 'ra soat'
