"""Command-line sub-commands, one module per area; ``negotiator.cli`` assembles them."""
