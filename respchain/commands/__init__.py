"""The commands of the ``respchain`` CLI, one module per family."""
