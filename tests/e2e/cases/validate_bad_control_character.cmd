validate tests/fixtures/plans/bad_control_character.yaml
