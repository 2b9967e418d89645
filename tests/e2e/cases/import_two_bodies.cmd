import tests/fixtures/import/two_bodies.txt -q
