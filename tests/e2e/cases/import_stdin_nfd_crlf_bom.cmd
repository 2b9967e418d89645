import -
