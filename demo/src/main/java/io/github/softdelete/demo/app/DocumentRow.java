package io.github.softdelete.demo.app;

/** One line of the document list. */
public record DocumentRow(long id, String title, String owner) {}
