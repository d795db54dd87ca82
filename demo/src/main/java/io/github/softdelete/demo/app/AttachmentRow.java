package io.github.softdelete.demo.app;

/** A file attached to a document. */
public record AttachmentRow(long documentId, String fileName, int sizeKb) {}
