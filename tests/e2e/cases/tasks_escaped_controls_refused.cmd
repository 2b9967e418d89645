tasks tests/fixtures/plans/bad_escaped_controls.yaml
