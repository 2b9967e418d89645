rank examples/lang-son-2024 --lang en
