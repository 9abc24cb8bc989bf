"""What the user sees: the app factory, layouts, components, figures, translations."""
