"""What each view's tables download as: pure functions, the view's data in,
a ``dashboard.components.downloads.ExportTable`` out (headers translated,
values as data: ISO dates, plain numbers, vocabulary labels in the reader's
language).  The pages put ``table_downloads(...)`` next to the tables they draw."""
