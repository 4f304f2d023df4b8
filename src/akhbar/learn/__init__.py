"""Learning from the dev gold: examples for the linker, cross-validation, training (`akhbar train-linker`)."""
