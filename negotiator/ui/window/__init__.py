"""The window itself: the main window and its start, menus and actions, focus, layout, help and printing."""
