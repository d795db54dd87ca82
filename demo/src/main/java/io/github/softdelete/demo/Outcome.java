package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AttachmentRow;
import io.github.softdelete.demo.app.DocumentRow;
import io.github.softdelete.demo.app.OwnerCount;
import java.util.List;

/** What the application saw at each step of its own part of the story, the same in every run. */
record Outcome(
    List<DocumentRow> before,
    DocumentRow deleted,
    int deleteCount,
    List<DocumentRow> after,
    List<OwnerCount> countsPerUser,
    List<AttachmentRow> ownerAttachments) {}
