"""`python -m akhbar` runs the command-line interface."""

from akhbar.cli import main

main()
