tasks tests/fixtures/tracking/plan-options.yaml --format json --search 'ra soat'
