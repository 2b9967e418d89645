tasks --help
