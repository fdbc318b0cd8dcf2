"""One module per quality rule; :mod:`..registry` lists them."""
