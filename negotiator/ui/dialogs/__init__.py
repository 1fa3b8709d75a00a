"""The dialogs: proposing, exporting, importing, restoring, preferences and the small confirmations."""
