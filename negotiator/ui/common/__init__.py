"""What every part of the window shares: undo, settings, icons, colours, errors, long work and small widgets."""
