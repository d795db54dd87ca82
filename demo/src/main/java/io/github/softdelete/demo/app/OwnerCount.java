package io.github.softdelete.demo.app;

/** How many documents a user owns. */
public record OwnerCount(String owner, long documents) {}
