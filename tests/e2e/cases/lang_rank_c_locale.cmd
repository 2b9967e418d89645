rank examples/lang-son-2024
