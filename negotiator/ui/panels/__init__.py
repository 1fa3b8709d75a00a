"""The panels and views the main window shows: navigators, the agreement, terms, comparison, review, scenarios, map."""
