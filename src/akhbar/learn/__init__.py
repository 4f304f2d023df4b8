"""Learning from the dev gold: examples for the linker, cross-validation, training (`akhbar model train-linker`)."""
